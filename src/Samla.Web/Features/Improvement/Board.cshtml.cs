using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;

namespace Samla.Web.Features.Improvement;

/// <summary>All initiatives by phase, filterable by organisation (owner or participant), municipality and target group (of their needs).</summary>
[Authorize]
public sealed class BoardModel(SamlaDbContext db, CoverageQuery coverage, ImprovementAccess access, IOptions<SamlaOptions> options) : PageModel
{
    public sealed record Card(Guid Id, string Title, string Owner, IReadOnlyList<string> Participants, IReadOnlyList<string> Needs, int Measures, int Cycles, bool Published);

    [BindProperty(SupportsGet = true, Name = "organisation")] public Guid? Organization { get; set; }
    [BindProperty(SupportsGet = true, Name = "kommun")] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true, Name = "malgrupp")] public string? TargetGroup { get; set; }

    public IReadOnlyDictionary<InitiativePhase, List<Card>> Columns { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<DomainValue> Municipalities { get; private set; } = [];
    public IReadOnlyList<DomainValue> TargetGroups { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var facts = await coverage.LoadAsync(options.Value.CountyCode, includeNonPublic: false, ct);
        Municipalities = facts.Domains[CoverageDimension.Municipality];
        TargetGroups = facts.Domains[CoverageDimension.TargetGroup];
        CanCreate = (await access.OwnableAsync(User, ct)).Count > 0;

        var rows = await db.Set<Initiative>().AsNoTracking()
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Phase,
                i.OwnerOrganizationId,
                Owner = i.OwnerOrganization.Name,
                Published = i.SummaryPublishedAt != null,
                Participants = i.Participants.Select(p => new { p.OrganizationId, p.Organization.Name }).ToList(),
                Needs = i.Needs.Select(n => new { n.Need.Title, n.Need.MunicipalityCodes, n.Need.TargetGroups }).ToList(),
                Measures = i.Measures.Count(m => !m.IsArchived),
                Cycles = i.Cycles.Count(c => !c.IsArchived),
            })
            .ToListAsync(ct);
        Organizations = rows.Select(r => (r.OwnerOrganizationId, r.Owner))
            .Concat(rows.SelectMany(r => r.Participants.Select(p => (p.OrganizationId, p.Name))))
            .Distinct().OrderBy(o => o.Item2, StringComparer.CurrentCulture).ToList();

        // A need without municipalities covers the whole county; without target groups, all of them.
        var filtered = rows.Where(r =>
            (Organization is null || r.OwnerOrganizationId == Organization || r.Participants.Any(p => p.OrganizationId == Organization))
            && (string.IsNullOrEmpty(Municipality) || r.Needs.Any(n => n.MunicipalityCodes.Count == 0 || n.MunicipalityCodes.Contains(Municipality)))
            && (string.IsNullOrEmpty(TargetGroup) || r.Needs.Any(n => n.TargetGroups.Count == 0 || n.TargetGroups.Contains(TargetGroup))));
        Columns = Enum.GetValues<InitiativePhase>().ToDictionary(p => p, p => filtered.Where(r => r.Phase == p)
            .OrderBy(r => r.Title, StringComparer.CurrentCulture)
            .Select(r => new Card(r.Id, r.Title, r.Owner, r.Participants.Select(x => x.Name).ToList(), r.Needs.Select(n => n.Title).ToList(), r.Measures, r.Cycles, r.Published))
            .ToList());
    }
}
