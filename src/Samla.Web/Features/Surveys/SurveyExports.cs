using System.Data;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Samla.Web.Features.Surveys;

/// <summary>The report as DOCX, the raw answers as CSV and XLSX (one row per respondent, one column per question).</summary>
public static class SurveyExports
{
    public sealed record ReportTexts(string Introduction, string Method, string ResponseRate, string ResponseRateValue, string Results,
        string Themes, string Answers, string Mean, string GoodExamples, string Conclusions, string Count, string Share, string Answer, string Yes, string No);

    public static byte[] Docx(Survey survey, IReadOnlyList<SurveyQuery.QuestionResult> results, ReportTexts t)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);
            body.Append(Para(survey.Title, "Title"));
            Section(body, t.Introduction, survey.Introduction);
            Section(body, t.Method, survey.Method);
            body.Append(Para(t.ResponseRate, "Heading1"), Para(t.ResponseRateValue));
            body.Append(Para(t.Results, "Heading1"));
            var n = 0;
            foreach (var r in results)
            {
                body.Append(Para($"{++n}. {r.Question.Text}", "Heading2"));
                if (r.Choices.Count > 0)
                {
                    body.Append(Table([t.Answer, t.Count, t.Share], r.Choices.Select(c => new[] { c.Label, c.Count.ToString(CultureInfo.CurrentCulture), c.Share.ToString("P0", CultureInfo.CurrentCulture) })));
                }
                if (r.Mean is { } mean) body.Append(Para($"{t.Mean}: {mean.ToString("0.0", CultureInfo.CurrentCulture)}"));
                if (r.Themes.Count > 0)
                {
                    body.Append(Para(t.Themes, "Heading3"));
                    body.Append(Table([t.Themes, t.Count], r.Themes.Select(x => new[] { x.Theme, x.Count.ToString(CultureInfo.CurrentCulture) })));
                }
                if (r.OpenAnswers.Count > 0)
                {
                    body.Append(Para(t.Answers, "Heading3"));
                    foreach (var a in r.OpenAnswers)
                    {
                        body.Append(Para(a.Organization is null ? $"”{a.Text}”" : $"{a.Organization}: ”{a.Text}”"));
                    }
                }
            }
            var good = results.SelectMany(r => r.OpenAnswers.Where(a => a.GoodExample).Select(a => (r.Question, a))).ToList();
            if (good.Count > 0)
            {
                body.Append(Para(t.GoodExamples, "Heading1"));
                foreach (var (q, a) in good)
                {
                    body.Append(Para(a.Organization ?? q.Text, "Heading3"), Para(a.Condensation ?? a.Text));
                }
            }
            Section(body, t.Conclusions, survey.Conclusions);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Section(Body body, string heading, string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return;
        body.Append(Para(heading, "Heading1"));
        foreach (var p in markdown.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append(Para(p.Replace("**", "", StringComparison.Ordinal)));
        }
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null) p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        return p;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(headers, header: true));
        foreach (var r in rows) table.Append(Row(r, header: false));
        return table;

        static TableRow Row(string[] cells, bool header)
        {
            var row = new TableRow();
            if (header) row.Append(new TableRowProperties(new TableHeader()));
            foreach (var c in cells)
            {
                var run = new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve });
                if (header) run.PrependChild(new RunProperties(new Bold()));
                row.Append(new TableCell(new Paragraph(run)));
            }
            return row;
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Title", "Title", 40),
            Style("Heading1", "heading 1", 32),
            Style("Heading2", "heading 2", 26),
            Style("Heading3", "heading 3", 22));
        styles.Styles.Save();

        static Style Style(string id, string name, int halfPoints) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    /// <summary>Raw answers: respondent, state (in words), submitted date (ISO), then one column per question.</summary>
    public static DataTable RawTable(Survey survey, string respondentHeading, string stateHeading, string submittedHeading, Func<ResponseState, string> stateName,
        string yes, string no)
    {
        var table = new DataTable("answers") { Locale = CultureInfo.InvariantCulture };
        var questions = SurveyQuery.Ordered(survey).ToList();
        table.Columns.Add(respondentHeading);
        table.Columns.Add(stateHeading);
        table.Columns.Add(submittedHeading);
        var names = new HashSet<string>(StringComparer.Ordinal) { respondentHeading, stateHeading, submittedHeading };
        for (var i = 0; i < questions.Count; i++)
        {
            var name = $"{i + 1}. {questions[i].Text}";
            if (name.Length > 200) name = name[..200];
            while (!names.Add(name)) name += " ";
            table.Columns.Add(name);
        }
        var n = 0;
        foreach (var r in survey.Recipients.Where(r => r.SubmittedAt is not null || r.DraftSavedAt is not null)
            .OrderBy(r => r.Organization?.Name ?? r.Email, StringComparer.Ordinal))
        {
            var row = table.NewRow();
            row[0] = survey.IsAnonymous ? $"#{++n}" : r.Organization?.Name ?? r.Email;
            row[1] = stateName(SurveyQuery.State(r));
            row[2] = r.SubmittedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            for (var i = 0; i < questions.Count; i++)
            {
                var a = r.Answers.FirstOrDefault(x => x.QuestionId == questions[i].Id);
                row[3 + i] = a is null ? "" : Defuse(SurveyQuery.Display(questions[i], a, yes, no));
            }
            table.Rows.Add(row);
        }
        return table;
    }

    public static byte[] Csv(DataTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvDataWriter.Create(writer))
        {
            csv.Write(table.CreateDataReader());
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    public static async Task<byte[]> XlsxAsync(DataTable table, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, printHeader: true, sheetName: "Svar", excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>A leading =, +, - or @ would be run as a formula by spreadsheet programs.</summary>
    private static string Defuse(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + s : s;
}
