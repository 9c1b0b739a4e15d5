using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Features.Needs;

namespace Samla.Web.Features.Improvement;

/// <summary>
/// Two demo initiatives from the seeds: early mapping of ill-health in the establishment phase (Arbetsförmedlingen with
/// Halmstad and Falkenberg, seed 002; in shared learning with a published, public summary) and support conversations
/// for asylum seekers in Hylte (from the needs register; improving). Each has data that shows a real signal under
/// Anhøj's rules and three PDSA cycles chained into a ramp. Added once, by stable id, after the needs' demo data.
/// </summary>
public sealed class ImprovementDemoData : IDemoDataSeeder
{
    public static readonly Guid EstablishmentInitiativeId = ReferenceData.StableId("demo-initiative", "etableringsfasen");
    public static readonly Guid HylteInitiativeId = ReferenceData.StableId("demo-initiative", "hylte-stodsamtal");

    public int Order => 20;

    // Share of newly arrived people in the establishment programme with a health conversation within 8 weeks (%), monthly.
    // The first 12 months are the baseline (median 39.5); after the change all 12 points are above: a shift.
    public static readonly double[] EstablishmentValues = [38, 42, 35, 40, 44, 37, 41, 39, 36, 43, 40, 38, 45, 52, 55, 58, 61, 57, 63, 66, 64, 68, 70, 72];

    // Support conversations held per month in Hylte: 10 months around 5, then 12 around 11 (median 7.5): a shift.
    public static readonly double[] HylteConversations = [4, 6, 5, 3, 5, 4, 6, 5, 4, 5, 8, 9, 7, 10, 11, 9, 12, 10, 13, 11, 12, 14];

    // Days from first contact to the first support conversation; baseline 8 months; falls below the lower limit.
    public static readonly double[] HylteWaitingDays = [28, 31, 26, 30, 27, 33, 29, 30, 24, 21, 19, 16, 15, 14, 12, 13, 12, 11, 12, 10];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SamlaDbContext>();
        services.GetRequiredService<AuditActor>().Use(DemoData.AuditUserName);
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var added = false;

        if (!await db.Set<Initiative>().AnyAsync(i => i.Id == EstablishmentInitiativeId, ct)
            && await db.Set<Need>().AnyAsync(n => n.Id == NeedsDemoData.EstablishmentPhaseNeedId, ct)
            && await db.Organizations.AnyAsync(o => o.Id == DemoData.OrganizationId("arbetsformedlingen"), ct))
        {
            db.Add(await EstablishmentAsync(db, thisMonth, now, ct));
            added = true;
        }
        if (!await db.Set<Initiative>().AnyAsync(i => i.Id == HylteInitiativeId, ct)
            && await db.Set<Need>().AnyAsync(n => n.Id == NeedsDemoData.HylteAsylumNeedId, ct)
            && await db.Organizations.AnyAsync(o => o.Id == DemoData.OrganizationId("hylte"), ct))
        {
            db.Add(Hylte(thisMonth, now));
            added = true;
        }
        if (added) await db.SaveChangesAsync(ct);
    }

    private static List<MeasurePoint> Monthly(string key, double[] values, DateOnly thisMonth, DateTime now, Dictionary<int, string>? notes = null) =>
        values.Select((v, i) => new MeasurePoint
        {
            Id = ReferenceData.StableId("demo-point", $"{key}/{i}"),
            Date = thisMonth.AddMonths(i - values.Length),
            Value = v,
            Note = notes?.GetValueOrDefault(i),
            CreatedAt = now,
        }).ToList();

    private static async Task<Initiative> EstablishmentAsync(SamlaDbContext db, DateOnly thisMonth, DateTime now, CancellationToken ct)
    {
        var id = EstablishmentInitiativeId;
        var measure = new Measure
        {
            Id = ReferenceData.StableId("demo-measure", "etablering-halsosamtal"),
            InitiativeId = id,
            Name = "Andel med hälsosamtal inom 8 veckor",
            Type = MeasureType.Process,
            Unit = "%",
            Direction = ImprovementDirection.Up,
            Target = 75,
            OperationalDefinition = "Andel av de nyanlända som skrivits in i etableringsprogrammet under månaden och som inom 8 veckor haft ett samtal där hälsofrågorna (RHS-15) ställts. Källa: handläggarnas ärendelogg.",
            Rules = RuleSet.Anhoej,
            Chart = ChartKind.Run,
            Baseline = 12,
            Points = Monthly("etablering", EstablishmentValues, thisMonth, now, new() { [12] = "Hälsofrågorna införs i inskrivningssamtalet i Halmstad", [16] = "Alla handläggare i Halmstad", [19] = "Falkenberg börjar" }),
        };
        var start = thisMonth.AddMonths(-EstablishmentValues.Length);
        var c1 = ReferenceData.StableId("demo-pdsa", "etablering-1");
        var c2 = ReferenceData.StableId("demo-pdsa", "etablering-2");
        var initiative = new Initiative
        {
            Id = id,
            Title = "Tidig kartläggning av ohälsa i etableringsfasen",
            OwnerOrganizationId = DemoData.OrganizationId("arbetsformedlingen"),
            Phase = InitiativePhase.SharedLearning,
            CreatedBy = DemoData.AuditUserName,
            Problem = "Psykisk ohälsa hos nyanlända i etableringsprogrammet upptäcks ofta först efter lång tid, när planeringen redan har gått i stå.",
            Goal = "Minst 75 % av dem som skrivs in i etableringsprogrammet har haft ett samtal om hälsa inom 8 veckor.",
            Purpose = "Att tidigt fånga upp ohälsa och hänvisa till rätt stöd, så att etableringen inte stannar av.",
            ChangeIdeas = "- Ställ hälsofrågorna (RHS-15) i inskrivningssamtalet\n- Gemensam lista över vart handläggaren kan hänvisa i varje kommun\n- Tolk bokas för hela samtalet, inte bara för planeringen",
            Lessons = "Frågorna i sig tog kort tid; det som gjorde skillnad var att handläggaren visste vart hen kunde hänvisa samma dag.",
            SummaryTried = "Hälsofrågor (RHS-15) i inskrivningssamtalet, först hos två handläggare i Halmstad, sedan alla i Halmstad och därefter i Falkenberg, tillsammans med en gemensam hänvisningslista.",
            SummaryWorked = "Andelen som haft ett hälsosamtal inom 8 veckor steg från omkring 40 % till omkring 65–70 %: tolv månader i rad över baslinjens median, ett skift.",
            SummaryToRepeat = "En hänvisningslista per kommun som hålls aktuell, tolk för hela samtalet, och en kort genomgång av frågorna för handläggarna (en timme).",
            SummaryPublishedAt = now.AddDays(-14),
            SummaryIsPublic = true,
            Measures = [measure],
            Cycles =
            [
                new PdsaCycle
                {
                    Id = c1, InitiativeId = id, MeasureId = measure.Id, Title = "Hälsofrågor hos två handläggare", StartDate = start.AddMonths(12), EndDate = start.AddMonths(14),
                    Change = "Två handläggare i Halmstad ställer hälsofrågorna i inskrivningssamtalet.", Prediction = "Minst hälften av deras nya deltagare får ett hälsosamtal inom 8 veckor.",
                    WhoWhatWhenWhere = "Två handläggare, Halmstadkontoret, under två månader.", DataPlan = "Ärendeloggen varje vecka.",
                    DoNotes = "Frågorna ställdes i 31 av 38 samtal.", DoProblems = "Tolken var bokad för kort tid.",
                    StudyNotes = "Andelen steg till drygt 50 %, som förutsagt.", Decision = PdsaDecision.Adapt, ActNotes = "Boka tolk för hela samtalet; pröva hos alla handläggare.",
                },
                new PdsaCycle
                {
                    Id = c2, InitiativeId = id, MeasureId = measure.Id, PreviousCycleId = c1, Title = "Alla handläggare i Halmstad", StartDate = start.AddMonths(16), EndDate = start.AddMonths(19),
                    Change = "Alla handläggare i Halmstad, med tolk för hela samtalet och en hänvisningslista.", Prediction = "Andelen når 60 %.",
                    WhoWhatWhenWhere = "Alla handläggare i Halmstad, tre månader.", DataPlan = "Ärendeloggen varje månad.",
                    DoNotes = "Hänvisningslistan togs fram med Halmstads kommun och Region Halland.", StudyNotes = "Andelen låg kring 60 %.",
                    Decision = PdsaDecision.Adopt, ActNotes = "Införs som rutin i Halmstad.",
                },
                new PdsaCycle
                {
                    Id = ReferenceData.StableId("demo-pdsa", "etablering-3"), InitiativeId = id, MeasureId = measure.Id, PreviousCycleId = c2, Title = "Falkenberg börjar", StartDate = start.AddMonths(19),
                    Change = "Samma arbetssätt i Falkenberg.", Prediction = "Andelen fortsätter uppåt när Falkenberg kommer med.",
                    WhoWhatWhenWhere = "Handläggarna i Falkenberg med kommunens processledare.", DataPlan = "Ärendeloggen varje månad.",
                    DoNotes = "Falkenbergs hänvisningslista klar efter två veckor.", StudyNotes = "Andelen steg till omkring 70 %.",
                    Decision = PdsaDecision.Adopt, ActNotes = "Nästa steg: Varberg och Laholm.",
                },
            ],
        };
        initiative.Participants.Add(new InitiativeParticipant { OrganizationId = DemoData.OrganizationId("halmstad") });
        initiative.Participants.Add(new InitiativeParticipant { OrganizationId = DemoData.OrganizationId("falkenberg") });
        initiative.Needs.Add(new InitiativeNeed { NeedId = NeedsDemoData.EstablishmentPhaseNeedId });
        foreach (var (cat, text, root) in new[]
                 {
                     (CauseCategory.Methods, "Inga gemensamma frågor om hälsa i inskrivningen", true),
                     (CauseCategory.Communication, "Tolk bokas bara för planeringsdelen", false),
                     (CauseCategory.Organisation, "Handläggaren vet inte vart hen kan hänvisa", true),
                     (CauseCategory.People, "Deltagare tar inte själva upp oro och sömnproblem", false),
                 })
        {
            initiative.Causes.Add(new InitiativeCause { Id = ReferenceData.StableId("demo-cause", "etablering/" + text), Category = cat, Text = text, IsRootCause = root });
        }
        var serviceId = DemoData.ServiceId("halmstad", "Stödsamtal på integrationsenheten");
        if (await db.Services.AnyAsync(s => s.Id == serviceId, ct)) initiative.Services.Add(new InitiativeService { ServiceId = serviceId, Created = false });
        return initiative;
    }

    private static Initiative Hylte(DateOnly thisMonth, DateTime now)
    {
        var id = HylteInitiativeId;
        var conversations = new Measure
        {
            Id = ReferenceData.StableId("demo-measure", "hylte-samtal"),
            InitiativeId = id,
            Name = "Genomförda stödsamtal per månad",
            Type = MeasureType.Outcome,
            Unit = "samtal",
            Direction = ImprovementDirection.Up,
            Target = 12,
            OperationalDefinition = "Antal stödsamtal med asylsökande i Hylte som genomförts under månaden (inte bokade), enligt samtalsledarnas dagbok.",
            Rules = RuleSet.Anhoej,
            Chart = ChartKind.Run,
            Points = Monthly("hylte-samtal", HylteConversations, thisMonth, now),
        };
        var waiting = new Measure
        {
            Id = ReferenceData.StableId("demo-measure", "hylte-vantetid"),
            InitiativeId = id,
            Name = "Väntetid till första stödsamtal",
            Type = MeasureType.Process,
            Unit = "dagar",
            Direction = ImprovementDirection.Down,
            Target = 14,
            OperationalDefinition = "Medianen av antal dagar från första kontakt till första stödsamtal, för dem som fick sitt första samtal under månaden.",
            Rules = RuleSet.Ihi,
            Chart = ChartKind.I,
            Baseline = 8,
            Points = Monthly("hylte-vantetid", HylteWaitingDays, thisMonth, now),
        };
        var start = thisMonth.AddMonths(-HylteConversations.Length);
        var c1 = ReferenceData.StableId("demo-pdsa", "hylte-1");
        var c2 = ReferenceData.StableId("demo-pdsa", "hylte-2");
        var initiative = new Initiative
        {
            Id = id,
            Title = "Stödsamtal för asylsökande i Hylte",
            OwnerOrganizationId = DemoData.OrganizationId("hylte"),
            Phase = InitiativePhase.Improve,
            CreatedBy = DemoData.AuditUserName,
            Problem = "Asylsökande familjer i Hylte har långt till riktat psykosocialt stöd; det finns mötesplatser men inga stödsamtal på orten.",
            Goal = "Tolv stödsamtal i månaden i Hyltebruk och högst 14 dagars väntan till första samtalet.",
            Purpose = "Att stress, oro och sömnlöshet möts tidigt och nära, innan de växer.",
            ChangeIdeas = "- Samtalsledare från Röda Korset på mötesplatsen en eftermiddag i veckan\n- Drop-in i stället för bokning\n- Region Hallands psykolog handleder samtalsledarna",
            Measures = [conversations, waiting],
            Cycles =
            [
                new PdsaCycle
                {
                    Id = c1, InitiativeId = id, Title = "Samtal på mötesplatsen", StartDate = start.AddMonths(10), EndDate = start.AddMonths(12),
                    Change = "En samtalsledare finns på Mötesplats Hyltebruk en eftermiddag i veckan.", Prediction = "Minst sex samtal i månaden.",
                    WhoWhatWhenWhere = "Röda Korsets samtalsledare, mötesplatsen, torsdagar.", DataPlan = "Samtalsdagboken.",
                    DoNotes = "Fler kom än väntat.", StudyNotes = "8–9 samtal i månaden, mer än förutsagt.", Decision = PdsaDecision.Adapt,
                    ActNotes = "Lägg till drop-in utan bokning.",
                },
                new PdsaCycle
                {
                    Id = c2, InitiativeId = id, PreviousCycleId = c1, Title = "Drop-in utan bokning", StartDate = start.AddMonths(13), EndDate = start.AddMonths(16),
                    Change = "Drop-in i stället för bokade tider.", Prediction = "Väntetiden till första samtal halveras.",
                    WhoWhatWhenWhere = "Samma samtalsledare, mötesplatsen.", DataPlan = "Datum för första kontakt och första samtal.",
                    DoNotes = "Tolk per telefon behövdes oftare.", DoProblems = "Två eftermiddagar utan tolk.", StudyNotes = "Väntetiden föll från omkring 30 till omkring 15 dagar.",
                    Decision = PdsaDecision.Adopt, ActNotes = "Behåll drop-in; boka telefontolk i förväg.",
                },
                new PdsaCycle
                {
                    Id = ReferenceData.StableId("demo-pdsa", "hylte-3"), InitiativeId = id, PreviousCycleId = c2, Title = "Handledning av samtalsledarna", StartDate = start.AddMonths(17),
                    Change = "Region Hallands psykolog handleder samtalsledarna en gång i månaden.", Prediction = "Fler samtal per eftermiddag utan att samtalsledarna tröttnar.",
                    WhoWhatWhenWhere = "Psykolog från Region Halland, samtalsledarna, en timme i månaden.", DataPlan = "Samtalsdagboken och en kort enkät till samtalsledarna.",
                    DoNotes = "Pågår.", Decision = PdsaDecision.Undecided,
                },
            ],
        };
        initiative.Participants.Add(new InitiativeParticipant { OrganizationId = DemoData.OrganizationId("rodakorset") });
        initiative.Participants.Add(new InitiativeParticipant { OrganizationId = DemoData.OrganizationId("region") });
        initiative.Needs.Add(new InitiativeNeed { NeedId = NeedsDemoData.HylteAsylumNeedId });
        foreach (var (cat, text, root) in new[]
                 {
                     (CauseCategory.Resources, "Ingen samtalsledare på orten", true),
                     (CauseCategory.Environment, "Lång resväg till Halmstad", false),
                     (CauseCategory.Methods, "Bokade tider passar inte familjernas vardag", true),
                 })
        {
            initiative.Causes.Add(new InitiativeCause { Id = ReferenceData.StableId("demo-cause", "hylte/" + text), Category = cat, Text = text, IsRootCause = root });
        }
        return initiative;
    }
}
