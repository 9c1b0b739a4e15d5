using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;

namespace Samla.Web.Features.Surveys;

/// <summary>
/// The summary for the participating organisations, once a coordinator has shared it: the list of shared surveys an
/// organisation of the user took part in, and one survey's summary (closed answers, themes, condensed quotes).
/// Anyone else gets 404; coordinators see every survey.
/// </summary>
[Authorize]
public sealed class SharedSummaryModel(SamlaDbContext db, OrganizationAccess access, IStringLocalizer<SurveysText> t, IStringLocalizer<SurveyAnswerText> a) : PageModel
{
    public List<(Guid Id, string Title, DateOnly ClosesOn)> Shared { get; private set; } = [];
    public Survey? Survey { get; private set; }
    public IReadOnlyList<SurveyQuery.QuestionResult> Results { get; private set; } = [];
    public SurveyQuery.Tracking? Tracking { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var coordinator = User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Administrator);
        var orgs = await access.MembershipsAsync(User, ct);
        var visible = db.Set<Survey>().AsNoTracking().Where(s => coordinator || (s.SummaryShared && s.Recipients.Any(r => r.OrganizationId != null && orgs.Contains(r.OrganizationId.Value))));
        if (id is null)
        {
            Shared = (await visible.Where(s => s.SummaryShared).OrderByDescending(s => s.ClosesOn).Select(s => new { s.Id, s.Title, s.ClosesOn }).ToListAsync(ct))
                .Select(s => (s.Id, s.Title, s.ClosesOn)).ToList();
            return Page();
        }
        if (!await visible.AnyAsync(s => s.Id == id, ct)) return NotFound();
        Survey = await SurveyQuery.LoadAsync(db, id.Value, ct);
        if (Survey is null) return NotFound();
        Results = SurveyQuery.Results(Survey, a["Yes"], a["No"]);
        Tracking = SurveyQuery.Track(Survey);
        return Page();
    }

    public BarChart Chart(SurveyQuery.QuestionResult r, int n) => new(
        $"chart-{n}", t["ChartTitle", n, r.Question.Text], r.Answered == 0 ? t["ChartDescriptionNone"] : t.Plural("ChartDescription", r.Answered), t["Answer"],
        [new BarSeries(t["Count"], "bar-main")],
        r.Choices.Select(c => new BarItem($"{c.Label} ({c.Share.ToString("P0", System.Globalization.CultureInfo.CurrentCulture)})", [c.Count])).ToList());
}
