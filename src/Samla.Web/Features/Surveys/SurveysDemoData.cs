using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Surveys;

/// <summary>
/// Demo surveys: the 2023 follow-up of the strategy and its 2025 round (copied from it, closed, answered by most
/// organisations, partly coded into themes), and an open mapping of the municipalities with a few drafts. Open answers
/// read like the 2017 mapping's; no person is named. Added once, by stable ids.
/// </summary>
public sealed class SurveysDemoData : IDemoDataSeeder
{
    public static readonly Guid Round2023Id = ReferenceData.StableId("demo-survey", "uppfoljning-2023");
    public static readonly Guid Round2025Id = ReferenceData.StableId("demo-survey", "uppfoljning-2025");
    public static readonly Guid OpenSurveyId = ReferenceData.StableId("demo-survey", "kartlaggning-kommuner");

    public int Order => 50;

    private static readonly string[] Works =
    [
        "Plattformen gör det enkelt att se vad andra aktörer erbjuder. Vi hittar rätt verksamhet att hänvisa till mycket snabbare än förut.",
        "Dialogmötena två gånger per år är värdefulla. Där möts kommun, region och föreningar och vi lär känna varandras uppdrag.",
        "Samverkan kring enskilda familjer har blivit smidigare när vi vet vem som är processledare hos de andra.",
        "Vi använder översikten över insatser när nya medarbetare ska introduceras, då ser de hela bredden av stöd i länet.",
        "Mötesplatserna i samverkan med studieförbunden fungerar bra: deltagarna kommer tillbaka och tar med sig andra.",
        "Gemensam utbildning i psykologisk första hjälpen har gett oss ett gemensamt språk mellan verksamheterna.",
        "Det nätverk som byggts upp gör att vi snabbt kan ringa varandra när något händer.",
        "Att samla information om stöd på flera språk på ett ställe har underlättat för våra handläggare.",
    ];

    private static readonly string[] DoesNotWork =
    [
        "Kännedomen om strategin varierar. När personal slutar försvinner kunskapen om plattformen och modellen.",
        "Vi hinner inte uppdatera vår information så ofta som vi borde, och då blir uppgifterna inaktuella.",
        "Det saknas tid avsatt för förbättringsarbetet. Det hamnar ofta efter det löpande arbetet.",
        "Hög personalomsättning gör att vi behöver börja om med introduktionen flera gånger per år.",
        "Det är svårt att få med ledningen; utan mandat blir det svårt att prioritera det gemensamma arbetet.",
        "Tolk är svårt att få till korta samtal, vilket gör att hälsofrågor inte alltid kommer fram.",
        "Uppföljningen av insatserna är ojämn, vi vet inte alltid vad som gav effekt.",
    ];

    private static readonly string[] Needs =
    [
        "Återkommande introduktion för nya medarbetare om strategin och plattformen.",
        "Mer utbildning i psykologisk första hjälpen och i att samtala med stöd av tolk.",
        "Tydligt mandat från ledningen och avsatt tid för att delta i dialogmötena.",
        "Stöd i att mäta och följa upp våra insatser, gärna enkla mått som alla använder.",
        "En påminnelse när det är dags att uppdatera vår information.",
    ];

    private static readonly string[] Preparedness =
    [
        "Vi har en kontaktlista till de andra aktörerna och vet vem vi ringer först.",
        "Vi har övat tillsammans med kommunen och Röda Korset på ett större mottagande.",
        "Vi har inte någon plan ännu men skulle kunna ställa om våra mötesplatser snabbt.",
        "Vi använder plattformen för att se vilka verksamheter som kan ta emot fler.",
    ];

    /// <summary>Code, category, theme; each answer variant carries one or two codes.</summary>
    private static readonly (string Code, string Category, string Theme)[] CodeBook =
    [
        ("hitta varandra", "Överblick", "Kännedom om varandras verksamheter"),
        ("plattformen som översikt", "Överblick", "Kännedom om varandras verksamheter"),
        ("dialogmöten", "Mötesforum", "Återkommande dialogforum"),
        ("nätverk", "Mötesforum", "Återkommande dialogforum"),
        ("samverkan kring familjer", "Samverkan", "Samverkan kring individen"),
        ("gemensam kompetens", "Kompetens", "Gemensamt lärande"),
        ("personalomsättning", "Kontinuitet", "Kännedom varierar med personalomsättning"),
        ("kännedom varierar", "Kontinuitet", "Kännedom varierar med personalomsättning"),
        ("inaktuell information", "Informationens kvalitet", "Uppdatering av information"),
        ("tidsbrist", "Resurser", "Tid och mandat"),
        ("mandat från ledningen", "Resurser", "Tid och mandat"),
        ("tolk", "Tillgänglighet", "Språk och tolk"),
        ("uppföljning", "Mätning", "Uppföljning av insatser"),
    ];

    private static readonly string[][] WorksCodes = [["hitta varandra", "plattformen som översikt"], ["dialogmöten"], ["samverkan kring familjer"], ["plattformen som översikt"], ["nätverk"], ["gemensam kompetens"], ["nätverk"], ["hitta varandra"]];
    private static readonly string[][] DoesNotWorkCodes = [["kännedom varierar", "personalomsättning"], ["inaktuell information", "tidsbrist"], ["tidsbrist"], ["personalomsättning"], ["mandat från ledningen"], ["tolk"], ["uppföljning"]];
    private static readonly string[][] NeedsCodes = [["personalomsättning"], ["gemensam kompetens", "tolk"], ["mandat från ledningen", "tidsbrist"], ["uppföljning"], ["inaktuell information"]];

    private static readonly string[] MunicipalityDrafts =
    [
        "Psykisk ohälsa, oro och sömnproblem, ofta kopplat till lång väntan på familjeåterförening. Kvinnor nämner oftare värk.",
        "Att väntetiden används till meningsfulla aktiviteter och att hälsoinformation ges tidigt, gärna i samhällsorienteringen.",
        "Språk- och kulturbarriärer och att det är svårt att få kontakt med vårdcentralen.",
    ];

    public Task SeedAsync(IServiceProvider services, CancellationToken ct) => EnsureAsync(services, ct);

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<SamlaDbContext>();
        var calendar = services.GetRequiredService<SurveyCalendar>();
        // Personal links follow the configured public address (Samla:PublicUrl), read again when a reminder is mailed if unset now.
        var linkBase = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SamlaOptions>>().Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : null;
        services.GetRequiredService<AuditActor>().Use(DemoData.AuditUserName);
        var existing = (await db.Set<Survey>().Where(s => s.Id == Round2023Id || s.Id == Round2025Id || s.Id == OpenSurveyId).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Type, o.Email, Leader = o.Contacts.Where(c => c.Role == ContactRole.ProcessLeader && c.Email != null).Select(c => new { c.Id, c.Email }).FirstOrDefault() })
            .ToListAsync(ct);
        var demoOrgs = orgs.Where(o => o.Leader is not null).Select(o => (o.Id, o.Name, o.Type, o.Leader!.Id, o.Leader.Email!)).ToList();
        if (demoOrgs.Count == 0) return;

        Survey? round2023 = null;
        if (!existing.Contains(Round2023Id))
        {
            round2023 = Round(Round2023Id, linkBase, "Uppföljning av strategi och modell Hälsa och migration i Halland 2023", new DateOnly(2023, 9, 15), new DateOnly(2023, 10, 31), null);
            AddRecipients(round2023, demoOrgs, answeredShare: 0.6, seed: 3, coded: 1.0);
            round2023.Conclusions = "Plattformen upplevs som ett enkelt sätt att få kännedom om varandras verksamheter. Kännedomen om strategi, modell och plattform varierar och behöver fortsatt implementering hos varje aktör och gemensamt.";
            db.Add(round2023);
        }
        if (!existing.Contains(Round2025Id))
        {
            var r2025 = Round(Round2025Id, linkBase, "Uppföljning av strategi och modell Hälsa och migration i Halland 2025", new DateOnly(2025, 9, 22), new DateOnly(2025, 10, 31), round2023 ?? await db.Set<Survey>().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == Round2023Id, ct));
            AddRecipients(r2025, demoOrgs, answeredShare: 0.85, seed: 0, coded: 0.6);
            r2025.Conclusions = "Gör mer av det som fungerar: dialogmötena och översikten över varandras verksamheter. Introduktionen för nya medarbetare behöver bli återkommande så att kännedomen inte försvinner med personalomsättningen.";
            db.Add(r2025);
        }
        if (!existing.Contains(OpenSurveyId))
        {
            var today = calendar.Today;
            var open = SurveyWork.FromTemplate(SurveyTemplates.Municipalities, "Kartläggning: nyanländas hälsa i kommunerna 2026", today.AddDays(21), DemoData.AuditUserName, "Frågor");
            open.Id = OpenSurveyId;
            open.Status = SurveyStatus.Sent;
            open.SentAt = calendar.UtcNow.AddDays(-7);
            open.LinkBaseUrl = linkBase;
            var municipalities = demoOrgs.Where(o => o.Type == OrganizationType.Municipality).ToList();
            var questions = SurveyQuery.Ordered(open).ToList();
            for (var i = 0; i < municipalities.Count; i++)
            {
                var (orgId, _, _, contactId, email) = municipalities[i];
                var r = new SurveyRecipient { Survey = open, OrganizationId = orgId, ContactId = contactId, Email = email, TokenHash = SurveyTokens.Create().Hash, InvitedAt = open.SentAt };
                if (i < 3)
                {
                    r.OpenedAt = open.SentAt.Value.AddDays(1 + i);
                    r.DraftSavedAt = r.OpenedAt.Value.AddMinutes(20);
                    for (var q = 0; q <= i && q < questions.Count; q++)
                    {
                        r.Answers.Add(new SurveyAnswer { Recipient = r, Question = questions[q], Text = MunicipalityDrafts[q] });
                    }
                }
                else if (i == 3)
                {
                    r.OpenedAt = open.SentAt.Value.AddDays(2);
                }
                open.Recipients.Add(r);
            }
            db.Add(open);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Survey Round(Guid id, string? linkBase, string title, DateOnly sent, DateOnly closes, Survey? origin)
    {
        var s = SurveyWork.FromTemplate(SurveyTemplates.StrategyFollowUp, title, closes, DemoData.AuditUserName, "Frågor");
        s.Id = id;
        s.Status = SurveyStatus.Closed;
        s.SentAt = sent.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        s.LinkBaseUrl = linkBase;
        s.SummaryShared = true;
        if (origin is not null)
        {
            s.OriginSurveyId = origin.Id;
            var originQuestions = SurveyQuery.Ordered(origin).ToList();
            var own = SurveyQuery.Ordered(s).ToList();
            for (var i = 0; i < own.Count && i < originQuestions.Count; i++) own[i].OriginQuestionId = originQuestions[i].Id;
        }
        return s;
    }

    private static void AddRecipients(Survey s, List<(Guid Id, string Name, OrganizationType Type, Guid ContactId, string Email)> orgs, double answeredShare, int seed, double coded)
    {
        var questions = SurveyQuery.Ordered(s).ToList();
        var codes = CodeBook.ToDictionary(c => c.Code, c => new SurveyCode { Survey = s, Name = c.Code, Category = c.Category, Theme = c.Theme });
        var used = new HashSet<string>();
        var answering = (int)Math.Round(orgs.Count * answeredShare);
        var usage = new[] { "Varje vecka", "Varje månad", "Några gånger per år", "Aldrig" };
        var purposes = new[] { "Hitta andras verksamheter", "Hänvisa invånare", "Uppdatera vår egen information", "Förbereda dialogmöten", "Förbättringsarbete" };
        for (var i = 0; i < orgs.Count; i++)
        {
            var (orgId, _, _, contactId, email) = orgs[i];
            var r = new SurveyRecipient { Survey = s, OrganizationId = orgId, ContactId = contactId, Email = email, TokenHash = SurveyTokens.Create().Hash, InvitedAt = s.SentAt };
            s.Recipients.Add(r);
            if (i >= answering)
            {
                if (i % 2 == 0) r.OpenedAt = s.SentAt!.Value.AddDays(3);
                continue;
            }
            var k = i + seed;
            r.OpenedAt = s.SentAt!.Value.AddDays(1 + i % 10);
            r.SubmittedAt = r.OpenedAt.Value.AddHours(2);
            var isCoded = i < Math.Round(answering * coded);
            void Add(int q, Action<SurveyAnswer> fill, string[]? codeNames = null)
            {
                var a = new SurveyAnswer { Recipient = r, Question = questions[q] };
                fill(a);
                if (isCoded && codeNames is not null)
                {
                    foreach (var c in codeNames)
                    {
                        used.Add(c);
                        a.Codes.Add(new SurveyAnswerCode { Answer = a, Code = codes[c] });
                    }
                }
                r.Answers.Add(a);
            }
            Add(0, a => a.Choices = [(2 + (k * 7 + seed) % 4).ToString(CultureInfo.InvariantCulture)]);
            Add(1, a => a.Choices = [usage[(k + seed) % (seed == 0 ? 3 : 4)]]);
            Add(2, a => a.Choices = purposes.Where((_, j) => (k + j) % 3 != 0).ToList());
            Add(3, a => a.Number = 2 + (k * 5) % 30);
            Add(4, a => a.Choices = [(k % 5 == 4) ? "no" : "yes"]);
            var w = (k * 3) % Works.Length;
            Add(5, a => { a.Text = Works[w]; a.GoodExample = isCoded && w is 1 or 4; a.Condensation = isCoded ? Condense(Works[w]) : null; }, WorksCodes[w]);
            var d = (k + seed * 2) % DoesNotWork.Length;
            Add(6, a => { a.Text = DoesNotWork[d]; a.Condensation = isCoded ? Condense(DoesNotWork[d]) : null; }, DoesNotWorkCodes[d]);
            Add(7, a => a.Choices = [(1 + (k * 3 + seed) % 5).ToString(CultureInfo.InvariantCulture)]);
            var n = (k + seed) % Needs.Length;
            Add(8, a => a.Text = Needs[n], NeedsCodes[n]);
            if (k % 3 != 2) Add(9, a => a.Text = Preparedness[k % Preparedness.Length]);
        }
        foreach (var c in codes.Values.Where(c => used.Contains(c.Name))) s.Codes.Add(c);
    }

    private static string Condense(string text) => text.Split('.')[0].Trim() + ".";
}
