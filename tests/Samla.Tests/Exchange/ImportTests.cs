using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;
using Samla.Web.Features.Exchange.Import;

namespace Samla.Tests.Exchange;

/// <summary>Import of every file form into the demo database: bad files write nothing, re-import changes nothing.</summary>
public sealed class ImportTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private Task<List<JsonObject>> ExportedServicesAsync() => ExportedServicesAsync(app);

    internal static async Task<List<JsonObject>> ExportedServicesAsync(SamlaApp app)
    {
        var file = ExchangeKit.TempPath(".ndjson");
        await ExchangeKit.ExportAsync(app, "ndjson", file);
        return File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    private static string Write(IEnumerable<JsonObject> services, bool ndjson = true)
    {
        var file = ExchangeKit.TempPath(ndjson ? ".ndjson" : ".json");
        File.WriteAllText(file, ndjson
            ? string.Join("\n", services.Select(s => s.ToJsonString())) + "\n"
            : new JsonArray([.. services.Select(s => (JsonNode)s.DeepClone())]).ToJsonString());
        return file;
    }

    internal static JsonObject NewService(JsonObject template)
    {
        var copy = template.DeepClone().AsObject();
        var id = Guid.NewGuid();
        copy["id"] = id.ToString();
        copy["name"] = $"Importerad tjänst {id:N}";
        foreach (var list in new[] { "service_areas", "languages", "attributes", "service_at_locations", "contacts", "phones", "schedules" })
        {
            if (copy[list] is JsonArray items) StripIds(items);
        }
        return copy;
    }

    /// <summary>Children get fresh ids from the importer; the shared organisation and locations keep theirs.</summary>
    private static void StripIds(JsonArray items)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            item.Remove("id");
            item.Remove("service_id");
            if (item["phones"] is JsonArray phones) StripIds(phones);
        }
    }

    private Task<(int Services, int Audit)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.Services.CountAsync(), await db.AuditEntries.CountAsync()));

    private async Task AssertNothingWrittenAsync((int Services, int Audit) before) => Assert.Equal(before, await CountsAsync());

    [Fact]
    public async Task Reimporting_the_export_changes_nothing()
    {
        var exported = await ExportedServicesAsync();
        var before = await CountsAsync();
        foreach (var ndjson in new[] { true, false })
        {
            var result = await ExchangeKit.ImportAsync(app, Write(exported, ndjson));
            Assert.True(result.IsValid, ExchangeKit.Problems(result));
            Assert.Equal(exported.Count, result.Unchanged);
            Assert.Equal(0, result.Created + result.Updated + result.OrganizationsChanged + result.LocationsChanged);
        }
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Import_creates_then_updates_then_leaves_alone_with_audit()
    {
        var template = (await ExportedServicesAsync()).First(s => s["service_at_locations"] is not null && s["schedules"] is not null);
        var service = NewService(template);
        var file = Write([service]);

        var dry = await ExchangeKit.ImportAsync(app, file, dryRun: true);
        Assert.True(dry.IsValid, ExchangeKit.Problems(dry));
        Assert.Equal(RecordOutcome.Created, Assert.Single(dry.Records).Outcome);
        Assert.False(dry.Written);
        var id = Guid.Parse(service["id"]!.GetValue<string>());
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Id == id)));

        var first = await ExchangeKit.ImportAsync(app, file);
        Assert.Equal(1, first.Created);
        var again = await ExchangeKit.ImportAsync(app, file);
        Assert.Equal(1, again.Unchanged);

        service["description"] = "Ny beskrivning från importen.";
        ((JsonArray)service["languages"]!).Add(new JsonObject { ["code"] = "so", ["name"] = "somaliska" });
        var changed = await ExchangeKit.ImportAsync(app, Write([service]));
        Assert.Equal(1, changed.Updated);
        var third = await ExchangeKit.ImportAsync(app, Write([service]));
        Assert.Equal(1, third.Unchanged);

        await app.WithDbAsync(async db =>
        {
            var s = await db.Services.Include(x => x.Languages).FirstAsync(x => x.Id == id);
            Assert.Equal("Ny beskrivning från importen.", s.Description);
            Assert.Contains(s.Languages, l => l.Code == "so");
            var audit = await db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.EntityType == nameof(Service)).ToListAsync();
            Assert.Contains(audit, a => a.Action == "create" && a.UserName == "test-import");
            Assert.Contains(audit, a => a.Action == "update" && a.FieldName == nameof(Service.Description) && a.UserName == "test-import");
        });
    }

    /// <summary>A nightly re-import: unchanged records write nothing at all; a 1 % change writes exactly those services.</summary>
    [Fact]
    public async Task Reimport_writes_nothing_when_unchanged_and_only_the_changed_one_percent()
    {
        var template = (await ExportedServicesAsync()).First(s => s["attributes"] is not null && s["schedules"] is not null);
        var services = Enumerable.Range(0, 200).Select(_ => NewService(template)).ToList();
        var ids = services.Select(s => Guid.Parse(s["id"]!.GetValue<string>())).ToList();
        var created = await ExchangeKit.ImportAsync(app, Write(services));
        Assert.True(created.IsValid, ExchangeKit.Problems(created));
        Assert.Equal(200, created.Created);

        Task<(int Audit, Dictionary<Guid, (int Version, DateTime Modified)> Services)> StateAsync() => app.WithDbAsync(async db =>
            (await db.AuditEntries.CountAsync(),
             (await db.Services.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Version, s.LastModified }).ToListAsync())
                .ToDictionary(s => s.Id, s => (s.Version, s.LastModified))));
        var before = await StateAsync();
        var maxAuditId = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        var unchanged = await ExchangeKit.ImportAsync(app, Write(services));
        Assert.True(unchanged.IsValid, ExchangeKit.Problems(unchanged));
        Assert.Equal((200, 0, 0, 0, 0), (unchanged.Unchanged, unchanged.Created, unchanged.Updated, unchanged.OrganizationsChanged, unchanged.LocationsChanged));
        var afterUnchanged = await StateAsync();
        Assert.Equal(before.Audit, afterUnchanged.Audit);
        Assert.Equal(before.Services, afterUnchanged.Services);

        // 1 %: two of the 200 services change.
        var changedIds = new[] { ids[17], ids[150] };
        services[17]["description"] = "Ändrad beskrivning i nattens import.";
        services[150]["name"] = "Ändrat namn i nattens import";
        var onePercent = await ExchangeKit.ImportAsync(app, Write(services));
        Assert.True(onePercent.IsValid, ExchangeKit.Problems(onePercent));
        Assert.Equal((198, 2, 0), (onePercent.Unchanged, onePercent.Updated, onePercent.Created));
        Assert.Equal(changedIds.Order(), onePercent.Records.Where(r => r.Outcome == RecordOutcome.Updated).Select(r => r.Id).Order());
        var after = await StateAsync();
        foreach (var id in ids)
        {
            if (changedIds.Contains(id)) Assert.Equal(before.Services[id].Version + 1, after.Services[id].Version);
            else Assert.Equal(before.Services[id], after.Services[id]);
        }
        await app.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.Where(a => a.Id > maxAuditId).ToListAsync();
            Assert.True(entries.Count == 2, string.Join("\n", entries.Select(a => $"{a.EntityType} {a.EntityId} {a.Action} {a.FieldName}: {a.OldValue} -> {a.NewValue}")));
            Assert.Equal(changedIds.Select(i => i.ToString()).Order(), entries.Select(a => a.EntityId).Order());
            Assert.All(entries, a => Assert.Equal("update", a.Action));
            Assert.Equal("Ändrad beskrivning i nattens import.", (await db.Services.FirstAsync(s => s.Id == ids[17])).Description);
        });
    }

    /// <summary>
    /// A service edited in Samla after an import (through SaveChanges as the workspace does, and through a bulk update that
    /// bypasses the change tracker) is put back by a later import of the original file; a dry run reports the same counts.
    /// </summary>
    [Fact]
    public async Task Reimport_restores_services_edited_after_the_import_and_a_dry_run_counts_the_same()
    {
        var template = (await ExportedServicesAsync()).First(s => s["languages"] is JsonArray { Count: > 0 } && s["schedules"] is JsonArray { Count: > 0 });
        var services = Enumerable.Range(0, 5).Select(_ => NewService(template)).ToList();
        var ids = services.Select(s => Guid.Parse(s["id"]!.GetValue<string>())).ToList();
        var file = Write(services);
        var created = await ExchangeKit.ImportAsync(app, file);
        Assert.True(created.IsValid, ExchangeKit.Problems(created));
        var original = await app.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Languages).Include(s => s.Schedules)
            .FirstAsync(s => s.Id == ids[1]));
        var originalStatus = template["status"]!.GetValue<string>();

        await app.WithDbAsync(async db =>
        {
            var edited = await db.Services.Include(s => s.Languages).Include(s => s.Schedules).FirstAsync(s => s.Id == ids[1]);
            edited.Description = "Ändrad i arbetsytan efter importen.";
            db.Remove(edited.Languages[0]);
            edited.Schedules[0].Description = "Ändrade tider";
            await db.SaveChangesAsync();
            await db.Services.Where(s => s.Id == ids[3]).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status,
                originalStatus == ServiceStatus.Inactive ? ServiceStatus.Defunct : ServiceStatus.Inactive));
        });

        var dry = await ExchangeKit.ImportAsync(app, file, dryRun: true);
        var real = await ExchangeKit.ImportAsync(app, file);
        foreach (var result in new[] { dry, real })
        {
            Assert.True(result.IsValid, ExchangeKit.Problems(result));
            Assert.Equal((3, 2, 0, 0, 0), (result.Unchanged, result.Updated, result.Created, result.OrganizationsChanged, result.LocationsChanged));
            Assert.Equal(new[] { ids[1], ids[3] }.Order(), result.Records.Where(r => r.Outcome == RecordOutcome.Updated).Select(r => r.Id).Order());
        }
        Assert.False(dry.Written);
        Assert.True(real.Written);
        await app.WithDbAsync(async db =>
        {
            var restored = await db.Services.AsNoTracking().Include(s => s.Languages).Include(s => s.Schedules).FirstAsync(s => s.Id == ids[1]);
            Assert.Equal(original.Description, restored.Description);
            Assert.Equal(original.Languages.Select(l => l.Code).Order(), restored.Languages.Select(l => l.Code).Order());
            Assert.Equal(original.Schedules[0].Description, restored.Schedules.Single(x => x.Id == original.Schedules[0].Id).Description);
            Assert.Equal(originalStatus, (await db.Services.AsNoTracking().FirstAsync(s => s.Id == ids[3])).Status);
        });
        Assert.Equal(5, (await ExchangeKit.ImportAsync(app, file)).Unchanged);
    }

    /// <summary>
    /// An unchanged service skips the comparison when its stored import fingerprint is the record's; the database clears the
    /// fingerprint on every change to the service or any of its child rows, whatever the writer (SaveChanges, ExecuteUpdate,
    /// ExecuteDelete, BulkWriter, raw SQL, a contact's phone), so the next import finds and restores each change.
    /// </summary>
    [Fact]
    public async Task Every_writer_clears_the_import_fingerprint_and_the_reimport_restores_the_change()
    {
        var template = (await ExportedServicesAsync()).First(s => s["languages"] is JsonArray { Count: > 0 }
            && s["service_areas"] is JsonArray { Count: > 0 } && s["service_at_locations"] is JsonArray { Count: > 0 });
        var services = Enumerable.Range(0, 9).Select(_ =>
        {
            var s = NewService(template);
            s["phones"] = new JsonArray(new JsonObject { ["number"] = "035-12 34 56" });
            s["contacts"] = new JsonArray(new JsonObject { ["name"] = "Mottagningen", ["phones"] = new JsonArray(new JsonObject { ["number"] = "035-65 43 21" }) });
            s["schedules"] = new JsonArray(new JsonObject { ["freq"] = "WEEKLY", ["byday"] = "MO", ["opens_at"] = "09:00", ["closes_at"] = "12:00" });
            return s;
        }).ToList();
        var ids = services.Select(s => Guid.Parse(s["id"]!.GetValue<string>())).ToList();
        var file = Write(services);
        var created = await ExchangeKit.ImportAsync(app, file);
        Assert.True(created.IsValid, ExchangeKit.Problems(created));

        Task<Dictionary<Guid, Guid?>> FingerprintsAsync() => app.WithDbAsync(db => ImportFingerprint.ReadAsync(db, ids, CancellationToken.None));
        Assert.All((await FingerprintsAsync()).Values, f => Assert.NotNull(f));
        var again = await ExchangeKit.ImportAsync(app, file);
        Assert.Equal((9, 0, 0), (again.Unchanged, again.Updated, again.Created));

        // The triggers are all there (a later migration that rebuilds a table must recreate them).
        var triggers = await app.WithDbAsync(db => (db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%ImportFingerprint%'""")
            : db.Database.SqlQueryRaw<int>("""SELECT COUNT(*)::int AS "Value" FROM pg_trigger WHERE tgname LIKE '%ImportFingerprint%'""")).SingleAsync());
        Assert.Equal(22, triggers);

        var writers = new Func<SamlaDbContext, Guid, Task>[]
        {
            async (db, id) => { (await db.Services.FirstAsync(s => s.Id == id)).Description = "Ändrad i arbetsytan."; await db.SaveChangesAsync(); },
            async (db, id) => { (await db.ServiceAreas.FirstAsync(a => a.ServiceId == id)).Description = "Ändrat område"; await db.SaveChangesAsync(); },
            (db, id) => db.ServiceAttributes.Where(a => a.ServiceId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Label, "ändrad")),
            (db, id) => db.Languages.Where(l => l.ServiceId == id).ExecuteDeleteAsync(),
            async (db, id) =>
            {
                await db.Database.OpenConnectionAsync();
                using var bulk = new BulkWriter(db);
                await bulk.AddAsync(new Schedule { ServiceId = id, Freq = "WEEKLY", Byday = "FR" }, CancellationToken.None);
                await bulk.FlushAsync(CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            },
            (db, id) => db.Database.ExecuteSqlAsync($"UPDATE \"ServiceAtLocations\" SET \"Description\" = 'ändrad' WHERE \"ServiceId\" = {id}"),
            (db, id) => db.Phones.Where(p => p.ServiceId == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Number, "035-00 00 00")),
            async (db, id) =>
            {
                var contact = await db.Contacts.Include(c => c.Phones).FirstAsync(c => c.ServiceId == id);
                db.Remove(contact.Phones[0]);
                await db.SaveChangesAsync();
            },
            (db, id) => db.Services.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.MinimumAge, 99)),
        };
        Assert.Equal(ids.Count, writers.Length);
        for (var i = 0; i < writers.Length; i++)
        {
            await app.WithDbAsync(db => writers[i](db, ids[i]));
            var fingerprints = await FingerprintsAsync();
            Assert.True(fingerprints[ids[i]] is null, $"writer {i} left the fingerprint");
            Assert.All(ids.Skip(i + 1), id => Assert.NotNull(fingerprints[id]));
        }

        var dry = await ExchangeKit.ImportAsync(app, file, dryRun: true);
        var real = await ExchangeKit.ImportAsync(app, file);
        foreach (var result in new[] { dry, real })
        {
            Assert.True(result.IsValid, ExchangeKit.Problems(result));
            Assert.Equal((0, 9, 0), (result.Unchanged, result.Updated, result.Created));
        }
        Assert.All((await FingerprintsAsync()).Values, f => Assert.NotNull(f));
        var last = await ExchangeKit.ImportAsync(app, file);
        Assert.Equal((9, 0), (last.Unchanged, last.Updated));
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(template["languages"]!.AsArray().Count, await db.Languages.CountAsync(l => l.ServiceId == ids[3]));
            Assert.Equal(1, await db.Schedules.CountAsync(x => x.ServiceId == ids[4]));
            Assert.Equal(1, await db.Phones.CountAsync(p => p.Contact!.ServiceId == ids[7]));
        });
    }

    /// <summary>An organisation or location that changed in the file is updated, while its services (unchanged) are left alone.</summary>
    [Fact]
    public async Task Reimport_detects_a_changed_organisation_and_location()
    {
        var template = (await ExportedServicesAsync()).First(s => s["organization"] is JsonObject && s["service_at_locations"] is JsonArray { Count: > 0 });
        var orgId = Guid.NewGuid().ToString();
        var locationId = Guid.NewGuid().ToString();
        var services = Enumerable.Range(0, 3).Select(_ =>
        {
            var s = NewService(template);
            s["organization_id"] = orgId;
            var org = s["organization"]!.AsObject();
            org["id"] = orgId;
            org["name"] = $"Importerad förening {orgId[..8]}";
            foreach (var list in new[] { "contacts", "phones" }) org.Remove(list);
            var sal = s["service_at_locations"]!.AsArray()[0]!.AsObject();
            sal["location_id"] = locationId;
            var location = sal["location"]!.AsObject();
            location["id"] = locationId;
            location["organization_id"] = orgId;
            location["name"] = "Mötesplatsen i Falkenberg";
            location["addresses"] = new JsonArray(new JsonObject
            {
                ["address_1"] = "Storgatan 1", ["city"] = "Falkenberg", ["state_province"] = "Halland", ["postal_code"] = "311 30", ["country"] = "SE", ["address_type"] = "physical",
            });
            s["service_at_locations"] = new JsonArray(sal.DeepClone());
            return s;
        }).ToList();
        var created = await ExchangeKit.ImportAsync(app, Write(services));
        Assert.True(created.IsValid, ExchangeKit.Problems(created));
        Assert.Equal((3, 1, 1), (created.Created, created.OrganizationsChanged, created.LocationsChanged));
        var maxAuditId = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        foreach (var s in services)
        {
            s["organization"]!["description"] = "Ny beskrivning av föreningen.";
            var location = s["service_at_locations"]![0]!["location"]!;
            location["name"] = "Mötesplatsen vid Stortorget";
            location["addresses"]![0]!["address_1"] = "Stortorget 2";
        }
        var file = Write(services);
        var dry = await ExchangeKit.ImportAsync(app, file, dryRun: true);
        var real = await ExchangeKit.ImportAsync(app, file);
        foreach (var result in new[] { dry, real })
        {
            Assert.True(result.IsValid, ExchangeKit.Problems(result));
            Assert.Equal((3, 0, 0, 1, 1), (result.Unchanged, result.Updated, result.Created, result.OrganizationsChanged, result.LocationsChanged));
        }
        await app.WithDbAsync(async db =>
        {
            Assert.Equal("Ny beskrivning av föreningen.", (await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == Guid.Parse(orgId))).Description);
            var location = await db.Locations.AsNoTracking().Include(l => l.Addresses).FirstAsync(l => l.Id == Guid.Parse(locationId));
            Assert.Equal("Mötesplatsen vid Stortorget", location.Name);
            Assert.Equal("Stortorget 2", Assert.Single(location.Addresses).Address1);
            var entries = await db.AuditEntries.Where(a => a.Id > maxAuditId).ToListAsync();
            Assert.NotEmpty(entries);
            Assert.DoesNotContain(entries, a => a.EntityType == nameof(Service));
        });
        var again = await ExchangeKit.ImportAsync(app, file);
        Assert.Equal((3, 0, 0), (again.Unchanged, again.OrganizationsChanged, again.LocationsChanged));
    }

    [Fact]
    public async Task Broken_json_is_reported_and_nothing_written()
    {
        var template = (await ExportedServicesAsync())[0];
        var good = NewService(template).ToJsonString();
        var before = await CountsAsync();

        var ndjson = ExchangeKit.TempPath(".ndjson");
        File.WriteAllText(ndjson, good + "\n{\"id\": \"x\", \"name\": \n" + NewService(template).ToJsonString() + "\n");
        var result = await ExchangeKit.ImportAsync(app, ndjson);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "Problem_BrokenJsonLine"), (problem.Line, problem.Key));

        var array = ExchangeKit.TempPath(".json");
        File.WriteAllText(array, "[" + good + ",\n{\"id\": ");
        result = await ExchangeKit.ImportAsync(app, array);
        Assert.Equal("Problem_BrokenJson", Assert.Single(result.Problems).Key);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Every_problem_is_listed_with_line_and_field_and_nothing_is_written()
    {
        var template = (await ExportedServicesAsync()).First(s => s["attributes"] is not null);
        var ok = NewService(template);
        var unknownCode = NewService(template);
        ((JsonArray)unknownCode["attributes"]!).Add(new JsonObject
        {
            ["taxonomy_term"] = new JsonObject { ["taxonomy"] = "samla-target-groups", ["code"] = "tourists", ["name"] = "Turister", ["description"] = "" },
        });
        var missingName = NewService(template);
        missingName.Remove("name");
        var duplicate = ok.DeepClone().AsObject();
        var wrongType = NewService(template);
        wrongType["minimum_age"] = "tolv";
        var badMunicipality = NewService(template);
        badMunicipality["service_areas"] = new JsonArray(new JsonObject { ["uri"] = "urn:se:scb:kommun:9999" });
        var before = await CountsAsync();

        var result = await ExchangeKit.ImportAsync(app, Write([ok, unknownCode, missingName, duplicate, wrongType, badMunicipality]));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p is { Line: 2, Key: "Problem_UnknownTerm" } && p.Field!.StartsWith("attributes[", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Line: 3, Field: "name", Key: "Problem_Required" });
        Assert.Contains(result.Problems, p => p is { Line: 4, Field: "id", Key: "Problem_DuplicateId" });
        Assert.Contains(result.Problems, p => p is { Line: 5, Field: "minimum_age", Key: "Problem_WrongType" });
        Assert.Contains(result.Problems, p => p is { Line: 6, Key: "Problem_UnknownMunicipality" });
        await AssertNothingWrittenAsync(before);
        var okId = Guid.Parse(ok["id"]!.GetValue<string>());
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Id == okId)));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused()
    {
        var file = ExchangeKit.TempPath(".csv");
        var latin1 = Encoding.Latin1.GetBytes("name,organization_name,target_groups,mhpss_layer\nSpråkcafé,Föreningen,refugees,2\n");
        File.WriteAllBytes(file, latin1);
        var before = await CountsAsync();
        var result = await ExchangeKit.ImportAsync(app, file);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Problem_NotUtf8", 2), (problem.Key, problem.Line));
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Template_csv_and_xlsx_import_and_reimport_idempotently()
    {
        var csv = ExchangeKit.TempPath(".csv");
        var name = $"Mallens tjänst {Guid.NewGuid():N}";
        File.WriteAllText(csv, Encoding.UTF8.GetString(Samla.Web.Features.Exchange.Import.ServiceTemplate.EmptyCsv()).Replace("Språkcafé på biblioteket", name, StringComparison.Ordinal));
        var first = await ExchangeKit.ImportAsync(app, csv);
        Assert.True(first.IsValid, ExchangeKit.Problems(first));
        Assert.Equal(1, first.Created);
        Assert.Equal(1, (await ExchangeKit.ImportAsync(app, csv)).Unchanged);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Services.Include(x => x.Attributes).Include(x => x.ServiceAreas).Include(x => x.Schedules).FirstAsync(x => x.Name == name);
            Assert.Equal(["1315", "1380"], s.ServiceAreas.Select(a => a.MunicipalityCode).Order(StringComparer.Ordinal));
            Assert.Contains(s.Attributes, a => a.TaxonomyTermId == ReferenceData.TermId(ReferenceData.MhpssLayers, "2"));
            Assert.Equal("TU,TH", Assert.Single(s.Schedules).Byday);
        });

        var xlsx = ExchangeKit.TempPath(".xlsx");
        File.WriteAllBytes(xlsx, Samla.Web.Features.Exchange.Import.ServiceTemplate.EmptyXlsx());
        var fromExcel = await ExchangeKit.ImportAsync(app, xlsx);
        Assert.True(fromExcel.IsValid, ExchangeKit.Problems(fromExcel));
        Assert.Equal(ImportFormat.Template, fromExcel.Format);
        Assert.Equal(1, fromExcel.Created + fromExcel.Unchanged);
        Assert.Equal(1, (await ExchangeKit.ImportAsync(app, xlsx)).Unchanged);
    }

    [Fact]
    public async Task Template_row_with_unknown_code_names_the_row_and_column()
    {
        var csv = ExchangeKit.TempPath(".csv");
        File.WriteAllText(csv, "organization_name;name;target_groups;mhpss_layer;municipalities\nFöreningen;Samtal;refugees;7;1380\nFöreningen;;refugees;2;1380\n");
        var result = await ExchangeKit.ImportAsync(app, csv);
        Assert.Contains(result.Problems, p => p is { Line: 2, Key: "Problem_UnknownTerm" });
        Assert.Contains(result.Problems, p => p is { Line: 3, Field: "name", Key: "Problem_Required" });
    }

    [Fact]
    public async Task Tabular_package_export_reimports_unchanged_and_the_hsds_example_reads()
    {
        var zip = ExchangeKit.TempPath(".zip");
        var count = await ExchangeKit.ExportAsync(app, "csv", zip);
        var result = await ExchangeKit.ImportAsync(app, zip, dryRun: true);
        Assert.True(result.IsValid, ExchangeKit.Problems(result));
        Assert.Equal(ImportFormat.TabularPackage, result.Format);
        Assert.Equal(count, result.Unchanged);
    }
}

/// <summary>Tests that measure the process's memory run alone: other tests' apps would move the figure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresMemory
{
    public const string Name = "measures memory";
}

[Collection(MeasuresMemory.Name)]
public sealed class ImportMemoryTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task A_50_MB_file_imports_with_flat_memory()
    {
        var template = (await ImportTests.ExportedServicesAsync(app)).First(s => s["attributes"] is not null && s["schedules"] is not null);
        var file = ExchangeKit.TempPath(".ndjson");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            var pad = new string('x', 1500);
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                var s = ImportTests.NewService(template);
                s["description"] = "Lång beskrivning " + pad;
                await writer.WriteLineAsync(s.ToJsonString());
            }
        }
        Assert.True(new FileInfo(file).Length >= 50L * 1024 * 1024);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var result = await ExchangeKit.ImportAsync(app, file, dryRun: true);
        Assert.True(result.IsValid, ExchangeKit.Problems(result));
        Assert.True(result.Created > 1_000, $"{result.Created} services");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        // The file is never held whole: what stays afterwards is the small per-record preview.
        Assert.True(after - before < 50L * 1024 * 1024, $"Memory grew by {(after - before) / 1024 / 1024} MB.");
        File.Delete(file);
    }
}
