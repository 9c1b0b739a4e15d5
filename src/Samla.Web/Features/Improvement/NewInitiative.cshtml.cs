using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Needs;

namespace Samla.Web.Features.Improvement;

/// <summary>Starts an initiative from one or more needs; the owner is one of the user's organisations (any for coordinators).</summary>
[Authorize]
public sealed class NewInitiativeModel(SamlaDbContext db, ImprovementAccess access, IStringLocalizer<ImprovementText> t) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public Guid? Owner { get; set; }
    [BindProperty] public List<Guid> Participants { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "behov")] public List<Guid> NeedIds { get; set; } = [];
    [BindProperty] public string? Problem { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Ownable { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> AllOrganizations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title, string Organization)> AllNeeds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Ownable.Count == 0) return Forbid();
        Owner = Ownable[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Ownable.Count == 0) return Forbid();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 300) ModelState.AddModelError(nameof(Title), t["TitleRequired"]);
        if (Owner is null || Ownable.All(o => o.Id != Owner)) ModelState.AddModelError(nameof(Owner), t["OwnerInvalid"]);
        var needIds = NeedIds.Where(n => AllNeeds.Any(x => x.Id == n)).Distinct().ToList();
        if (needIds.Count == 0) ModelState.AddModelError(nameof(NeedIds), t["NeedRequired"]);
        if (Problem?.Length > 8000) ModelState.AddModelError(nameof(Problem), t["TextTooLong"]);
        if (!ModelState.IsValid) return Page();

        var initiative = new Initiative
        {
            Title = Title!.Trim(),
            OwnerOrganizationId = Owner!.Value,
            Phase = InitiativePhase.Identify,
            Problem = Problem?.Trim() ?? "",
            CreatedBy = User.Identity?.Name ?? "",
        };
        foreach (var org in Participants.Where(p => p != Owner && AllOrganizations.Any(o => o.Id == p)).Distinct())
        {
            initiative.Participants.Add(new InitiativeParticipant { OrganizationId = org });
        }
        foreach (var n in needIds) initiative.Needs.Add(new InitiativeNeed { NeedId = n });
        db.Add(initiative);
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/{initiative.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Ownable = await access.OwnableAsync(User, ct);
        AllOrganizations = (await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        AllNeeds = (await db.Set<Need>().AsNoTracking().Where(n => n.Status != NeedStatus.Closed).OrderBy(n => n.Title)
            .Select(n => new { n.Id, n.Title, Org = n.RaisedByOrganization.Name }).ToListAsync(ct))
            .Select(n => (n.Id, n.Title, n.Org)).ToList();
    }
}
