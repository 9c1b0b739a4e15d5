using System.Data.Common;
using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Surveys;
using Sylvan.Data.Csv;

namespace Samla.Tests.Surveys;

/// <summary>
/// Follow-up surveys end to end on one app with demo data: building from a template and sending, token security,
/// drafts and changes until closing, reminders on a fake clock, results, comparison and exports read back.
/// </summary>
public sealed class SurveyTests(SurveysApp app) : IClassFixture<SurveysApp>
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private Task<HttpClient> CoordinatorAsync() => app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);

    private sealed record Sent(Guid Id, string Title, List<(string Email, string Token)> Links);

    /// <summary>Creates a survey from a template through the pages and sends it; returns the mailed links.</summary>
    private async Task<Sent> BuildAndSendAsync(HttpClient c, string template)
    {
        var title = $"Testenkät {Guid.NewGuid():N}";
        using var created = await SamlaApp.PostFormAsync(c, "/samordning/enkater", "/samordning/enkater?handler=Create", [new("template", template), new("title", title)]);
        await created.AssertStatusAsync(HttpStatusCode.Redirect);
        var location = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(location.Split('/').Last());
        var page = await c.AssertOkAsync(location);
        var version = FormReader.Fields(page, "Input.Title").Single(f => f.Key == "Version").Value;
        using var send = await SamlaApp.PostFormAsync(c, location, location + "?handler=Send", [new("Version", version)]);
        await send.AssertStatusAsync(HttpStatusCode.Redirect);
        var links = (await app.MailAsync(title)).Where(m => m.Subject.StartsWith("Enkät", StringComparison.Ordinal)).Select(m => (m.To, SurveysApp.TokenIn(m.Body))).ToList();
        return new Sent(id, title, links);
    }

    private static string Field(SurveyQuestion q) => "q-" + q.Id.ToString("N");

    private Task<List<SurveyQuestion>> QuestionsAsync(Guid surveyId) => app.WithDbAsync(async db =>
    {
        var s = await db.Set<Survey>().AsNoTracking().Include(x => x.Sections).Include(x => x.Questions).SingleAsync(x => x.Id == surveyId);
        return SurveyQuery.Ordered(s).ToList();
    });

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient c, string token, string action, IEnumerable<KeyValuePair<string, string>> fields) =>
        await SamlaApp.PostFormAsync(c, $"/enkat/{token}", $"/enkat/{token}", fields.Append(new("action", action)));

    private static KeyValuePair<string, string>[] CompleteAnswer(List<SurveyQuestion> qs, string openText) =>
    [
        new(Field(qs[0]), "4"),
        new(Field(qs[1]), "Varje månad"),
        new(Field(qs[2]), "Hänvisa invånare"),
        new(Field(qs[2]), "Förbättringsarbete"),
        new(Field(qs[3]), "12"),
        new(Field(qs[4]), "yes"),
        new(Field(qs[5]), openText),
    ];

    [Fact]
    public async Task A_coordinator_builds_from_a_template_and_each_organisation_gets_its_own_link_stored_only_as_a_hash()
    {
        var c = await CoordinatorAsync();
        var sent = await BuildAndSendAsync(c, "strategiuppfoljning");

        var (questions, recipients) = await app.WithDbAsync(async db =>
        {
            var s = await db.Set<Survey>().AsNoTracking().Include(x => x.Questions).Include(x => x.Recipients).SingleAsync(x => x.Id == sent.Id);
            var withAddress = await db.Organizations.CountAsync(o => o.IsActive && (o.Email != null || o.Contacts.Any(k => k.Role == ContactRole.ProcessLeader && k.Email != null)));
            Assert.Equal(withAddress, s.Recipients.Count);
            Assert.Equal(SurveyStatus.Sent, s.Status);
            return (s.Questions.Count, s.Recipients);
        });
        Assert.Equal(SurveyTemplates.StrategyFollowUp.Sections.Sum(x => x.Questions.Length), questions);
        Assert.Equal(recipients.Count, sent.Links.Count);
        Assert.Equal(recipients.Count, recipients.Select(r => r.OrganizationId).Distinct().Count());
        Assert.Equal(sent.Links.Count, sent.Links.Select(l => l.Token).Distinct().Count());
        Assert.All(sent.Links, l => Assert.True(SurveyTokens.LooksValid(l.Token)));
        Assert.All(recipients, r => Assert.Matches("^[0-9a-f]{64}$", r.TokenHash!));
        Assert.Equal(recipients.Select(r => r.TokenHash).OrderBy(h => h), sent.Links.Select(l => SurveyTokens.Hash(l.Token)).OrderBy(h => h));

        // The closing date in the invitation's text is written out in Swedish ("21 december 2026"), not ISO.
        var closes = await app.WithDbAsync(db => db.Set<Survey>().Where(x => x.Id == sent.Id).Select(x => x.ClosesOn).SingleAsync());
        var invitation = (await app.MailAsync(sent.Title)).First(m => m.Subject.StartsWith("Enkät", StringComparison.Ordinal));
        Assert.Contains("ändra svaret till och med " + closes.ToString("d MMMM yyyy", Swedish) + ".", invitation.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invitation.Body, StringComparison.Ordinal);

        // Nobody has answered yet: the results say so instead of "0 har svarat".
        var results = await c.AssertOkAsync($"/samordning/enkater/{sent.Id}/resultat");
        Assert.Contains("<p class=\"answered-count\">Ingen har svarat ännu.</p>", results, StringComparison.Ordinal);
        Assert.DoesNotContain("0 har svarat", results, StringComparison.Ordinal);
        Assert.Contains("ingen har svarat ännu", results, StringComparison.Ordinal); // the chart's description

        // A survey not sent yet: its results say so instead of "0 av 0 mottagare har svarat".
        using (var draft = await SamlaApp.PostFormAsync(c, "/samordning/enkater", "/samordning/enkater?handler=Create", [new("template", "strategiuppfoljning"), new("title", $"Utkast {Guid.NewGuid():N}")]))
        {
            await draft.AssertStatusAsync(HttpStatusCode.Redirect);
            var draftResults = await c.AssertOkAsync(draft.Headers.Location!.OriginalString + "/resultat");
            Assert.Contains("<p>Enkäten har inte skickats till någon ännu.</p>", draftResults, StringComparison.Ordinal);
            Assert.DoesNotContain("0 av 0", draftResults, StringComparison.Ordinal);
        }

        // The raw tokens occur in no column of any table (audit log included; the outbox forgets a sent survey mail's body).
        var found = await app.WithDbAsync(db => FindInAnyColumnAsync(db, sent.Links.Select(l => l.Token).ToList()));
        Assert.Empty(found);

        // Only coordinators build surveys.
        var reader = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var denied = await reader.GetAsync("/samordning/enkater");
        Assert.Contains(denied.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        if (denied.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/konto/nekad", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_opens_only_its_own_answer_and_guessed_or_altered_tokens_get_the_same_plain_message()
    {
        var c = await CoordinatorAsync();
        var sent = await BuildAndSendAsync(c, "strategiuppfoljning");
        var qs = await QuestionsAsync(sent.Id);
        var (tokenA, tokenB) = (sent.Links[0].Token, sent.Links[1].Token);
        var a = app.CreateBrowserClient();
        using (var r = await AnswerAsync(a, tokenA, "submit", CompleteAnswer(qs, "Vårt svar om dialogmötena A-7731")))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var b = app.CreateBrowserClient();
        using var pageB = await b.GetAsync($"/enkat/{tokenB}");
        var bodyB = await pageB.AssertStatusAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("A-7731", bodyB, StringComparison.Ordinal);
        Assert.Contains("no-store", pageB.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", pageB.Headers.GetValues("Referrer-Policy").Single());
        var ownA = await a.AssertOkAsync($"/enkat/{tokenA}");
        Assert.Contains("A-7731", ownA, StringComparison.Ordinal);

        var guessed = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var altered = (tokenA[0] == 'A' ? "B" : "A") + tokenA[1..];
        string? plain = null;
        foreach (var bad in new[] { guessed, altered, "abc", tokenA.ToUpperInvariant() + "x" })
        {
            using var r = await b.GetAsync($"/enkat/{bad}");
            var body = await r.AssertStatusAsync(HttpStatusCode.NotFound);
            Assert.Contains("Länken fungerar inte", body, StringComparison.Ordinal);
            Assert.DoesNotContain(sent.Title, body, StringComparison.Ordinal);
            plain ??= Html.H1s(body).Single();
            Assert.Equal(plain, Html.H1s(body).Single());
        }
        // A post with a wrong token writes nothing.
        var before = await app.WithDbAsync(db => db.Set<SurveyAnswer>().CountAsync());
        using (var r = await AnswerAsync(b, tokenB, "draft", [new(Field(qs[5]), "utkast")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var token = await SamlaApp.GetAntiforgeryTokenAsync(b, $"/enkat/{tokenB}");
        using var forged = await b.PostAsync($"/enkat/{guessed}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("action", "submit"), new(Field(qs[5]), "intrång")]));
        await forged.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<SurveyAnswer>().CountAsync()));

        // The answer page in Arabic: right to left, question texts marked as Swedish.
        var arabic = await b.AssertOkAsync($"/enkat/{tokenB}?lang=ar");
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("حفظ المسودة", arabic, StringComparison.Ordinal);
        Assert.Contains("lang=\"sv\" dir=\"ltr\"", arabic, StringComparison.Ordinal);
        using var arabicBad = await b.GetAsync($"/enkat/{guessed}?lang=ar");
        Assert.Contains("الرابط لا يعمل", await arabicBad.AssertStatusAsync(HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_kept_the_answer_can_be_changed_until_closing_with_a_receipt_and_then_the_link_stops()
    {
        var c = await CoordinatorAsync();
        var sent = await BuildAndSendAsync(c, "strategiuppfoljning");
        var qs = await QuestionsAsync(sent.Id);
        var (email, token) = sent.Links[0];
        var browser = app.CreateBrowserClient();

        using (var r = await AnswerAsync(browser, token, "draft", [new(Field(qs[5]), "Första tanke")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
            Assert.Contains("status=draft", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var recipient = await app.WithDbAsync(db => db.Set<SurveyRecipient>().AsNoTracking().SingleAsync(x => x.SurveyId == sent.Id && x.Email == email));
        Assert.NotNull(recipient.DraftSavedAt);
        Assert.NotNull(recipient.OpenedAt);
        Assert.Null(recipient.SubmittedAt);
        Assert.Contains("Första tanke", await browser.AssertOkAsync($"/enkat/{token}"), StringComparison.Ordinal);

        // Submitting without the required answers shows an error summary that links to the fields; nothing is submitted.
        using (var r = await AnswerAsync(browser, token, "submit", [new(Field(qs[5]), "Andra tanke")]))
        {
            var body = await r.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Contains("error-summary", body, StringComparison.Ordinal);
            Assert.Contains($"href=\"#{Field(qs[0])}-0\"", body, StringComparison.Ordinal);
            Assert.Contains("Andra tanke", body, StringComparison.Ordinal);
        }
        Assert.Null(await app.WithDbAsync(db => db.Set<SurveyRecipient>().Where(x => x.Id == recipient.Id).Select(x => x.SubmittedAt).SingleAsync()));

        using (var r = await AnswerAsync(browser, token, "submit", CompleteAnswer(qs, "Dialogmötena fungerar")))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var receipt = (await app.MailAsync(sent.Title)).Single(m => m.To == email && m.Subject.StartsWith("Kvitto", StringComparison.Ordinal));
        Assert.StartsWith("Kvitto", receipt.Subject, StringComparison.Ordinal);
        Assert.Contains("Dialogmötena fungerar", receipt.Body, StringComparison.Ordinal);
        Assert.Contains("Varje månad", receipt.Body, StringComparison.Ordinal);

        // Changed before closing: the same answer rows, new text.
        using (var r = await AnswerAsync(browser, token, "submit", CompleteAnswer(qs, "Dialogmötena fungerar bäst")))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Contains((await app.MailAsync(sent.Title)).Where(m => m.To == email && m.Subject.StartsWith("Kvitto", StringComparison.Ordinal)), m => m.Body.Contains("Dialogmötena fungerar bäst", StringComparison.Ordinal) && m.Body.Contains("ändrade", StringComparison.Ordinal));
        var answers = await app.WithDbAsync(db => db.Set<SurveyAnswer>().AsNoTracking().Where(x => x.RecipientId == recipient.Id).ToListAsync());
        Assert.Equal(6, answers.Count);
        Assert.Equal("Dialogmötena fungerar bäst", answers.Single(x => x.QuestionId == qs[5].Id).Text);
        Assert.Equal(["Hänvisa invånare", "Förbättringsarbete"], answers.Single(x => x.QuestionId == qs[2].Id).Choices);

        // After the closing date the link gives the plain message and a post changes nothing.
        await app.WithDbAsync(async db =>
        {
            var s = await db.Set<Survey>().SingleAsync(x => x.Id == sent.Id);
            s.ClosesOn = app.Services.GetRequiredService<SurveyCalendar>().Today.AddDays(-1);
            await db.SaveChangesAsync();
        });
        using (var r = await browser.GetAsync($"/enkat/{token}"))
        {
            Assert.Contains("Länken fungerar inte", await r.AssertStatusAsync(HttpStatusCode.NotFound), StringComparison.Ordinal);
        }
        var af = await SamlaApp.GetAntiforgeryTokenAsync(browser, "/konto/logga-in");
        using (var r = await browser.PostAsync($"/enkat/{token}", new FormUrlEncodedContent([new("__RequestVerificationToken", af), new("action", "submit"), new(Field(qs[5]), "För sent")])))
        {
            await r.AssertStatusAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal("Dialogmötena fungerar bäst", await app.WithDbAsync(db => db.Set<SurveyAnswer>().Where(x => x.RecipientId == recipient.Id && x.QuestionId == qs[5].Id).Select(x => x.Text).SingleAsync()));
    }

    [Fact]
    public async Task Reminders_go_before_closing_to_those_without_an_answer_once_a_day()
    {
        var calendar = app.Services.GetRequiredService<SurveyCalendar>();
        var title = $"Påminnelsetest {Guid.NewGuid():N}";
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SamlaDbContext>();
            var s = SurveyWork.FromTemplate(SurveyTemplates.CooperationGroups, title, calendar.Today.AddDays(7), "test", "Frågor");
            s.RecipientKind = RecipientKind.People;
            foreach (var e in new[] { "a@samla.example", "b@samla.example", "c@samla.example" }) s.Recipients.Add(new SurveyRecipient { Survey = s, Email = e });
            db.Add(s);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<SurveyWork>().SendAsync(s.Id, "http://localhost", default);
            return s.Id;
        });
        var links = (await app.MailAsync(title)).ToDictionary(m => m.To, m => SurveysApp.TokenIn(m.Body));
        Assert.Equal(3, links.Count);
        // a answers, b only has a draft, c has not opened the link.
        await app.WithScopeAsync(async sp =>
        {
            var work = sp.GetRequiredService<SurveyWork>();
            var a = (await work.OpenAsync(links["a@samla.example"], default))!;
            var q = a.Survey.Questions.First();
            Assert.Empty(await work.SaveAsync(a, new Dictionary<Guid, string[]> { [q.Id] = ["Kommun och region deltar."] }, submit: true, default));
            var b = (await work.OpenAsync(links["b@samla.example"], default))!;
            await work.SaveAsync(b, new Dictionary<Guid, string[]> { [q.Id] = ["Utkast"] }, submit: false, default);
            return 0;
        });

        var seen = new HashSet<string>();
        async Task<List<SurveyMailMessage>> RunAsync()
        {
            await app.WithScopeAsync(async sp => { await sp.GetRequiredService<SurveyReminderJob>().RunAsync(sp, default); return 0; });
            // Reminders sent by this run: those not seen before (each carries a fresh link).
            return (await app.MailAsync(title)).Where(m => m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal) && seen.Add(m.Body)).ToList();
        }

        var first = await RunAsync();   // 7 days left
        Assert.Equal(["b@samla.example", "c@samla.example"], first.Select(m => m.To).OrderBy(x => x));
        Assert.All(first, m => Assert.StartsWith("Påminnelse", m.Subject, StringComparison.Ordinal));
        // The job has no request language: the closing date is written in Swedish like the text.
        Assert.All(first, m => Assert.Contains("Sista svarsdag är " + calendar.Today.AddDays(7).ToString("d MMMM yyyy", Swedish) + ".", m.Body, StringComparison.Ordinal));
        Assert.Empty(await RunAsync()); // the same day again: nothing twice

        // The reminder's new link works, the old one does not; the draft is kept.
        var newB = SurveysApp.TokenIn(first.Single(m => m.To == "b@samla.example").Body);
        var browser = app.CreateBrowserClient();
        Assert.Contains("Utkast", await browser.AssertOkAsync($"/enkat/{newB}"), StringComparison.Ordinal);
        using (var old = await browser.GetAsync($"/enkat/{links["b@samla.example"]}"))
        {
            await old.AssertStatusAsync(HttpStatusCode.NotFound);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));  // 6 days left: not a reminder day
        Assert.Empty(await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(4));  // 2 days left
        Assert.Equal(2, (await RunAsync()).Count);
        app.Clock.Advance(TimeSpan.FromDays(3));  // closed
        Assert.Empty(await RunAsync());
        Assert.Equal(SurveyStatus.Sent, await app.WithDbAsync(db => db.Set<Survey>().Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Results_comparison_and_report_show_the_demo_rounds_and_the_exports_read_back()
    {
        var c = await CoordinatorAsync();
        var id = SurveysDemoData.Round2025Id;
        var survey = (await app.WithDbAsync(db => SurveyQuery.LoadAsync(db, id, default)))!;
        var results = SurveyQuery.Results(survey, "Ja", "Nej");
        var answered = survey.Recipients.Count(r => r.SubmittedAt is not null);
        Assert.True(answered > survey.Recipients.Count / 2, "most organisations answered");

        var page = await c.AssertOkAsync($"/samordning/enkater/{id}/resultat");
        Assert.Contains("Återkommande dialogforum", page, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"answered-count\">{results[0].Answered} har svarat på frågan.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains(survey.Recipients.First(r => r.SubmittedAt is not null).Organization!.Name, page, StringComparison.Ordinal);

        var compare = await c.AssertOkAsync($"/samordning/enkater/{id}/jamfor");
        Assert.Contains("ökat med", compare, StringComparison.Ordinal);
        // The rounds to compare with are dated by when they were sent, as in the comparison's text (not when the demo data was loaded).
        var earlier = await app.WithDbAsync(db => db.Set<Survey>().AsNoTracking().Where(x => x.Id == SurveysDemoData.Round2023Id).Select(x => new { x.Title, x.SentAt }).SingleAsync());
        var sentOn = DateOnly.FromDateTime(DateTime.SpecifyKind(earlier.SentAt!.Value, DateTimeKind.Utc).ToLocalTime()).ToString("d MMM yyyy", Swedish).Replace(" ", "&#xA0;", StringComparison.Ordinal);
        Assert.Contains($" selected=\"selected\">{earlier.Title} ({sentOn})</option>", compare, StringComparison.Ordinal);

        var report = await c.AssertOkAsync($"/samordning/enkater/{id}/rapport");
        Assert.Contains("Gör mer av det som fungerar", report, StringComparison.Ordinal);
        Assert.Contains("Goda exempel", report, StringComparison.Ordinal);

        // DOCX: the report's headings, a question, a theme and the conclusions.
        using var docx = await c.GetAsync($"/samordning/enkater/{id}/rapport?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(survey.Title, text, StringComparison.Ordinal);
            Assert.Contains("Vad fungerar bra i det gemensamma arbetet?", text, StringComparison.Ordinal);
            Assert.Contains("Återkommande dialogforum", text, StringComparison.Ordinal);
            Assert.Contains("Gör mer av det som fungerar", text, StringComparison.Ordinal);
        }

        // XLSX and CSV: one row per answering organisation, one column per question.
        var withAnswers = survey.Recipients.Count(r => r.SubmittedAt is not null || r.DraftSavedAt is not null);
        using var xlsx = await c.GetAsync($"/samordning/enkater/{id}/rapport?handler=Xlsx");
        var rows = (await new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(withAnswers, rows.Count);
        Assert.Equal(3 + survey.Questions.Count, rows[0].Count);
        Assert.Contains(rows, r => Equals(r["Mottagare"], survey.Recipients.First(x => x.SubmittedAt is not null).Organization!.Name));
        var openColumn = rows[0].Keys.Single(k => k.StartsWith("6. ", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[openColumn]?.ToString())));

        using var csvResponse = await c.GetAsync($"/samordning/enkater/{id}/rapport?handler=Csv");
        using var csv = CsvDataReader.Create(new StreamReader(await csvResponse.Content.ReadAsStreamAsync()));
        Assert.Equal(3 + survey.Questions.Count, csv.FieldCount);
        var csvRows = 0;
        var states = new HashSet<string>(StringComparer.Ordinal);
        while (await csv.ReadAsync())
        {
            csvRows++;
            states.Add(csv.GetString(1));
        }
        Assert.Equal(withAnswers, csvRows);
        // The state in words, as on the page ("Har svarat"), not the code's name ("Answered").
        Assert.Subset(new HashSet<string>(["Har svarat", "Har ett utkast"], StringComparer.Ordinal), states);
        Assert.Contains("Har svarat", states);

        // Good examples are exposed for the improvement library.
        var good = await app.WithDbAsync(db => SurveyQuery.GoodExamplesAsync(db, default));
        Assert.Contains(good, g => g.SurveyId == id && g.Organization is not null);
        Assert.Equal(results.SelectMany(r => r.OpenAnswers).Count(a => a.GoodExample), good.Count(g => g.SurveyId == id));
    }

    [Fact]
    public async Task Coding_an_answer_counts_its_themes_and_a_stale_save_is_refused_without_losing_the_text()
    {
        var c = await CoordinatorAsync();
        var id = SurveysDemoData.Round2025Id;
        var survey = (await app.WithDbAsync(db => SurveyQuery.LoadAsync(db, id, default)))!;
        var uncoded = SurveyQuery.Results(survey, "Ja", "Nej").SelectMany(r => r.OpenAnswers).First(a => a.Codes.Count == 0);
        var url = $"/samordning/enkater/{id}/resultat";
        using (var r = await SamlaApp.PostFormAsync(c, url, url + "?handler=Code",
            [new("answerId", uncoded.AnswerId.ToString()), new("version", uncoded.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("condensation", "Kort sammanfattning"), new("codes", "dialogmöten; nätverk; nytt tema-kod"), new("goodExample", "true")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var after = (await app.WithDbAsync(db => SurveyQuery.LoadAsync(db, id, default)))!;
        var coded = SurveyQuery.Results(after, "Ja", "Nej").SelectMany(r => r.OpenAnswers).Single(a => a.AnswerId == uncoded.AnswerId);
        Assert.Equal(["dialogmöten", "nytt tema-kod", "nätverk"], coded.Codes.Select(x => x.Name).OrderBy(x => x, StringComparer.Ordinal));
        Assert.True(coded.GoodExample);
        // Two codes of one theme count once for the answer.
        Assert.Equal(["nytt tema-kod", "Återkommande dialogforum"], SurveyQuery.ThemeCounts([coded]).Select(t => t.Theme).OrderBy(x => x, StringComparer.Ordinal));

        // The same form again, with the version it was loaded with: refused, the posted text shown, nothing written.
        using (var r = await SamlaApp.PostFormAsync(c, url, url + "?handler=Code",
            [new("answerId", uncoded.AnswerId.ToString()), new("version", uncoded.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("condensation", "Min krockande text"), new("codes", "")]))
        {
            var body = await r.AssertStatusAsync(HttpStatusCode.Conflict);
            Assert.Contains("Min krockande text", body, StringComparison.Ordinal);
        }
        Assert.Equal("Kort sammanfattning", await app.WithDbAsync(db => db.Set<SurveyAnswer>().Where(a => a.Id == uncoded.AnswerId).Select(a => a.Condensation).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SurveyAnswer) && e.EntityId == uncoded.AnswerId.ToString() && e.FieldName == nameof(SurveyAnswer.Condensation))));
    }

    [Fact]
    public async Task Questions_are_reordered_with_buttons_and_a_stale_settings_save_keeps_what_was_written()
    {
        var c = await CoordinatorAsync();
        var sent = await BuildAndSendAsync(c, "kommuner");
        var qs = await QuestionsAsync(sent.Id);
        Assert.Equal(SurveyTemplates.Municipalities.Sections[0].Questions.Select(q => q.Text), qs.Select(q => q.Text));
        var url = $"/samordning/enkater/{sent.Id}";
        var version = FormReader.Fields(await c.AssertOkAsync(url), "Input.Title").Single(f => f.Key == "Version").Value;
        using (var r = await SamlaApp.PostFormAsync(c, url, url + "?handler=MoveQuestion", [new("Version", version), new("questionId", qs[1].Id.ToString()), new("direction", "-1")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var moved = await QuestionsAsync(sent.Id);
        Assert.Equal(qs[1].Id, moved[0].Id);
        Assert.Equal(qs[0].Id, moved[1].Id);

        // The version from before the move is stale now.
        using (var r = await SamlaApp.PostFormAsync(c, url, url + "?handler=Settings",
            [new("Version", version), new("Input.Title", "Min nya rubrik som krockar"), new("Input.ClosesOn", DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]))
        {
            var body = await r.AssertStatusAsync(HttpStatusCode.Conflict);
            Assert.Contains("Min nya rubrik som krockar", body, StringComparison.Ordinal);
        }
        Assert.Equal(sent.Title, await app.WithDbAsync(db => db.Set<Survey>().Where(s => s.Id == sent.Id).Select(s => s.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_edit_page_says_when_the_survey_was_sent_in_words_under_a_you_are_here_trail()
    {
        var c = await CoordinatorAsync();
        // A closed round: its state once, with the day it was sent written out ("Stängd, skickades 22 september 2025").
        var closed = await c.AssertOkAsync($"/samordning/enkater/{SurveysDemoData.Round2025Id}");
        Assert.Contains("<p id=\"survey-status\">Stängd, skickades 22 september 2025</p>", closed, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"breadcrumbs\" aria-label=\"Du är här\">", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("Brödsmulor", closed, StringComparison.Ordinal);

        var sentAt = await app.WithDbAsync(db => db.Set<Survey>().Where(s => s.Id == SurveysDemoData.OpenSurveyId).Select(s => s.SentAt).SingleAsync());
        var day = DateOnly.FromDateTime(DateTime.SpecifyKind(sentAt!.Value, DateTimeKind.Utc).ToLocalTime()).ToString("d MMMM yyyy", Swedish);
        var open = await c.AssertOkAsync($"/samordning/enkater/{SurveysDemoData.OpenSurveyId}");
        Assert.Contains($"<p id=\"survey-status\">Skickad {day}</p>", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Läge:", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_surveys_keep_no_made_up_address_for_their_links()
    {
        // Their links follow Samla:PublicUrl (unset here), not a fixed http://localhost:5000.
        var bases = await app.WithDbAsync(db => db.Set<Survey>()
            .Where(s => s.Id == SurveysDemoData.Round2023Id || s.Id == SurveysDemoData.Round2025Id || s.Id == SurveysDemoData.OpenSurveyId)
            .Select(s => s.LinkBaseUrl).ToListAsync());
        Assert.Equal(3, bases.Count);
        Assert.All(bases, b => Assert.Null(b));
    }

    [Fact]
    public async Task Participating_organisations_see_a_summary_only_once_it_is_shared()
    {
        var editor = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var list = await editor.AssertOkAsync("/enkater/sammanfattningar");
        Assert.Contains($"/enkater/sammanfattningar/{SurveysDemoData.Round2025Id}", list, StringComparison.Ordinal);
        Assert.DoesNotContain(SurveysDemoData.OpenSurveyId.ToString(), list, StringComparison.Ordinal);
        var summary = await editor.AssertOkAsync($"/enkater/sammanfattningar/{SurveysDemoData.Round2025Id}");
        Assert.Contains("Återkommande dialogforum", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("coding-form", summary, StringComparison.Ordinal);
        using (var r = await editor.GetAsync($"/enkater/sammanfattningar/{SurveysDemoData.OpenSurveyId}"))
        {
            await r.AssertStatusAsync(HttpStatusCode.NotFound);
        }
        using (var r = await editor.GetAsync($"/samordning/enkater/{SurveysDemoData.Round2025Id}/resultat"))
        {
            Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        }
        // Unshared: the same organisation sees nothing.
        await app.WithDbAsync(async db =>
        {
            await db.Set<Survey>().Where(s => s.Id == SurveysDemoData.Round2023Id).ExecuteUpdateAsync(x => x.SetProperty(s => s.SummaryShared, false));
        });
        using (var r = await editor.GetAsync($"/enkater/sammanfattningar/{SurveysDemoData.Round2023Id}"))
        {
            await r.AssertStatusAsync(HttpStatusCode.NotFound);
        }
    }

    /// <summary>Every value of every column of every table that contains one of <paramref name="needles"/>.</summary>
    private static async Task<List<string>> FindInAnyColumnAsync(SamlaDbContext db, IReadOnlyList<string> needles)
    {
        var found = new List<string>();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).Select(e => (e.GetSchema(), e.GetTableName()!)).Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (schema, table) in tables)
            {
                await using DbCommand cmd = connection.CreateCommand();
                cmd.CommandText = schema is null ? $"SELECT * FROM \"{table}\"" : $"SELECT * FROM \"{schema}\".\"{table}\"";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.IsDBNull(i)) continue;
                        var value = reader.GetValue(i) switch { byte[] b => System.Text.Encoding.UTF8.GetString(b), var v => v.ToString() ?? "" };
                        if (needles.Any(n => value.Contains(n, StringComparison.Ordinal))) found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return found;
    }
}
