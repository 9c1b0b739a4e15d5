using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Needs;
using Samla.Web.Features.Workspace;

namespace Samla.Web.Features.Meetings;

/// <summary>
/// Demo data for meetings and rounds, by stable ids: two past dialogue meetings (autumn 2025, spring 2026) with
/// attendance, minutes, decisions and action items from the seeds' themes, one coming meeting, and an open update
/// round in which some organisations have confirmed, some updated and some not started. Confirmations and edits go
/// through the workspace's own ServiceChanges, so that the round board derives them exactly as it does for real use.
/// </summary>
public sealed class MeetingsDemoData : IDemoDataSeeder
{
    public static readonly Guid AutumnMeetingId = ReferenceData.StableId("demo-meeting", "host-2025");
    public static readonly Guid SpringMeetingId = ReferenceData.StableId("demo-meeting", "var-2026");
    public static readonly Guid ComingMeetingId = ReferenceData.StableId("demo-meeting", "kommande");
    public static readonly Guid RoundId = ReferenceData.StableId("demo-round", "var-2026");
    public static readonly Guid HalmstadActionItemId = ReferenceData.StableId("demo-action", "halmstad-insatser");

    /// <summary>Organisations that confirm everything unchanged in the demo round.</summary>
    public static readonly string[] ConfirmingOrganizations = ["laholm", "varberg", "region"];
    /// <summary>Organisations that edit a service in the demo round (Falkenberg also confirms the rest).</summary>
    public static readonly string[] UpdatingOrganizations = ["falkenberg", "rodakorset"];

    private static readonly string[] Convenors = ["lansstyrelsen", "region"];

    public int Order => 10;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SamlaDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var zone = services.GetRequiredService<IOptions<MeetingsOptions>>().Value.TimeZone;
        services.GetRequiredService<AuditActor>().Use(DemoData.AuditUserName);
        if (await db.Set<DialogueMeeting>().AnyAsync(m => m.Id == SpringMeetingId, ct)) return;
        var orgs = await db.Organizations.Where(o => o.IsActive).Select(o => o.Id).ToListAsync(ct);
        Guid Org(string key) => DemoData.OrganizationId(key);
        bool Has(string key) => orgs.Contains(Org(key));
        if (!Has("region") || !Has("lansstyrelsen")) return;
        DateTime Local(int y, int mo, int d, int h) => MeetingTime.ToUtc(new DateTime(y, mo, d, h, 0, 0), zone);

        var autumn = new DialogueMeeting
        {
            Id = AutumnMeetingId,
            Title = "Dialogmöte hösten 2025",
            StartsAt = Local(2025, 10, 15, 9),
            EndsAt = Local(2025, 10, 15, 12),
            Place = "Regionens hus, Halmstad",
            ConvenorIds = [.. Convenors.Select(Org)],
            InvitedOrganizationIds = [.. orgs],
            Agenda = ["Välkommen och presentation", "Uppföljning av strategin", "Aktuellt från aktörerna"],
            Minutes = "Mötet gick igenom uppföljningen av strategin. Aktörerna beskrev att plattformen gör det **enkelt att känna till varandras verksamheter**, men att kännedomen minskar när personal byts ut.",
            Decisions = ["Varje aktör utser en processledare som ansvarar för organisationens uppgifter på plattformen."],
            CreatedBy = DemoData.AuditUserName,
        };
        var spring = new DialogueMeeting
        {
            Id = SpringMeetingId,
            Title = "Dialogmöte våren 2026",
            StartsAt = Local(2026, 4, 22, 9),
            EndsAt = Local(2026, 4, 22, 12),
            Place = "Länsstyrelsen Halland, Slottsgatan, Halmstad",
            VideoUrl = "https://mote.samla.example/dialogmote-var-2026",
            ConvenorIds = [.. Convenors.Select(Org)],
            InvitedOrganizationIds = [.. orgs],
            Agenda =
            [
                "Välkommen, närvaro och föregående protokoll",
                "Beredskap inför ett stort flyktingmottagande – kraftsamling",
                "Psykosocialt stöd för asylsökande – läget i länet",
                "Tidig kartläggning av ohälsa i etableringsfasen",
                "Uppdatering av informationen på plattformen",
                "Övriga frågor och nästa möte",
            ],
            Minutes = """
                ### 1. Välkommen
                Sammankallande (Länsstyrelsen Halland och Region Halland) hälsade välkommen. Föregående protokoll lades till handlingarna.

                ### 2. Beredskap inför ett stort mottagande
                Länsstyrelsen redogjorde för planeringen inför ett eventuellt stort flyktingmottagande. Aktörerna behöver veta vilka insatser som kan **skalas upp snabbt** och med hur kort varsel. Plattformens uppgifter om extra kapacitet ska hållas aktuella.

                ### 3. Psykosocialt stöd för asylsökande
                Region Halland beskrev att stress, oro och sömnlöshet är vanligt bland asylsökande. Det finns mötesplatser i hela länet, men stödsamtal saknas på flera orter, särskilt i Hylte.

                ### 4. Tidig kartläggning av ohälsa
                Arbetsförmedlingen lyfte behovet av att upptäcka psykisk ohälsa tidigt i etableringsfasen och att veta vart man kan hänvisa. Försäkringskassan och Samordningsförbundet vill delta.

                ### 5. Uppdatering av informationen
                En uppdateringsrunda öppnas i samband med mötet. Varje organisation ansvarar för sina egna uppgifter.
                """,
            Decisions =
            [
                "En arbetsgrupp tar fram en gemensam checklista för kraftsamling vid ett stort mottagande.",
                "Region Halland kartlägger utbudet av stödsamtal för asylsökande och återkommer till nästa möte.",
                "Arbetsförmedlingen, Försäkringskassan och Samordningsförbundet prövar en gemensam rutin för tidig kartläggning av ohälsa.",
                "En uppdateringsrunda öppnas med sista dag fyra veckor efter mötet.",
            ],
            CreatedBy = DemoData.AuditUserName,
        };
        var today = DateOnly.FromDateTime(MeetingTime.ToLocal(clock.GetUtcNow().UtcDateTime, zone));
        var comingDay = today.AddDays(45);
        var coming = new DialogueMeeting
        {
            Id = ComingMeetingId,
            Title = $"Dialogmöte {(comingDay.Month <= 6 ? "våren" : "hösten")} {comingDay.Year}",
            StartsAt = MeetingTime.ToUtc(comingDay.ToDateTime(new TimeOnly(9, 0)), zone),
            EndsAt = MeetingTime.ToUtc(comingDay.ToDateTime(new TimeOnly(12, 0)), zone),
            Place = "Regionens hus, Halmstad",
            VideoUrl = "https://mote.samla.example/dialogmote-kommande",
            ConvenorIds = [.. Convenors.Select(Org)],
            InvitedOrganizationIds = [.. orgs],
            Agenda = ["Välkommen och närvaro", "Återrapportering av åtgärdspunkter", "Resultat av uppdateringsrundan", "Gemensamt lärande: goda exempel"],
            CreatedBy = DemoData.AuditUserName,
        };

        // Attendance by role, never by name. Hylte and Migrationsverket missed both meetings (flagged on the overview).
        (string Key, AttendanceStatus Status, string? Role)[] springAttendance =
        [
            ("region", AttendanceStatus.Present, "Hälso- och sjukvårdsstrateg, Hälsa och migration"),
            ("lansstyrelsen", AttendanceStatus.Present, "Handläggare integration"),
            ("halmstad", AttendanceStatus.Present, "Processledare integration"),
            ("laholm", AttendanceStatus.Excused, null),
            ("falkenberg", AttendanceStatus.Present, "Processledare Hälsa och migration"),
            ("varberg", AttendanceStatus.Present, "Processledare integration"),
            ("kungsbacka", AttendanceStatus.Present, "Enhetschef integration"),
            ("hylte", AttendanceStatus.Absent, null),
            ("arbetsformedlingen", AttendanceStatus.Present, "Processledare etablering"),
            ("forsakringskassan", AttendanceStatus.Present, "Samverkansansvarig"),
            ("migrationsverket", AttendanceStatus.Absent, null),
            ("samordningsforbundet", AttendanceStatus.Present, "Förbundschef"),
            ("rodakorset", AttendanceStatus.Present, "Verksamhetsutvecklare"),
            ("raddabarnen", AttendanceStatus.Excused, null),
        ];
        (string Key, AttendanceStatus Status, string? Role)[] autumnAttendance =
        [
            ("region", AttendanceStatus.Present, "Hälso- och sjukvårdsstrateg, Hälsa och migration"),
            ("lansstyrelsen", AttendanceStatus.Present, "Handläggare integration"),
            ("halmstad", AttendanceStatus.Present, "Processledare integration"),
            ("laholm", AttendanceStatus.Present, "Processledare integration"),
            ("hylte", AttendanceStatus.Absent, null),
            ("migrationsverket", AttendanceStatus.Excused, null),
            ("arbetsformedlingen", AttendanceStatus.Present, "Processledare etablering"),
            ("rodakorset", AttendanceStatus.Present, "Verksamhetsutvecklare"),
        ];
        foreach (var (key, status, role) in springAttendance.Where(a => Has(a.Key)))
        {
            spring.Attendance.Add(new MeetingAttendance { OrganizationId = Org(key), Status = status, Role = role });
        }
        foreach (var (key, status, role) in autumnAttendance.Where(a => Has(a.Key)))
        {
            autumn.Attendance.Add(new MeetingAttendance { OrganizationId = Org(key), Status = status, Role = role });
        }

        var needs = await db.Set<Need>().Select(n => n.Id).ToListAsync(ct);
        Guid? NeedIfAny(Guid id) => needs.Contains(id) ? id : null;
        (Guid? Id, string Owner, string What, DateOnly Due, Guid? Need, bool Done, string? Comment)[] items =
        [
            (null, "lansstyrelsen", "Ta fram en gemensam checklista för kraftsamling vid ett stort flyktingmottagande", new(2026, 9, 30), null, false, null),
            (null, "region", "Kartlägga utbudet av stödsamtal för asylsökande, särskilt i Hylte", new(2026, 10, 15), NeedIfAny(NeedsDemoData.HylteAsylumNeedId), false, null),
            (null, "arbetsformedlingen", "Pröva en gemensam rutin för tidig kartläggning av ohälsa i etableringsfasen", new(2026, 12, 1), NeedIfAny(NeedsDemoData.EstablishmentPhaseNeedId), false, null),
            (null, "rodakorset", "Sprida inbjudan till utbildning i psykologisk första hjälpen till idéburna organisationer", new(2026, 6, 1), null, true, "Inbjudan skickad till tolv föreningar i maj."),
            (HalmstadActionItemId, "halmstad", "Se över och uppdatera kommunens insatser på plattformen inför hösten", new(2026, 8, 31), null, false, null),
        ];
        var order = 0;
        foreach (var i in items.Where(x => Has(x.Owner)))
        {
            spring.ActionItems.Add(new ActionItem
            {
                Id = i.Id ?? ReferenceData.StableId("demo-action", i.What),
                What = i.What,
                OwnerOrganizationId = Org(i.Owner),
                DueDate = i.Due,
                NeedId = i.Need,
                Status = i.Done ? ActionItemStatus.Done : ActionItemStatus.Open,
                Comment = i.Comment,
                DoneBy = i.Done ? DemoData.AuditUserName : null,
                DoneAt = i.Done ? spring.StartsAt.AddDays(30) : null,
                SortOrder = ++order,
            });
        }
        db.AddRange(autumn, spring, coming);

        var round = new UpdateRound
        {
            Id = RoundId,
            Title = "Uppdateringsrunda i samband med dialogmötet",
            MeetingId = ComingMeetingId,
            OpenedAt = clock.GetUtcNow().UtcDateTime.AddDays(-20),
            Deadline = today.AddDays(10),
            OrganizationIds = [.. orgs],
            OpenedBy = DemoData.AuditUserName,
        };
        db.Add(round);
        await db.SaveChangesAsync(ct);

        // What happened during the round, through the workspace's own saves (timestamped now, inside the round's window).
        var county = services.GetRequiredService<IOptions<SamlaOptions>>().Value.CountyCode;
        var demoUser = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, DemoData.AuditUserName)], "demo"));
        foreach (var key in ConfirmingOrganizations.Concat(UpdatingOrganizations).Where(Has))
        {
            var changes = ActivatorUtilities.CreateInstance<ServiceChanges>(services);

            var orgId = Org(key);
            var ids = await db.Services.Where(s => s.OrganizationId == orgId && s.Status == ServiceStatus.Active).OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(ct);
            var catalog = await WorkspaceCatalog.LoadAsync(db, services.GetRequiredService<TermCatalogCache>(), county, orgId, ct);
            for (var n = 0; n < ids.Count; n++)
            {
                var service = await changes.LoadAsync(ids[n], ct);
                if (service is null) continue;
                if (UpdatingOrganizations.Contains(key) && n == 0)
                {
                    await changes.StageAsync(service, service.Version, "edit", catalog, demoUser,
                        s => s.InterpretationServices = "Tolk bokas vid behov, även på telefon.", ct);
                }
                else if (key != "rodakorset")
                {
                    await changes.StageAsync(service, service.Version, "confirm", catalog, demoUser, s => s.AssuredDate = today, ct);
                }
            }
            await changes.SaveAsync(ct);
        }
    }
}
