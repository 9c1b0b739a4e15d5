using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Surveys;

/// <summary>The coordinators' list of surveys: start one from a template or blank, copy a past one.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SurveysModel(SamlaDbContext db, SurveyWork work) : PageModel
{
    public sealed record Row(Guid Id, string Title, SurveyStatus Status, DateOnly ClosesOn, int Recipients, int Answered, string? Origin);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.Set<Survey>().AsNoTracking()
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new Row(s.Id, s.Title, s.Status, s.ClosesOn, s.Recipients.Count(r => r.InvitedAt != null),
                s.Recipients.Count(r => r.SubmittedAt != null), s.OriginSurvey != null ? s.OriginSurvey.Title : null))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? template, string? title, CancellationToken ct)
    {
        var survey = await work.CreateAsync(title ?? "", SurveyTemplates.Find(template), User.Identity?.Name ?? "", ct);
        return Redirect($"/samordning/enkater/{survey.Id}");
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == id, ct)) return NotFound();
        var copy = await work.CopyAsync(id, User.Identity?.Name ?? "", ct);
        return Redirect($"/samordning/enkater/{copy.Id}");
    }
}
