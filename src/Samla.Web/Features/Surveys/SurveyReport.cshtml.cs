using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Surveys;

/// <summary>The printable report, its DOCX export and the raw answers as CSV and XLSX.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SurveyReportModel(SamlaDbContext db, IStringLocalizer<SurveysText> t, IStringLocalizer<SurveyAnswerText> a) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<SurveyQuery.QuestionResult> Results { get; private set; } = [];
    public SurveyQuery.Tracking Tracking { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var texts = new SurveyExports.ReportTexts(t["Introduction"], t["Method"], t["ResponseRate"], ResponseRateText, t["PerQuestion"],
            t["Theme"], t["OpenAnswers"], t["Mean"], t["GoodExamples"], t["Conclusions"], t["Count"], t["Share"], t["Answer"], a["Yes"], a["No"]);
        return File(SurveyExports.Docx(Survey, Results, texts), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName + ".docx");
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(SurveyExports.Csv(Raw()), "text/csv; charset=utf-8", FileName + ".csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(await SurveyExports.XlsxAsync(Raw(), ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName + ".xlsx");
    }

    public string ResponseRateText => Tracking.Text(t);

    private System.Data.DataTable Raw() => SurveyExports.RawTable(Survey, t["Recipient"], t["ResponseState"], t["SubmittedOn"], s => t["State_" + s], a["Yes"], a["No"]);

    private string FileName
    {
        get
        {
            var slug = new string(Survey.Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(40).ToArray()).Trim('-');
            return slug.Length == 0 ? "enkat" : "enkat-" + slug;
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await SurveyQuery.LoadSummaryAsync(db, id, a["Yes"], a["No"], ct) is not { } summary) return false;
        (Survey, Results, Tracking) = (summary.Survey, summary.Results, summary.Tracking);
        return true;
    }
}
