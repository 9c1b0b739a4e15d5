using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;

namespace Samla.Web.Features.Needs;

/// <summary>The needs register, greatest need first: effective priority (override or computed), then score, then severity.</summary>
[Authorize]
public sealed class NeedsModel(SamlaDbContext db, PrioritizeNeeds prioritize, IStringLocalizer<NeedsText> t) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Organization, NeedStatus Status, int Severity, int? People, NeedAssessment Assessment, int Services, int Comments);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public BarChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanCreate = NeedAccess.CanContribute(User);
        var needs = await db.Set<Need>().AsNoTracking()
            .Select(n => new { Need = n, Org = n.RaisedByOrganization.Name, Services = n.Services.Count, Comments = n.Comments.Count })
            .ToListAsync(ct);
        var assessments = await prioritize.AssessAsync(needs.Select(n => NeedFacts.Of(n.Need)), ct);
        Rows = needs
            .Select(n => new Row(n.Need.Id, n.Need.Title, n.Org, n.Need.Status, n.Need.Severity, n.Need.PeopleAffected, assessments[n.Need.Id], n.Services, n.Comments))
            .OrderBy(r => r.Status is NeedStatus.Met or NeedStatus.Closed)
            .ThenByDescending(r => r.Assessment.Effective)
            .ThenByDescending(r => r.Assessment.Computed.Score)
            .ThenByDescending(r => r.Severity)
            .ThenBy(r => r.Title, StringComparer.CurrentCulture)
            .ToList();
        var open = Rows.Where(r => r.Status is NeedStatus.Identified or NeedStatus.BeingAddressed).ToList();
        Chart = new BarChart("chart-needs", t["ChartTitle"], t["ChartDescription"], t["Priority"],
            [new BarSeries(t["Status_Identified"], "series-active"), new BarSeries(t["Status_BeingAddressed"], "series-stale")],
            [.. new[] { PriorityLevel.High, PriorityLevel.Medium, PriorityLevel.Low }.Select(level => new BarItem(
                prioritize.LevelName(level),
                [open.Count(r => r.Assessment.Effective == level && r.Status == NeedStatus.Identified),
                 open.Count(r => r.Assessment.Effective == level && r.Status == NeedStatus.BeingAddressed)]))]);
    }
}
