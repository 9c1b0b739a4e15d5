using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Surveys;

/// <summary>
/// The answer form behind a personal link (no account). The token opens only its own recipient's answer; a wrong,
/// replaced or expired token and a closed survey all get the same plain message. Never cached, no referrer.
/// </summary>
[EnableRateLimiting(AppSetup.PublicFormRateLimit)]
public sealed class AnswerModel(SurveyWork work) : PageModel
{
    public SurveyRecipient? Recipient { get; private set; }

    public IReadOnlyList<SurveyWork.AnswerError> Errors { get; private set; } = [];

    /// <summary>Posted values when the form is shown again with errors.</summary>
    public IReadOnlyDictionary<Guid, string[]>? Posted { get; private set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        Private();
        Recipient = await work.OpenAsync(token, ct);
        if (Recipient is null) return NotAvailable();
        await work.MarkOpenedAsync(Recipient, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, string? action, CancellationToken ct)
    {
        Private();
        Recipient = await work.OpenAsync(token, ct);
        if (Recipient is null) return NotAvailable();
        var values = Recipient.Survey.Questions.ToDictionary(q => q.Id, q => Request.Form[FieldName(q)].Where(v => v is not null).Select(v => v!).ToArray());
        var submit = action == "submit";
        Errors = await work.SaveAsync(Recipient, values, submit, ct);
        if (Errors.Count > 0)
        {
            Posted = values;
            return Page();
        }
        // The language chosen on the page itself (?lang=, the language menu here never leaves the page) stays.
        var lang = UiLanguages.Find(Request.Query["lang"].ToString()) is { } l ? "&lang=" + l.Code : "";
        return Redirect($"/enkat/{token}?status={(submit ? "sent" : "draft")}{lang}");
    }

    public static string FieldName(SurveyQuestion q) => "q-" + q.Id.ToString("N");

    public string[] Values(SurveyQuestion q)
    {
        if (Posted is not null) return Posted.TryGetValue(q.Id, out var v) ? v : [];
        var a = Recipient?.Answers.FirstOrDefault(x => x.QuestionId == q.Id);
        if (a is null) return [];
        return q.Kind switch
        {
            QuestionKind.OpenText => [a.Text ?? ""],
            QuestionKind.Number => [a.Number?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? ""],
            _ => [.. a.Choices],
        };
    }

    public string? Error(SurveyQuestion q) => Errors.FirstOrDefault(e => e.QuestionId == q.Id)?.Message;

    private PageResult NotAvailable()
    {
        Recipient = null;
        return new PageResult { StatusCode = StatusCodes.Status404NotFound };
    }

    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
