using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Surveys;

/// <summary>Building, copying, sending and answering surveys: the feature's write side.</summary>
public sealed class SurveyWork(SamlaDbContext db, SurveyCalendar calendar, SurveyMailbox mailbox,
    IStringLocalizer<SurveysText> staffText, IStringLocalizer<SurveyAnswerText> answerText, Microsoft.Extensions.Options.IOptions<SamlaOptions> options)
{
    public async Task<Survey> CreateAsync(string title, SurveyTemplates.Template? template, string createdBy, CancellationToken ct)
    {
        var survey = FromTemplate(template, title, calendar.Today.AddDays(30), createdBy, staffText["DefaultSection"]);
        await AddDefaultRecipientsAsync(survey, ct);
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>A new, unsaved survey with the template's texts, sections and questions (or one empty section).</summary>
    public static Survey FromTemplate(SurveyTemplates.Template? template, string? title, DateOnly closesOn, string createdBy, string defaultSection)
    {
        var survey = new Survey
        {
            Title = string.IsNullOrWhiteSpace(title) ? template?.Title ?? defaultSection : title.Trim(),
            Introduction = template?.Introduction ?? "",
            Method = template?.Method ?? "",
            ClosesOn = closesOn,
            CreatedBy = createdBy,
        };
        var sections = template?.Sections ?? [new SurveyTemplates.TemplateSection(defaultSection, "", [])];
        var sp = 0;
        foreach (var ts in sections)
        {
            var section = new SurveySection { Survey = survey, Position = sp++, Title = ts.Title, Introduction = ts.Introduction };
            survey.Sections.Add(section);
            var qp = 0;
            foreach (var tq in ts.Questions)
            {
                survey.Questions.Add(new SurveyQuestion
                {
                    Survey = survey, Section = section, SectionId = section.Id, Position = qp++, Text = tq.Text, Kind = tq.Kind, Required = tq.Required,
                    Options = [.. tq.Options ?? []], ScaleMinLabel = tq.MinLabel, ScaleMaxLabel = tq.MaxLabel,
                });
            }
        }
        return survey;
    }

    /// <summary>Copies a survey (its questions, sections, recipients' organisations) as a new round linked to its origin.</summary>
    public async Task<Survey> CopyAsync(Guid sourceId, string createdBy, CancellationToken ct)
    {
        var source = await db.Set<Survey>().AsNoTracking()
            .Include(s => s.Sections).Include(s => s.Questions).Include(s => s.Recipients)
            .SingleAsync(s => s.Id == sourceId, ct);
        var copy = new Survey
        {
            Title = source.Title, Introduction = source.Introduction, Method = source.Method, IsAnonymous = source.IsAnonymous,
            RecipientKind = source.RecipientKind, ClosesOn = calendar.Today.AddDays(30), OriginSurveyId = source.Id, CreatedBy = createdBy,
        };
        var sectionMap = new Dictionary<Guid, SurveySection>();
        foreach (var s in source.Sections.OrderBy(s => s.Position))
        {
            var section = new SurveySection { Survey = copy, Position = s.Position, Title = s.Title, Introduction = s.Introduction };
            sectionMap[s.Id] = section;
            copy.Sections.Add(section);
        }
        foreach (var q in source.Questions.OrderBy(q => q.Position))
        {
            copy.Questions.Add(new SurveyQuestion
            {
                Survey = copy, Section = sectionMap[q.SectionId], SectionId = sectionMap[q.SectionId].Id, Position = q.Position, Text = q.Text, Help = q.Help, Kind = q.Kind,
                Required = q.Required, Options = [.. q.Options], ScaleMinLabel = q.ScaleMinLabel, ScaleMaxLabel = q.ScaleMaxLabel,
                OriginQuestionId = q.OriginQuestionId ?? q.Id,
            });
        }
        if (source.RecipientKind == RecipientKind.People)
        {
            foreach (var r in source.Recipients) copy.Recipients.Add(new SurveyRecipient { Survey = copy, Email = r.Email });
        }
        else
        {
            await AddDefaultRecipientsAsync(copy, ct);
        }
        db.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }

    /// <summary>All active organisations, each through its process leader (else its general address).</summary>
    public async Task AddDefaultRecipientsAsync(Survey survey, CancellationToken ct)
    {
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive)
            .Select(o => new { o.Id, o.Email, Leader = o.Contacts.Where(c => c.Role == ContactRole.ProcessLeader && c.Email != null).Select(c => new { c.Id, c.Email }).FirstOrDefault() })
            .ToListAsync(ct);
        foreach (var o in orgs)
        {
            var email = o.Leader?.Email ?? o.Email;
            if (string.IsNullOrWhiteSpace(email) || survey.Recipients.Any(r => r.OrganizationId == o.Id)) continue;
            survey.Recipients.Add(new SurveyRecipient { Survey = survey, OrganizationId = o.Id, ContactId = o.Leader?.Id, Email = email });
        }
    }

    /// <summary>Sends the personal links to every recipient not yet invited; the survey opens.</summary>
    public async Task<int> SendAsync(Guid surveyId, string baseUrl, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().Include(s => s.Recipients).ThenInclude(r => r.Organization).SingleAsync(s => s.Id == surveyId, ct);
        if (survey.Status == SurveyStatus.Closed) return 0;
        survey.Status = SurveyStatus.Sent;
        survey.SentAt ??= calendar.UtcNow;
        survey.LinkBaseUrl = baseUrl.TrimEnd('/');
        var sent = 0;
        foreach (var r in survey.Recipients.Where(r => r.TokenHash is null))
        {
            var (token, hash) = SurveyTokens.Create();
            var body = staffText["InvitationBody", survey.Title, Organization(r), Link(survey, token), Date(survey.ClosesOn)].Value;
            if (await mailbox.EnqueueAsync(new SurveyMailMessage(r.Email, staffText["InvitationSubject", survey.Title], body, $"survey:{survey.Id}:recipient:{r.Id}:invitation", r.OrganizationId), ct))
            {
                r.TokenHash = hash;
                r.InvitedAt = calendar.UtcNow;
                sent++;
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>
    /// Reminders to recipients without a submitted answer, on the configured days before closing. The raw link is
    /// not stored, so a reminder carries a fresh link (the earlier one stops working; drafts are kept). The key makes
    /// a second run on the same day send nothing.
    /// </summary>
    public async Task<int> SendRemindersAsync(IReadOnlyCollection<int> daysBefore, CancellationToken ct)
    {
        var today = calendar.Today;
        var surveys = await db.Set<Survey>().Include(s => s.Recipients).ThenInclude(r => r.Organization)
            .Where(s => s.Status == SurveyStatus.Sent && s.ClosesOn >= today).ToListAsync(ct);
        var sent = 0;
        foreach (var survey in surveys.Where(s => daysBefore.Contains(s.ClosesOn.DayNumber - today.DayNumber)))
        {
            foreach (var r in ReminderRecipients(survey))
            {
                var (token, hash) = SurveyTokens.Create();
                var key = $"survey:{survey.Id}:recipient:{r.Id}:reminder:{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                var body = staffText["ReminderBody", survey.Title, Organization(r), Link(survey, token), Date(survey.ClosesOn)].Value;
                if (await mailbox.EnqueueAsync(new SurveyMailMessage(r.Email, staffText["ReminderSubject", survey.Title], body, key, r.OrganizationId), ct))
                {
                    r.TokenHash = hash;
                    sent++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>Who gets a reminder: invited, not submitted.</summary>
    public static IEnumerable<SurveyRecipient> ReminderRecipients(Survey survey) =>
        survey.Recipients.Where(r => r.TokenHash is not null && r.SubmittedAt is null);

    /// <summary>The recipient a link opens, with its survey, questions and own answers; null when the link is unknown or the survey is not open.</summary>
    public async Task<SurveyRecipient?> OpenAsync(string? token, CancellationToken ct)
    {
        if (!SurveyTokens.LooksValid(token)) return null;
        var hash = SurveyTokens.Hash(token!);
        var recipient = await db.Set<SurveyRecipient>()
            .Include(r => r.Survey).ThenInclude(s => s.Sections)
            .Include(r => r.Survey).ThenInclude(s => s.Questions)
            .Include(r => r.Organization)
            .Include(r => r.Answers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.TokenHash == hash, ct);
        if (recipient is null || !calendar.IsOpen(recipient.Survey)) return null;
        return recipient;
    }

    public async Task MarkOpenedAsync(SurveyRecipient recipient, CancellationToken ct)
    {
        if (recipient.OpenedAt is not null) return;
        recipient.OpenedAt = calendar.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    public sealed record AnswerError(Guid QuestionId, string Message);

    /// <summary>
    /// Saves the posted answers (form values per question) as a draft or, when <paramref name="submit"/>, as the
    /// answer (required questions checked). Returns the errors; nothing is saved on a failed submit except nothing.
    /// </summary>
    public async Task<IReadOnlyList<AnswerError>> SaveAsync(SurveyRecipient recipient, IReadOnlyDictionary<Guid, string[]> values, bool submit, CancellationToken ct)
    {
        var errors = new List<AnswerError>();
        var parsed = new Dictionary<Guid, (string? Text, decimal? Number, List<string> Choices)>();
        foreach (var q in recipient.Survey.Questions)
        {
            var raw = (values.TryGetValue(q.Id, out var v) ? v : []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).ToArray();
            string? text = null;
            decimal? number = null;
            var choices = new List<string>();
            switch (q.Kind)
            {
                case QuestionKind.OpenText:
                    text = raw.FirstOrDefault();
                    if (text?.Length > 20_000) { errors.Add(new(q.Id, answerText["TooLong"])); text = text[..20_000]; }
                    break;
                case QuestionKind.Number:
                    if (raw.FirstOrDefault() is { } n)
                    {
                        if (decimal.TryParse(n.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 1_000_000_000) number = d;
                        else errors.Add(new(q.Id, answerText["NotANumber"]));
                    }
                    break;
                case QuestionKind.Scale:
                    choices.AddRange(raw.Take(1).Where(x => x is "1" or "2" or "3" or "4" or "5"));
                    break;
                case QuestionKind.YesNo:
                    choices.AddRange(raw.Take(1).Where(x => x is "yes" or "no"));
                    break;
                case QuestionKind.SingleChoice:
                    choices.AddRange(raw.Take(1).Where(q.Options.Contains));
                    break;
                case QuestionKind.MultipleChoice:
                    choices.AddRange(q.Options.Where(raw.Contains));
                    break;
            }
            if (submit && q.Required && text is null && number is null && choices.Count == 0 && errors.All(e => e.QuestionId != q.Id))
            {
                errors.Add(new(q.Id, answerText["Required"]));
            }
            parsed[q.Id] = (text, number, choices);
        }
        if (errors.Count > 0 && submit) return errors;

        foreach (var (questionId, (text, number, choices)) in parsed)
        {
            var answer = recipient.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (answer is null)
            {
                if (text is null && number is null && choices.Count == 0) continue;
                answer = new SurveyAnswer { RecipientId = recipient.Id, QuestionId = questionId };
                recipient.Answers.Add(answer);
                db.Add(answer);
            }
            if (answer.Text != text) answer.Text = text;
            if (answer.Number != number) answer.Number = number;
            if (!answer.Choices.SequenceEqual(choices)) answer.Choices = choices;
        }
        if (submit)
        {
            var first = recipient.SubmittedAt is null;
            recipient.SubmittedAt = calendar.UtcNow;
            await mailbox.EnqueueAsync(new SurveyMailMessage(recipient.Email, answerText["ReceiptSubject", recipient.Survey.Title],
                Receipt(recipient, first), null, recipient.OrganizationId), ct);
        }
        else
        {
            recipient.DraftSavedAt = calendar.UtcNow;
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private string Receipt(SurveyRecipient recipient, bool first)
    {
        var b = new StringBuilder();
        b.AppendLine(answerText[first ? "ReceiptIntro" : "ReceiptChanged", recipient.Survey.Title, Date(recipient.Survey.ClosesOn)]);
        b.AppendLine();
        foreach (var q in SurveyQuery.Ordered(recipient.Survey))
        {
            b.AppendLine(q.Text);
            var a = recipient.Answers.FirstOrDefault(x => x.QuestionId == q.Id);
            b.AppendLine("  " + (a is null ? answerText["NoAnswer"].Value : SurveyQuery.Display(q, a, answerText["Yes"], answerText["No"])));
            b.AppendLine();
        }
        return b.ToString();
    }

    /// <summary>The personal link: the address the survey was sent from, else the configured public address (demo surveys).</summary>
    private string Link(Survey survey, string token) =>
        $"{survey.LinkBaseUrl ?? options.Value.PublicUrl?.TrimEnd('/')}/enkat/{token}";

    private static string Organization(SurveyRecipient r) => r.Organization?.Name ?? r.Email;

    /// <summary>
    /// A date in a mail's running text ("21 december 2026"), in the language of the mail's text: the request's UI
    /// language, Swedish for a scheduled job (which has none).
    /// </summary>
    private static string Date(DateOnly d)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = UiLanguages.Culture(UiLanguages.Current.Code);
        try
        {
            return Formats.LongDate(d);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
