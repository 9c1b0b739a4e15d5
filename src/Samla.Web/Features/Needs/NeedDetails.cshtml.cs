using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;

namespace Samla.Web.Features.Needs;

/// <summary>One need: its priority and why, the coverage of its cells, the services that answer it, comments; and the forms that change them.</summary>
[Authorize]
public sealed class NeedDetailsModel(SamlaDbContext db, OrganizationAccess access, TimeProvider clock, CoverageQuery coverage, PrioritizeNeeds prioritize, IStringLocalizer<NeedsText> t) : PageModel
{
    public sealed record LinkedService(Guid Id, string Name, string Organization);

    public Need Need { get; private set; } = null!;
    public string Organization { get; private set; } = "";
    public NeedAssessment Assessment { get; private set; } = null!;
    public IReadOnlyList<GapCell> Cells { get; private set; } = [];
    public IReadOnlyList<string> TargetGroupNames { get; private set; } = [];
    public IReadOnlyList<string> AgeGroupNames { get; private set; } = [];
    public IReadOnlyList<string> MunicipalityNames { get; private set; } = [];
    public IReadOnlyList<LinkedService> Services { get; private set; } = [];
    public IReadOnlyList<LinkedService> Candidates { get; private set; } = [];
    public IReadOnlyList<(NeedComment Comment, string? Organization)> Comments { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanOverride { get; private set; }
    public bool CanComment { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public string? CommentText { get; set; }
    [BindProperty] public PriorityLevel? OverrideLevel { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public NeedStatus? NewStatus { get; set; }
    [BindProperty] public Guid? ServiceId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanComment) return Forbid();
        if (string.IsNullOrWhiteSpace(CommentText) || CommentText.Length > 4000)
        {
            ModelState.AddModelError(nameof(CommentText), t["CommentInvalid"]);
            return Page();
        }
        var ownOrg = NeedAccess.IsCoordination(User) ? null
            : (await access.MembershipsAsync(User, ct)).Cast<Guid?>().FirstOrDefault();
        db.Add(new NeedComment
        {
            NeedId = id, AuthorName = User.Identity?.Name ?? "", OrganizationId = ownOrg,
            Text = CommentText.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/behov/{id}#comments");
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanOverride) return Forbid();
        var need = await db.Set<Need>().FirstAsync(n => n.Id == id, ct);
        if (OverrideLevel is null)
        {
            need.PriorityOverride = null;
            need.PriorityOverrideReason = null;
            need.PriorityOverriddenBy = null;
            need.PriorityOverriddenAt = null;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(OverrideReason) || OverrideReason.Length > 1000)
            {
                ModelState.AddModelError(nameof(OverrideReason), t["OverrideReasonRequired"]);
                return Page();
            }
            need.PriorityOverride = OverrideLevel;
            need.PriorityOverrideReason = OverrideReason.Trim();
            need.PriorityOverriddenBy = User.Identity?.Name;
            need.PriorityOverriddenAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/behov/{id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (NewStatus is null || !Enum.IsDefined(NewStatus.Value)) return BadRequest();
        var need = await db.Set<Need>().FirstAsync(n => n.Id == id, ct);
        need.Status = NewStatus.Value;
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/behov/{id}");
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (ServiceId is null)
        {
            // The list starts at "Välj…": saying so beats a 400 page.
            ModelState.AddModelError(nameof(ServiceId), t["ChooseService"]);
            return Page();
        }
        var serviceId = ServiceId.Value;
        // Only a service the person linking may see (public, or their own organisation's): a forged id of another
        // organisation's draft would otherwise put its name before everyone signed in.
        if (!await access.CanSeeServiceAsync(User, serviceId, ct)) return BadRequest();
        if (!await db.Set<NeedService>().AnyAsync(x => x.NeedId == id && x.ServiceId == serviceId, ct))
        {
            db.Add(new NeedService { NeedId = id, ServiceId = serviceId, LinkedBy = User.Identity?.Name ?? "", LinkedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/samordning/behov/{id}#services");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var link = await db.Set<NeedService>().FirstOrDefaultAsync(x => x.NeedId == id && x.ServiceId == ServiceId, ct);
        if (link is not null)
        {
            db.Remove(link);
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/samordning/behov/{id}#services");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Set<Need>().AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new { Need = n, Org = n.RaisedByOrganization.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null) return false;
        Need = row.Need;
        Organization = row.Org;
        CanManage = await NeedAccess.CanManageAsync(access, User, Need, ct);
        CanOverride = NeedAccess.IsCoordination(User);
        CanComment = NeedAccess.CanContribute(User);

        var facts = await coverage.LoadAsync(Need.CountyCode, includeNonPublic: false, ct);
        var needFacts = NeedFacts.Of(Need);
        Assessment = prioritize.Assess(facts, needFacts);
        Cells = PrioritizeNeeds.Cells(facts, needFacts);
        string Names(CoverageDimension d, IEnumerable<string> codes) =>
            string.Join(", ", codes.Select(c => facts.Domains[d].FirstOrDefault(v => v.Code == c)?.Label ?? c));
        TargetGroupNames = Need.TargetGroups.Count == 0 ? [t["AllTargetGroups"]] : [Names(CoverageDimension.TargetGroup, Need.TargetGroups)];
        AgeGroupNames = Need.AgeGroups.Count == 0 ? [t["AllAgeGroups"]] : [Names(CoverageDimension.AgeGroup, Need.AgeGroups)];
        MunicipalityNames = Need.MunicipalityCodes.Count == 0 ? [t["WholeCounty", facts.CountyName]] : [Names(CoverageDimension.Municipality, Need.MunicipalityCodes)];

        // Linked services the viewer may not see by name (another organisation's draft, an inactive service) are left out.
        var visible = await access.VisibleServicesAsync(User, ct);
        Services = await db.Set<NeedService>().AsNoTracking().Where(x => x.NeedId == id && visible.Any(v => v.Id == x.ServiceId))
            .OrderBy(x => x.Service.Name)
            .Select(x => new LinkedService(x.ServiceId, x.Service.Name, x.Service.Organization.Name))
            .ToListAsync(ct);
        if (CanManage)
        {
            // Candidates: public services in the need's cells, so the list stays short even with many services.
            var cellFilter = new CoverageFilter();
            if (Need.MunicipalityCodes.Count > 0) cellFilter.With(CoverageDimension.Municipality, [.. Need.MunicipalityCodes]);
            if (Need.TargetGroups.Count > 0) cellFilter.With(CoverageDimension.TargetGroup, [.. Need.TargetGroups]);
            var linked = Services.Select(s => s.Id).ToHashSet();
            var ids = facts.Services.Where(cellFilter.Passes).Select(f => f.Id).Where(i => !linked.Contains(i)).Take(300).ToList();
            Candidates = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Name)
                .Select(s => new LinkedService(s.Id, s.Name, s.Organization.Name)).ToListAsync(ct);
        }
        var comments = await db.Set<NeedComment>().AsNoTracking().Where(c => c.NeedId == id).OrderBy(c => c.CreatedAt)
            .Select(c => new { Comment = c, Org = c.Organization == null ? null : c.Organization.Name })
            .ToListAsync(ct);
        Comments = comments.Select(c => (c.Comment, c.Org)).ToList();
        return true;
    }

    public static string Markdown(string? text) => Infrastructure.SafeMarkdown.ToHtml(text);

    public static string TermList(IEnumerable<string> names) => string.Join(", ", names);

    public string LevelName(PriorityLevel level) => prioritize.LevelName(level);
}
