using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Surveys;

/// <summary>Two rounds of the same survey side by side: the survey and its origin, or another round chosen with ?med=.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SurveyCompareModel(SamlaDbContext db, IStringLocalizer<SurveyAnswerText> a) : PageModel
{
    public Survey Later { get; private set; } = null!;
    public Survey? Earlier { get; private set; }
    public IReadOnlyList<SurveyQuery.ComparedQuestion> Questions { get; private set; } = [];
    /// <summary>The other surveys, newest first, each with the day it was sent (created, if it has not been sent).</summary>
    public List<(Guid Id, string Title, DateTime When)> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "med")] Guid? with, CancellationToken ct)
    {
        var later = await SurveyQuery.LoadAsync(db, id, ct);
        if (later is null) return NotFound();
        Later = later;
        Candidates = (await db.Set<Survey>().AsNoTracking().Where(s => s.Id != id)
            .Select(s => new { s.Id, s.Title, When = s.SentAt ?? s.CreatedAt }).ToListAsync(ct))
            .OrderByDescending(x => x.When).Select(x => (x.Id, x.Title, x.When)).ToList();
        var earlierId = with ?? later.OriginSurveyId;
        if (earlierId is { } eid && eid != id)
        {
            Earlier = await SurveyQuery.LoadAsync(db, eid, ct);
            if (Earlier is not null) Questions = SurveyQuery.Compare(Earlier, later, a["Yes"], a["No"]);
        }
        return Page();
    }
}
