using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Surveys;

/// <summary>
/// Results for coordinators: response tracking, per-question charts and tables, open answers with the content analysis
/// (condensation, codes, good example), codes grouped into categories and themes, conclusions and sharing.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SurveyResultsModel(SamlaDbContext db, SurveyCalendar calendar, IStringLocalizer<SurveysText> t, IStringLocalizer<SurveyAnswerText> a) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<SurveyQuery.QuestionResult> Results { get; private set; } = [];
    public SurveyQuery.Tracking Tracking { get; private set; } = null!;
    public string? Message { get; private set; }
    public List<KeyValuePair<string, string>>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Message = msg is null ? null : t["Msg_" + msg].Value;
        return Page();
    }

    /// <summary>Saves one open answer's analysis: condensation, codes (separated by ; or new lines, created as needed), good example.</summary>
    public async Task<IActionResult> OnPostCodeAsync(Guid id, Guid answerId, int version, string? condensation, string? codes, bool goodExample, CancellationToken ct)
    {
        var answer = await db.Set<SurveyAnswer>().Include(x => x.Codes).Include(x => x.Recipient)
            .SingleOrDefaultAsync(x => x.Id == answerId && x.Recipient.SurveyId == id, ct);
        if (answer is null) return NotFound();
        if (answer.Version != version) return await ConflictAsync(id, ct);
        var names = (codes ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length <= 200).Distinct(StringComparer.OrdinalIgnoreCase).Take(30).ToList();
        var existing = await db.Set<SurveyCode>().Where(c => c.SurveyId == id).ToListAsync(ct);
        var wanted = new List<SurveyCode>();
        foreach (var name in names)
        {
            var code = existing.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (code is null)
            {
                code = new SurveyCode { SurveyId = id, Name = name };
                db.Add(code);
                existing.Add(code);
            }
            wanted.Add(code);
        }
        answer.Codes.RemoveAll(x => wanted.All(w => w.Id != x.CodeId));
        foreach (var w in wanted.Where(w => answer.Codes.All(x => x.CodeId != w.Id))) answer.Codes.Add(new SurveyAnswerCode { AnswerId = answer.Id, CodeId = w.Id });
        var c = string.IsNullOrWhiteSpace(condensation) ? null : condensation.Trim()[..Math.Min(4000, condensation.Trim().Length)];
        if (answer.Condensation != c) answer.Condensation = c;
        if (answer.GoodExample != goodExample) answer.GoodExample = goodExample;
        answer.LastModified = calendar.UtcNow;
        db.Entry(answer).Property(x => x.Version).OriginalValue = version;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await ConflictAsync(id, ct); }
        return Redirect($"/samordning/enkater/{id}/resultat?msg=coded#a-{answerId:N}");
    }

    /// <summary>Groups a code into a category and a theme.</summary>
    public async Task<IActionResult> OnPostGroupAsync(Guid id, Guid codeId, int version, string? category, string? theme, CancellationToken ct)
    {
        var code = await db.Set<SurveyCode>().SingleOrDefaultAsync(c => c.Id == codeId && c.SurveyId == id, ct);
        if (code is null) return NotFound();
        if (code.Version != version) return await ConflictAsync(id, ct);
        code.Category = category?.Trim() ?? "";
        code.Theme = theme?.Trim() ?? "";
        db.Entry(code).Property(x => x.Version).OriginalValue = version;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await ConflictAsync(id, ct); }
        return Redirect($"/samordning/enkater/{id}/resultat?msg=saved#codes");
    }

    /// <summary>The coordinator's conclusions, and whether participating organisations may see the summary.</summary>
    public async Task<IActionResult> OnPostConclusionsAsync(Guid id, int version, string? conclusions, bool shared, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        if (survey.Version != version) return await ConflictAsync(id, ct);
        survey.Conclusions = conclusions?.Trim() ?? "";
        survey.SummaryShared = shared;
        db.Entry(survey).Property(x => x.Version).OriginalValue = version;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await ConflictAsync(id, ct); }
        return Redirect($"/samordning/enkater/{id}/resultat?msg=saved#conclusions");
    }

    private async Task<IActionResult> ConflictAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Conflict = Request.Form.Where(f => f.Key is not "__RequestVerificationToken" and not "version" and not "answerId" and not "codeId" && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await SurveyQuery.LoadSummaryAsync(db, id, a["Yes"], a["No"], ct) is not { } summary) return false;
        (Survey, Results, Tracking) = (summary.Survey, summary.Results, summary.Tracking);
        return true;
    }

    public BarChart Chart(SurveyQuery.QuestionResult r, int n) => new(
        $"chart-{n}", t["ChartTitle", n, r.Question.Text], r.Answered == 0 ? t["ChartDescriptionNone"] : t.Plural("ChartDescription", r.Answered), t["Answer"],
        [new BarSeries(t["Count"], "bar-main")],
        r.Choices.Select(c => new BarItem($"{c.Label} ({c.Share.ToString("P0", CultureInfo.CurrentCulture)})", [c.Count])).ToList());
}
