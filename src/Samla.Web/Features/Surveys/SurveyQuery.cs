using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Surveys;

public enum ResponseState
{
    Answered,
    Draft,
    Opened,
    NotOpened,
}

/// <summary>The read side: results per question, themes, round comparison, response tracking.</summary>
public static class SurveyQuery
{
    public static IEnumerable<SurveyQuestion> Ordered(Survey survey)
    {
        var sections = survey.Sections.ToDictionary(s => s.Id, s => s.Position);
        return survey.Questions.OrderBy(q => sections.GetValueOrDefault(q.SectionId)).ThenBy(q => q.Position);
    }

    public static string Display(SurveyQuestion q, SurveyAnswer a, string yes, string no) => q.Kind switch
    {
        QuestionKind.OpenText => a.Text ?? "",
        QuestionKind.Number => a.Number?.ToString("0.##", CultureInfo.CurrentCulture) ?? "",
        QuestionKind.YesNo => a.Choices.FirstOrDefault() switch { "yes" => yes, "no" => no, _ => "" },
        _ => string.Join(", ", a.Choices),
    };

    public static ResponseState State(SurveyRecipient r) =>
        r.SubmittedAt is not null ? ResponseState.Answered
        : r.DraftSavedAt is not null ? ResponseState.Draft
        : r.OpenedAt is not null ? ResponseState.Opened
        : ResponseState.NotOpened;

    /// <summary>A survey with its results and its response tracking, as the results and report pages show it.</summary>
    public sealed record Summary(Survey Survey, IReadOnlyList<QuestionResult> Results, Tracking Tracking);

    /// <summary>The survey (<see cref="LoadAsync"/>) with its results and tracking; null when there is none with that id.</summary>
    public static async Task<Summary?> LoadSummaryAsync(SamlaDbContext db, Guid id, string yes, string no, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } survey ? new Summary(survey, Results(survey, yes, no), Track(survey)) : null;

    /// <summary>A survey with everything its results need.</summary>
    public static Task<Survey?> LoadAsync(SamlaDbContext db, Guid id, CancellationToken ct) =>
        db.Set<Survey>().AsNoTracking()
            .Include(s => s.Sections).Include(s => s.Questions).Include(s => s.Codes)
            .Include(s => s.Recipients).ThenInclude(r => r.Organization)
            .Include(s => s.Recipients).ThenInclude(r => r.Answers).ThenInclude(a => a.Codes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, ct);

    public sealed record ChoiceCount(string Label, int Count, double Share);

    public sealed record OpenAnswer(Guid AnswerId, string? Organization, string Text, string? Condensation, IReadOnlyList<SurveyCode> Codes, bool GoodExample, int Version);

    public sealed record ThemeCount(string Theme, int Count);

    public sealed record QuestionResult(SurveyQuestion Question, int Answered, IReadOnlyList<ChoiceCount> Choices, double? Mean,
        IReadOnlyList<decimal> Numbers, IReadOnlyList<OpenAnswer> OpenAnswers, IReadOnlyList<ThemeCount> Themes);

    /// <summary>Per question: counts and shares of closed answers, mean of scales and numbers, open answers and their theme counts. Only submitted answers count.</summary>
    public static IReadOnlyList<QuestionResult> Results(Survey survey, string yes, string no)
    {
        var codes = survey.Codes.ToDictionary(c => c.Id);
        var submitted = survey.Recipients.Where(r => r.SubmittedAt is not null).ToList();
        var list = new List<QuestionResult>();
        foreach (var q in Ordered(survey))
        {
            var answers = submitted.Select(r => (r, a: r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)))
                .Where(x => x.a is not null && (x.a.Text is not null || x.a.Number is not null || x.a.Choices.Count > 0))
                .Select(x => (x.r, a: x.a!)).ToList();
            var n = answers.Count;
            IReadOnlyList<ChoiceCount> choices = [];
            double? mean = null;
            IReadOnlyList<decimal> numbers = [];
            IReadOnlyList<OpenAnswer> open = [];
            IReadOnlyList<ThemeCount> themes = [];
            var labels = q.Kind switch
            {
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice => q.Options.Select(o => (o, o)).ToList(),
                QuestionKind.YesNo => [("yes", yes), ("no", no)],
                QuestionKind.Scale => Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), ScaleLabel(q, i))).ToList(),
                _ => [],
            };
            if (labels.Count > 0)
            {
                choices = labels.Select(l =>
                {
                    var c = answers.Count(x => x.a.Choices.Contains(l.Item1));
                    return new ChoiceCount(l.Item2, c, n == 0 ? 0 : (double)c / n);
                }).ToList();
            }
            if (q.Kind == QuestionKind.Scale && n > 0)
            {
                mean = answers.Average(x => int.Parse(x.a.Choices[0], CultureInfo.InvariantCulture));
            }
            if (q.Kind == QuestionKind.Number)
            {
                numbers = answers.Select(x => x.a.Number!.Value).OrderBy(d => d).ToList();
                mean = numbers.Count == 0 ? null : (double)numbers.Average();
            }
            if (q.Kind == QuestionKind.OpenText)
            {
                open = answers.Select(x => new OpenAnswer(x.a.Id, survey.IsAnonymous ? null : x.r.Organization?.Name ?? x.r.Email, x.a.Text ?? "",
                    x.a.Condensation, x.a.Codes.Select(c => codes[c.CodeId]).OrderBy(c => c.Name).ToList(), x.a.GoodExample, x.a.Version)).ToList();
                themes = ThemeCounts(open);
            }
            list.Add(new QuestionResult(q, n, choices, mean, numbers, open, themes));
        }
        return list;
    }

    public static string ScaleLabel(SurveyQuestion q, int i) => i switch
    {
        1 when !string.IsNullOrWhiteSpace(q.ScaleMinLabel) => $"1 {q.ScaleMinLabel}",
        5 when !string.IsNullOrWhiteSpace(q.ScaleMaxLabel) => $"5 {q.ScaleMaxLabel}",
        _ => i.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Answers per theme (an answer with several codes of one theme counts once); codes without a theme count under their category, else their name.</summary>
    public static IReadOnlyList<ThemeCount> ThemeCounts(IEnumerable<OpenAnswer> answers) =>
        answers.SelectMany(a => a.Codes.Select(ThemeOf).Distinct())
            .GroupBy(t => t).Select(g => new ThemeCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Theme, StringComparer.Create(CultureInfo.GetCultureInfo("sv"), true)).ToList();

    public static string ThemeOf(SurveyCode c) =>
        !string.IsNullOrWhiteSpace(c.Theme) ? c.Theme : !string.IsNullOrWhiteSpace(c.Category) ? c.Category : c.Name;

    public sealed record Tracking(int Recipients, int Answered, int Drafts, int Opened, int NotOpened)
    {
        public double ResponseRate => Recipients == 0 ? 0 : (double)Answered / Recipients;

        /// <summary>"16 av 27 mottagare har svarat (59 %).", or that nobody has been sent the survey yet.</summary>
        public string Text(IStringLocalizer<SurveysText> t) => Recipients == 0
            ? t["ResponseRateNone"]
            : t.PluralFormat("ResponseRateText", Recipients, Formats.Number(Answered), Formats.Number(Recipients), ResponseRate.ToString("P0", CultureInfo.CurrentCulture));
    }

    public static Tracking Track(Survey survey)
    {
        var invited = survey.Recipients.Where(r => r.InvitedAt is not null || r.SubmittedAt is not null).ToList();
        var states = invited.Select(State).ToList();
        return new Tracking(invited.Count, states.Count(s => s == ResponseState.Answered), states.Count(s => s == ResponseState.Draft),
            states.Count(s => s == ResponseState.Opened), states.Count(s => s == ResponseState.NotOpened));
    }

    public sealed record ComparedChoice(string Label, int EarlierCount, double EarlierShare, int LaterCount, double LaterShare);

    public sealed record ComparedTheme(string Theme, int Earlier, int Later)
    {
        public int Change => Later - Earlier;
    }

    public sealed record ComparedQuestion(SurveyQuestion Question, int EarlierAnswered, int LaterAnswered, double? EarlierMean, double? LaterMean,
        IReadOnlyList<ComparedChoice> Choices, IReadOnlyList<ComparedTheme> Themes);

    /// <summary>
    /// Two rounds side by side: questions are paired by their common origin (copies keep it), else by identical text.
    /// Closed answers per option; themes by name, grown or faded.
    /// </summary>
    public static IReadOnlyList<ComparedQuestion> Compare(Survey earlier, Survey later, string yes, string no)
    {
        var before = Results(earlier, yes, no);
        var after = Results(later, yes, no);
        var list = new List<ComparedQuestion>();
        foreach (var b in after)
        {
            var key = b.Question.OriginQuestionId;
            var a = before.FirstOrDefault(x => key is not null && (x.Question.Id == key || x.Question.OriginQuestionId == key))
                ?? before.FirstOrDefault(x => string.Equals(x.Question.Text.Trim(), b.Question.Text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (a is null) continue;
            var choices = b.Choices.Select(c =>
            {
                var e = a.Choices.FirstOrDefault(x => x.Label == c.Label);
                return new ComparedChoice(c.Label, e?.Count ?? 0, e?.Share ?? 0, c.Count, c.Share);
            }).ToList();
            var themes = a.Themes.Select(t => t.Theme).Union(b.Themes.Select(t => t.Theme))
                .Select(t => new ComparedTheme(t, a.Themes.FirstOrDefault(x => x.Theme == t)?.Count ?? 0, b.Themes.FirstOrDefault(x => x.Theme == t)?.Count ?? 0))
                .OrderByDescending(t => t.Change).ThenBy(t => t.Theme, StringComparer.Ordinal).ToList();
            list.Add(new ComparedQuestion(b.Question, a.Answered, b.Answered, a.Mean, b.Mean, choices, themes));
        }
        return list;
    }

    public sealed record GoodExample(Guid AnswerId, Guid SurveyId, string SurveyTitle, string Question, string? Organization, string Text, string? Condensation, DateTime SubmittedAt);

    /// <summary>Answers flagged as good examples, newest first (for the improvement library). Anonymous surveys give no organisation.</summary>
    public static Task<List<GoodExample>> GoodExamplesAsync(SamlaDbContext db, CancellationToken ct, int take = 100) =>
        db.Set<SurveyAnswer>().AsNoTracking()
            .Where(a => a.GoodExample && a.Recipient.SubmittedAt != null)
            .OrderByDescending(a => a.Recipient.SubmittedAt)
            .Take(take)
            .Select(a => new GoodExample(a.Id, a.Recipient.SurveyId, a.Recipient.Survey.Title, a.Question.Text,
                a.Recipient.Survey.IsAnonymous ? null : a.Recipient.Organization!.Name, a.Text ?? "", a.Condensation, a.Recipient.SubmittedAt!.Value))
            .ToListAsync(ct);
}
