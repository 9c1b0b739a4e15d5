using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Needs;

/// <summary>
/// A handful of demo needs for Halland, including the follow-up's own example (Arbetsförmedlingen: mapping
/// ill-health early in the establishment phase) and needs that fall on the demo data's deliberate gaps.
/// Each is added once, by stable id, and only when the organisation raising it exists.
/// </summary>
public sealed class NeedsDemoData : IDemoDataSeeder
{
    public static readonly Guid EstablishmentPhaseNeedId = ReferenceData.StableId("demo-need", "etableringsfasen");
    public static readonly Guid HylteAsylumNeedId = ReferenceData.StableId("demo-need", "hylte-asyl");

    // Sources carry no year: their date (EvidenceDate) is counted back from today, so a year in the name would soon disagree with it.
    private sealed record Def(Guid Id, string Org, string Title, string Description, string[] Targets, string[] Ages, string[] Municipalities,
        string Source, int MonthsAgo, int Severity, int? People, NeedStatus Status);

    private static readonly Def[] Defs =
    [
        new(EstablishmentPhaseNeedId, "arbetsformedlingen", "Kartlägga ohälsa tidigt i etableringsfasen",
            "Handläggare ser att psykisk ohälsa ofta upptäcks först efter lång tid i etableringsprogrammet. Vi behöver ett gemensamt sätt att **tidigt fånga upp ohälsa** och veta vart vi kan hänvisa.",
            ["newly-arrived", "refugees"], ["adults"], [], "Uppföljningen av strategin Hälsa och migration", 18, 4, 300, NeedStatus.Identified),
        new(HylteAsylumNeedId, "hylte", "Stödsamtal för asylsökande i Hylte",
            "Asylsökande familjer i Hylte har långt till riktat psykosocialt stöd. Det finns mötesplatser men inga stödsamtal på orten.",
            ["asylum-seekers"], [], ["1315"], "Dialogmöte med aktörerna i Hylte", 8, 4, 120, NeedStatus.Identified),
        new(ReferenceData.StableId("demo-need", "laholm-tillstandslosa"), "rodakorset", "Stöd för tillståndslösa i Laholm",
            "Vi möter tillståndslösa personer från Laholm som inte vet var de kan få vård och stöd.",
            ["undocumented"], [], ["1381"], "Röda Korsets mottagning, anteckningar", 5, 3, 40, NeedStatus.Identified),
        new(ReferenceData.StableId("demo-need", "foraldrastod-sprak"), "raddabarnen", "Föräldrastöd på arabiska och dari",
            "Föräldrar efterfrågar föräldrastödsgrupper på sitt eget språk.",
            ["refugees", "relatives-of-newly-arrived"], ["children", "youth"], ["1380", "1383"], "Enkät till föräldrar", 6, 2, 60, NeedStatus.BeingAddressed),
        new(ReferenceData.StableId("demo-need", "pfa-handledning"), "region", "Handledning i psykologisk första hjälpen för personal",
            "Personal i mottagandet vill ha återkommande handledning efter utbildning i PFA.",
            [], ["adults"], [], "Utvärdering av PFA-utbildningen", 14, 2, null, NeedStatus.Met),
    ];

    public Task SeedAsync(IServiceProvider services, CancellationToken ct) => EnsureAsync(services, ct);

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<SamlaDbContext>();
        services.GetRequiredService<AuditActor>().Use(DemoData.AuditUserName);
        var existing = (await db.Set<Need>().Select(n => n.Id).ToListAsync(ct)).ToHashSet();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var added = false;
        foreach (var d in Defs.Where(d => !existing.Contains(d.Id)))
        {
            var orgId = DemoData.OrganizationId(d.Org);
            if (!await db.Organizations.AnyAsync(o => o.Id == orgId, ct)) continue;
            var need = new Need
            {
                Id = d.Id, Title = d.Title, Description = d.Description, RaisedByOrganizationId = orgId,
                TargetGroups = [.. d.Targets], AgeGroups = [.. d.Ages], MunicipalityCodes = [.. d.Municipalities], CountyCode = SamlaOptions.DefaultCountyCode, // the demo needs are Halland's
                EvidenceSource = d.Source, EvidenceDate = today.AddMonths(-d.MonthsAgo), Severity = d.Severity,
                PeopleAffected = d.People, Status = d.Status, CreatedBy = DemoData.AuditUserName,
            };
            if (d.Id == EstablishmentPhaseNeedId)
            {
                need.Comments.Add(new NeedComment
                {
                    AuthorName = "Samverkansansvarig, Försäkringskassan", OrganizationId = DemoData.OrganizationId("forsakringskassan"),
                    Text = "Vi ser samma sak i våra samtal och vill gärna vara med och ta fram ett gemensamt arbetssätt.",
                    CreatedAt = now,
                });
            }
            if (d.Org == "raddabarnen" && await db.Services.AnyAsync(s => s.Id == DemoData.ParentingSupportHalmstadServiceId, ct))
            {
                need.Services.Add(new NeedService { ServiceId = DemoData.ParentingSupportHalmstadServiceId, LinkedBy = DemoData.AuditUserName, LinkedAt = now });
            }
            db.Add(need);
            added = true;
        }
        if (added) await db.SaveChangesAsync(ct);
    }
}
