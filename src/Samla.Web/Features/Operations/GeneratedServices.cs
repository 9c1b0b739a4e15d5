using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Operations;

/// <summary>
/// Generates realistic services in bulk for load tests (`seed --services N`). Content is random but
/// deterministic (a seeded Random); ids are fresh, so seeding twice adds twice.
/// </summary>
/// <remarks>
/// EF Core with change tracking manages roughly 10–20 k rows a second here, and 100 000 services are
/// about 1.5 million rows with their attributes, areas, languages and schedules. So rows go through the
/// core's <see cref="BulkWriter"/> (the importer's writer too), one transaction per batch.
/// </remarks>
public static class GeneratedServices
{
    private const int BatchSize = 2_000;
    private const int ServicesPerOrganization = 200;

    private sealed record Kind(string Name, string Layer, string Activities, string Ages, string Targets, string Access,
        int? Min, int? Max, string Description);

    private static readonly Kind[] Kinds =
    [
        new("Språkcafé", "2", "social-networks meeting-places", "youth adults older-adults", "R N A Q F U", "drop-in", null, null,
            "Öva svenska under avslappnade former tillsammans med frivilliga samtalsledare."),
        new("Läxhjälp", "2", "education-support social-networks", "children youth", "R N A Q F", "drop-in", 7, 18,
            "Frivilliga hjälper barn och unga med läxor i alla ämnen."),
        new("Älskade barn – föräldrastöd", "2", "parenting-support community-family-support", "adults", "R N A Q F", "booking", 18, null,
            "Föräldrastöd i grupp om barns behov och föräldraskap i ett nytt land."),
        new("Förälder i Sverige", "2", "parenting-support", "adults", "R N Q F", "booking", 18, null,
            "Föräldrastödsprogram för nyanlända föräldrar om barns utveckling, skolan och samhället."),
        new("Samhällsorientering med hälsa (SHO+)", "1", "health-communication information", "adults", "N Q F R", "referral", 18, null,
            "Samhällsorientering på modersmålet med fokus på hälsa och hur vården fungerar."),
        new("Hälsokommunikatörer", "1", "health-communication", "adults older-adults", "R N A Q F", "drop-in", null, null,
            "Information om hälsa, vård och egenvård på flera språk."),
        new("Mötesplats", "2", "meeting-places social-networks", "children youth adults older-adults", "R N A Q F U", "drop-in", null, null,
            "En öppen mötesplats med fika, aktiviteter och samtal."),
        new("Psykologisk första hjälpen", "3", "psychological-first-aid person-focused-psychosocial", "adults", "R N A Q F", "booking", 18, null,
            "Stöd efter svåra händelser från personal utbildad i psykologisk första hjälpen."),
        new("Stödsamtal", "3", "support-conversations", "youth adults older-adults", "R N Q F", "booking referral", 13, null,
            "Enskilda samtal om oro, sömn och stress, med tolk vid behov."),
        new("Samtalsgrupp", "3", "support-conversations stress-reduction", "adults", "R N Q F", "booking", 18, null,
            "Samtalsgrupp i tio träffar om vardag, hälsa och framtid."),
        new("TRT – stresshantering för barn", "3", "stress-reduction education-support", "children youth", "R N A Q", "referral booking", 8, 18,
            "Gruppverksamhet där barn lär sig hantera stress, oro och mardrömmar."),
        new("Yoga och mindfulness", "2", "stress-reduction", "adults older-adults", "R N A Q F", "booking", 18, null,
            "Lugn yoga och mindfulness för bättre sömn och mindre stress."),
        new("Hälsoundersökning", "1", "health-examination clinical-non-specialised", "children youth adults older-adults", "A N Q F R", "booking referral", null, null,
            "Kostnadsfri hälsoundersökning med tolk för asylsökande och nyanlända."),
        new("Elevhälsa för nyanlända", "3", "education-support clinical-non-specialised", "children youth", "R N A Q F", "referral", 6, 19,
            "Hälsosamtal och stödsamtal med skolsköterska, kurator och psykolog."),
        new("Traumamottagning", "4", "clinical-specialised psychological-intervention", "adults", "R N A Q", "referral", 18, null,
            "Utredning och behandling vid svår posttraumatisk stress."),
        new("Barn- och ungdomspsykiatri, transkulturellt team", "4", "clinical-specialised", "children youth", "R N A Q F", "referral", null, 17,
            "Specialiserad psykiatri för barn och unga med traumarelaterade besvär."),
        new("Vård för papperslösa", "1", "clinical-non-specialised", "children youth adults older-adults", "U", "booking drop-in", null, null,
            "Vård som inte kan anstå för personer som saknar tillstånd att vistas i Sverige."),
        new("Kvinnogrupp", "2", "social-networks community-mobilisation", "adults older-adults", "R N A Q F", "drop-in", 18, null,
            "En grupp för kvinnor som vill träffas, röra på sig och prata om hälsa."),
        new("Idrott för nyanlända", "2", "social-networks stress-reduction", "children youth adults", "R N A Q F", "drop-in", 6, null,
            "Prova på idrott tillsammans med lokala föreningar."),
        new("Utbildning i PFA för personal", "2", "capacity-building psychological-first-aid", "adults", "R N A Q F", "booking online", null, null,
            "Utbildning för personal och frivilliga i psykologisk första hjälpen."),
        new("Digitalt föräldrastöd", "2", "parenting-support", "adults", "R N A Q F", "online", 18, null,
            "Digitala föräldraträffar om barns reaktioner på flykt."),
        new("Vägledning för nyanlända", "1", "information mhpss-in-other-sectors", "adults older-adults", "N Q F", "drop-in booking", null, null,
            "Personlig vägledning om bostad, skola, vård och myndigheter."),
    ];

    private static readonly string[] Qualifiers =
        ["", "", "", " för kvinnor", " för unga", " för familjer", " på arabiska", " på dari", " på tigrinja", " på ukrainska", " i centrum", " kvällstid"];

    private static readonly string[] ExtraSentences =
    [
        "Tolk finns vid behov.", "Fika ingår.", "Verksamheten drivs tillsammans med frivilliga.",
        "Personalen har tystnadsplikt.", "Du behöver inte vara folkbokförd.", "Barn är välkomna att följa med.",
    ];

    private static readonly (string Name, OrganizationType Type)[] OrgKinds =
    [
        ("Integrationsenheten i {0}", OrganizationType.Municipality), ("Föreningen Mötesplats {0}", OrganizationType.NonProfit),
        ("Frivilligcentralen {0}", OrganizationType.NonProfit), ("Vårdcentralen {0} centrum", OrganizationType.Region),
        ("Idrottsalliansen {0}", OrganizationType.NonProfit), ("Kvinnonätverket {0}", OrganizationType.NonProfit),
        ("Studiecirkelföreningen {0}", OrganizationType.NonProfit), ("Samordningsförbundet {0}", OrganizationType.CoordinationAssociation),
    ];

    private static readonly (string Code, string Name)[] LanguagePool =
    [
        ("sv", "svenska"), ("ar", "arabiska"), ("prs", "dari"), ("fa", "persiska"), ("ti", "tigrinja"), ("so", "somaliska"),
        ("uk", "ukrainska"), ("en", "engelska"), ("ru", "ryska"), ("ku", "kurdiska"), ("ps", "pashto"), ("tr", "turkiska"),
    ];

    private static readonly Dictionary<char, string> Targets = new()
    {
        ['R'] = "refugees", ['N'] = "newly-arrived", ['A'] = "asylum-seekers", ['Q'] = "resettled-refugees",
        ['F'] = "relatives-of-newly-arrived", ['U'] = "undocumented",
    };

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA"];
    private static readonly string[] DayNames = ["Måndagar", "Tisdagar", "Onsdagar", "Torsdagar", "Fredagar", "Lördagar"];

    public static async Task<int> AddAsync(SamlaDbContext db, int count, string countyCode, DateTime now, CancellationToken ct)
    {
        // Generated load-test data is not anyone's edit: no audit trail (it would also triple the rows written).
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct);
        if (municipalities.Count == 0) throw new InvalidOperationException("No municipalities: run migrate first.");
        // The directory's county first (Halland's six), so that even a small seed covers them; then the rest of Sweden.
        var countyName = await db.Counties.AsNoTracking().Where(c => c.Code == countyCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "Sverige";
        municipalities = [.. municipalities.OrderBy(m => m.CountyCode == countyCode ? 0 : 1).ThenBy(m => m.Code, StringComparer.Ordinal)];
        var byCounty = municipalities.GroupBy(m => m.CountyCode).ToDictionary(g => g.Key, g => g.ToArray());
        var existing = await db.Services.CountAsync(ct);
        var random = new Random(2026 + existing);

        using var w = new BulkWriter(db);
        var today = DateOnly.FromDateTime(now);
        var organizations = new List<(Guid Id, Guid? LocationId, Municipality Home, string Domain)>();
        var orgCount = (count + ServicesPerOrganization - 1) / ServicesPerOrganization;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var made = 0;
            while (made < count)
            {
                var n = Math.Min(BatchSize, count - made);
                await using var tx = await db.Database.BeginTransactionAsync(ct);

                // Organisations (with one location each) for this batch's share of services.
                var neededOrgs = Math.Min(orgCount, (made + n + ServicesPerOrganization - 1) / ServicesPerOrganization);
                while (organizations.Count < neededOrgs)
                {
                    var i = organizations.Count;
                    var home = municipalities[i % municipalities.Count];
                    var (pattern, type) = OrgKinds[random.Next(OrgKinds.Length)];
                    var name = string.Format(CultureInfo.InvariantCulture, pattern, home.Name);
                    var domain = string.Create(CultureInfo.InvariantCulture, $"gen{existing + i}.example");
                    var orgId = Guid.CreateVersion7();
                    await w.AddAsync(new Organization
                    {
                        Id = orgId, Name = name, Description = $"{name} erbjuder stöd till nyanlända i {home.Name}. (Genererad testdata.)",
                        Email = $"info@{domain}", Website = $"https://www.{domain}", Type = type, MunicipalityCode = home.Code, IsActive = true,
                    }, ct);
                    Guid? locationId = null;
                    if (random.Next(4) != 0)
                    {
                        locationId = Guid.CreateVersion7();
                        await w.AddAsync(new Location
                        {
                            Id = locationId.Value, OrganizationId = orgId, LocationType = "physical", Name = name,
                            Latitude = Math.Round(home.Latitude + random.NextDouble() * 0.02 - 0.01, 5),
                            Longitude = Math.Round(home.Longitude + random.NextDouble() * 0.02 - 0.01, 5),
                            MunicipalityCode = home.Code,
                        }, ct);
                        await w.AddAsync(new Address
                        {
                            Id = Guid.CreateVersion7(), LocationId = locationId.Value,
                            Address1 = string.Create(CultureInfo.InvariantCulture, $"Storgatan {random.Next(1, 60)}"),
                            City = home.Name, StateProvince = home.CountyCode == countyCode ? countyName : "Sverige",
                            PostalCode = string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 999)} {random.Next(10, 99)}"),
                            Country = "SE", AddressType = "physical",
                        }, ct);
                    }
                    organizations.Add((orgId, locationId, home, domain));
                }

                for (var k = 0; k < n; k++)
                {
                    var index = made + k;
                    var org = organizations[Math.Min(index / ServicesPerOrganization, organizations.Count - 1)];
                    var kind = Kinds[random.Next(Kinds.Length)];
                    var name = kind.Name + Qualifiers[random.Next(Qualifiers.Length)] + (random.Next(3) == 0 ? $" – {org.Home.Name}" : "");
                    var status = random.Next(100) switch
                    {
                        < 88 => ServiceStatus.Active,
                        < 94 => ServiceStatus.Inactive,
                        < 98 => ServiceStatus.TemporarilyClosed,
                        _ => ServiceStatus.Defunct,
                    };
                    var fee = random.Next(6) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 8) * 50} kronor per termin.") : null;
                    var capacity = random.Next(5, 60);
                    var surge = random.Next(10) < 3;
                    var serviceId = Guid.CreateVersion7();
                    await w.AddAsync(new Service
                    {
                        Id = serviceId, OrganizationId = org.Id, Name = name,
                        Description = $"{kind.Description} {ExtraSentences[random.Next(ExtraSentences.Length)]} {ExtraSentences[random.Next(ExtraSentences.Length)]}",
                        Url = $"https://www.{org.Domain}/stod/{index}", Email = $"info@{org.Domain}",
                        Status = status, IsPublished = random.Next(20) != 0,
                        ApplicationProcess = kind.Access.StartsWith("drop-in", StringComparison.Ordinal) ? "Kom när du vill." : "Boka tid via telefon eller e-post.",
                        FeesDescription = fee, MinimumAge = kind.Min, MaximumAge = kind.Max, Capacity = capacity,
                        SurgeCapacity = surge ? capacity / 2 + 5 : null, SurgeLeadTimeDays = surge ? random.Next(1, 5) * 7 : null,
                        AssuredDate = today.AddDays(-random.Next(0, 425)), AssurerEmail = $"processledare@{org.Domain}",
                    }, ct);

                    // Attributes: target groups, exactly one layer, activities, ages, cost, access modes, preparedness.
                    var targets = kind.Targets.Replace(" ", "", StringComparison.Ordinal);
                    var first = random.Next(targets.Length);
                    var targetCount = 1 + random.Next(Math.Min(3, targets.Length));
                    for (var t = 0; t < targetCount; t++)
                    {
                        await Attribute(w, serviceId, ReferenceData.TargetGroups, Targets[targets[(first + t) % targets.Length]], null, ct);
                    }
                    await Attribute(w, serviceId, ReferenceData.MhpssLayers, kind.Layer, null, ct);
                    foreach (var a in kind.Activities.Split(' ')) await Attribute(w, serviceId, ReferenceData.ActivityCategories, a, null, ct);
                    foreach (var a in kind.Ages.Split(' ')) await Attribute(w, serviceId, ReferenceData.AgeGroups, a, null, ct);
                    await Attribute(w, serviceId, ReferenceData.Costs, fee is null ? "free" : "fee", null, ct);
                    foreach (var a in kind.Access.Split(' ')) await Attribute(w, serviceId, ReferenceData.AccessModes, a, null, ct);
                    if (surge)
                    {
                        await Attribute(w, serviceId, ReferenceData.Preparedness, "surge-capacity", (capacity / 2 + 5).ToString(CultureInfo.InvariantCulture), ct);
                    }

                    // 1–3 service areas: the home municipality and neighbours in the same county.
                    var county = byCounty[org.Home.CountyCode];
                    var areas = new HashSet<string>(StringComparer.Ordinal) { org.Home.Code };
                    var areaCount = 1 + random.Next(3);
                    for (var a = 0; a < areaCount * 2 && areas.Count < areaCount; a++) areas.Add(county[random.Next(county.Length)].Code);
                    foreach (var code in areas)
                    {
                        await w.AddAsync(new ServiceArea
                        {
                            Id = Guid.CreateVersion7(), ServiceId = serviceId, MunicipalityCode = code, Name = county.First(m => m.Code == code).Name,
                        }, ct);
                    }

                    // 1–3 languages, Swedish usually first.
                    var langs = new HashSet<int>();
                    if (random.Next(4) != 0) langs.Add(0);
                    var langCount = 1 + random.Next(3);
                    while (langs.Count < langCount) langs.Add(random.Next(LanguagePool.Length));
                    foreach (var l in langs)
                    {
                        await w.AddAsync(new Language { Id = Guid.CreateVersion7(), ServiceId = serviceId, Code = LanguagePool[l].Code, Name = LanguagePool[l].Name }, ct);
                    }

                    var online = kind.Access == "online";
                    if (org.LocationId is { } loc && !online && random.Next(10) < 7)
                    {
                        await w.AddAsync(new ServiceAtLocation { Id = Guid.CreateVersion7(), ServiceId = serviceId, LocationId = loc }, ct);
                    }

                    // A weekly schedule for most, a monthly one for some, none (by appointment) for the rest.
                    var form = random.Next(10);
                    if (form < 9)
                    {
                        var day = random.Next(Days.Length);
                        var opens = new TimeOnly(random.Next(9, 18), random.Next(2) * 30);
                        var closes = opens.AddHours(random.Next(1, 4));
                        var monthly = form >= 7;
                        var when = monthly
                            ? $"Första {DayNames[day].ToLowerInvariant()[..^2]}en i månaden"
                            : DayNames[day];
                        await w.AddAsync(new Schedule
                        {
                            Id = Guid.CreateVersion7(), ServiceId = serviceId, DtStart = today.AddDays(-random.Next(30, 400)), Timezone = "Europe/Stockholm",
                            Freq = monthly ? "MONTHLY" : "WEEKLY", Interval = 1, Wkst = "MO", Byday = monthly ? "1" + Days[day] : Days[day],
                            OpensAt = opens, ClosesAt = closes,
                            Description = string.Create(CultureInfo.InvariantCulture, $"{when} {opens:HH.mm}–{closes:HH.mm}"),
                            AttendingType = online ? "online" : "in person",
                        }, ct);
                    }
                }

                await w.FlushAsync(ct);
                await tx.CommitAsync(ct);
                made += n;
            }
            // Rows written past SaveChanges: every instance's search index rebuilds from them.
            await ServiceChangeFeed.RecordEverythingAsync(db, ct);
            return made;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task Attribute(BulkWriter w, Guid serviceId, string taxonomy, string code, string? value, CancellationToken ct) =>
        w.AddAsync(new ServiceAttribute
        {
            Id = Guid.CreateVersion7(), ServiceId = serviceId, TaxonomyTermId = ReferenceData.TermId(taxonomy, code), Value = value,
        }, ct);
}
