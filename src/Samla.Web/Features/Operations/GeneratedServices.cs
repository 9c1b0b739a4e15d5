using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Samla.Web.Data;

namespace Samla.Web.Features.Operations;

/// <summary>
/// Generates realistic services in bulk for load tests (`seed --services N`). Content is random but
/// deterministic (a seeded Random); ids are fresh, so seeding twice adds twice.
/// </summary>
/// <remarks>
/// EF Core with change tracking manages roughly 10–20 k rows a second here, and 100 000 services are
/// about 1.5 million rows with their attributes, areas, languages and schedules. So rows are written with
/// parameterised ADO.NET inserts on the context's own connection, one transaction per batch, in the exact
/// formats EF Core uses (on SQLite: Guids as upper-case TEXT, DateTime/DateOnly/TimeOnly as EF's ISO text,
/// bools as 0/1; on PostgreSQL the native uuid/timestamptz/date/time types), so EF reads them back as usual.
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

        var w = new Writer(db);
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
                await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
                w.Begin(tx);

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
                    await w.InsertAsync("Organizations", ct,
                        ("Id", orgId), ("Name", name), ("Description", $"{name} erbjuder stöd till nyanlända i {home.Name}. (Genererad testdata.)"),
                        ("Email", $"info@{domain}"), ("Website", $"https://www.{domain}"), ("Type", type.ToString()),
                        ("MunicipalityCode", home.Code), ("IsActive", true), ("Translations", "{}"),
                        ("Version", 1), ("CreatedAt", now), ("LastModified", now));
                    Guid? locationId = null;
                    if (random.Next(4) != 0)
                    {
                        locationId = Guid.CreateVersion7();
                        await w.InsertAsync("Locations", ct,
                            ("Id", locationId.Value), ("OrganizationId", orgId), ("LocationType", "physical"), ("Name", name),
                            ("Latitude", Math.Round(home.Latitude + random.NextDouble() * 0.02 - 0.01, 5)),
                            ("Longitude", Math.Round(home.Longitude + random.NextDouble() * 0.02 - 0.01, 5)),
                            ("MunicipalityCode", home.Code), ("Version", 1), ("CreatedAt", now), ("LastModified", now));
                        await w.InsertAsync("Addresses", ct,
                            ("Id", Guid.CreateVersion7()), ("LocationId", locationId.Value),
                            ("Address1", string.Create(CultureInfo.InvariantCulture, $"Storgatan {random.Next(1, 60)}")),
                            ("City", home.Name), ("StateProvince", home.CountyCode == countyCode ? countyName : "Sverige"),
                            ("PostalCode", string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 999)} {random.Next(10, 99)}")),
                            ("Country", "SE"), ("AddressType", "physical"));
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
                    await w.InsertAsync("Services", ct,
                        ("Id", serviceId), ("OrganizationId", org.Id), ("Name", name),
                        ("Description", $"{kind.Description} {ExtraSentences[random.Next(ExtraSentences.Length)]} {ExtraSentences[random.Next(ExtraSentences.Length)]}"),
                        ("Url", $"https://www.{org.Domain}/stod/{index}"), ("Email", $"info@{org.Domain}"),
                        ("Status", status), ("IsPublished", random.Next(20) != 0),
                        ("ApplicationProcess", kind.Access.StartsWith("drop-in", StringComparison.Ordinal) ? "Kom när du vill." : "Boka tid via telefon eller e-post."),
                        ("FeesDescription", fee), ("MinimumAge", kind.Min), ("MaximumAge", kind.Max), ("Capacity", capacity),
                        ("SurgeCapacity", surge ? capacity / 2 + 5 : null), ("SurgeLeadTimeDays", surge ? random.Next(1, 5) * 7 : null),
                        ("AssuredDate", today.AddDays(-random.Next(0, 425))), ("AssurerEmail", $"processledare@{org.Domain}"),
                        ("Translations", "{}"), ("Version", 1), ("CreatedAt", now), ("LastModified", now));

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
                        await w.InsertAsync("ServiceAreas", ct, ("Id", Guid.CreateVersion7()), ("ServiceId", serviceId),
                            ("MunicipalityCode", code), ("Name", county.First(m => m.Code == code).Name));
                    }

                    // 1–3 languages, Swedish usually first.
                    var langs = new HashSet<int>();
                    if (random.Next(4) != 0) langs.Add(0);
                    var langCount = 1 + random.Next(3);
                    while (langs.Count < langCount) langs.Add(random.Next(LanguagePool.Length));
                    foreach (var l in langs)
                    {
                        await w.InsertAsync("Languages", ct, ("Id", Guid.CreateVersion7()), ("ServiceId", serviceId),
                            ("Code", LanguagePool[l].Code), ("Name", LanguagePool[l].Name));
                    }

                    var online = kind.Access == "online";
                    if (org.LocationId is { } loc && !online && random.Next(10) < 7)
                    {
                        await w.InsertAsync("ServiceAtLocations", ct, ("Id", Guid.CreateVersion7()), ("ServiceId", serviceId), ("LocationId", loc));
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
                        await w.InsertAsync("Schedules", ct, ("Id", Guid.CreateVersion7()), ("ServiceId", serviceId),
                            ("DtStart", today.AddDays(-random.Next(30, 400))), ("Timezone", "Europe/Stockholm"),
                            ("Freq", monthly ? "MONTHLY" : "WEEKLY"), ("Interval", 1), ("Wkst", "MO"),
                            ("Byday", monthly ? "1" + Days[day] : Days[day]), ("OpensAt", opens), ("ClosesAt", closes),
                            ("Description", string.Create(CultureInfo.InvariantCulture, $"{when} {opens:HH.mm}–{closes:HH.mm}")),
                            ("AttendingType", online ? "online" : "in person"));
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

    private static Task Attribute(Writer w, Guid serviceId, string taxonomy, string code, string? value, CancellationToken ct) =>
        w.InsertAsync("ServiceAttributes", ct, ("Id", Guid.CreateVersion7()), ("ServiceId", serviceId),
            ("TaxonomyTermId", ReferenceData.TermId(taxonomy, code)), ("Value", value));

    /// <summary>One reusable parameterised INSERT per table and column list, values in EF Core's storage formats.</summary>
    private sealed class Writer(SamlaDbContext db)
    {
        private readonly DbConnection _connection = db.Database.GetDbConnection();
        private readonly bool _sqlite = db.Database.IsSqlite();
        private readonly IRelationalTypeMappingSource _mappings = db.GetService<IRelationalTypeMappingSource>();
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
        private readonly Dictionary<DateTime, string> _sqliteDateTimes = [];
        private DbTransaction? _transaction;
        private readonly Dictionary<string, (string[] Columns, List<object?[]> Rows)> _buffered = new(StringComparer.Ordinal);
        private readonly List<string> _tableOrder = []; // first-use order respects foreign keys

        /// <summary>Sends the buffered rows (PostgreSQL) inside the current transaction.</summary>
        public async Task FlushAsync(CancellationToken ct)
        {
            if (_sqlite) return;
            var connection = (Npgsql.NpgsqlConnection)_connection;
            foreach (var table in _tableOrder)
            {
                var (columns, rows) = _buffered[table];
                if (rows.Count == 0) continue;
                await using (var import = await connection.BeginBinaryImportAsync(
                    $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct))
                {
                    foreach (var row in rows)
                    {
                        await import.StartRowAsync(ct);
                        foreach (var value in row)
                        {
                            if (value is null) await import.WriteNullAsync(ct);
                            else await import.WriteAsync(value, ct);
                        }
                    }
                    await import.CompleteAsync(ct);
                }
                rows.Clear();
            }
        }

        public void Begin(DbTransaction transaction)
        {
            _transaction = transaction;
            foreach (var c in _commands.Values) c.Transaction = transaction;
        }

        public async Task InsertAsync(string table, CancellationToken ct, params (string Column, object? Value)[] values)
        {
            if (!_sqlite)
            {
                // PostgreSQL: one round trip per row is slow; rows are buffered and sent with binary COPY per batch.
                if (!_buffered.TryGetValue(table, out var buffer))
                {
                    buffer = (values.Select(v => v.Column).ToArray(), []);
                    _buffered.Add(table, buffer);
                    _tableOrder.Add(table);
                }
                buffer.Rows.Add(values.Select(v => v.Value).ToArray());
                return;
            }
            // Each table is always written with the same column list, so the table name identifies the command.
            if (!_commands.TryGetValue(table, out var command))
            {
                command = _connection.CreateCommand();
                command.Transaction = _transaction;
                command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Select(v => $"\"{v.Column}\""))}) " +
                    $"VALUES ({string.Join(", ", values.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < values.Length; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = $"@p{i}";
                    command.Parameters.Add(p);
                }
                _commands.Add(table, command);
            }
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = Convert(values[i].Value);
            await command.ExecuteNonQueryAsync(ct);
        }

        private object Convert(object? value)
        {
            if (value is null) return DBNull.Value;
            if (!_sqlite) return value; // Npgsql maps Guid, DateTime (UTC), DateOnly and TimeOnly to uuid, timestamptz, date and time.
            return value switch
            {
                Guid g => g.ToString().ToUpperInvariant(),
                bool b => b ? 1L : 0L,
                DateTime d => SqliteDateTime(d),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeOnly t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        /// <summary>EF Core's own text for a DateTime on SQLite, taken from its type mapping (literal without quotes).</summary>
        private string SqliteDateTime(DateTime d)
        {
            if (_sqliteDateTimes.TryGetValue(d, out var text)) return text;
            var literal = _mappings.FindMapping(typeof(DateTime))!.GenerateSqlLiteral(d);
            text = literal.Trim('\'');
            _sqliteDateTimes[d] = text;
            return text;
        }
    }
}
