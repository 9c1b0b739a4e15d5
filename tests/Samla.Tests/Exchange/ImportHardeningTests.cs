using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Resources;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samla.Tests.Exchange.Fuzz;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Exchange;
using Samla.Web.Features.Exchange.Import;
using Xunit.Abstractions;

namespace Samla.Tests.Exchange;

/// <summary>
/// The app with small import limits (so that bombs are cheap to make) and a switch that makes the database refuse writes
/// as if it were down: for the import's 503, its limits and the fuzz pass.
/// </summary>
public sealed class HardenedImportApp : SamlaApp
{
    public DatabaseDown Fault { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samla:Import:MaxFileMegabytes", "8");
        builder.UseSetting("Samla:Import:MaxRecords", "1000");
        builder.UseSetting("Samla:Import:MaxZipEntries", "100");
        builder.UseSetting("Samla:Import:MaxUnpackedMegabytes", "16");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteSamlaDbContext>(o => o.AddInterceptors(Fault));
            services.ConfigureDbContext<PostgresSamlaDbContext>(o => o.AddInterceptors(Fault));
        });
    }

    /// <summary>While <see cref="Down"/>, every write but the API key's fails as a lost connection does on the provider.</summary>
    public sealed class DatabaseDown : DbCommandInterceptor
    {
        public volatile bool Down;

        private void Check(DbCommand command)
        {
            var text = command.CommandText;
            if (!Down || text.Contains("ApiKeys", StringComparison.Ordinal)
                || !(text.Contains("UPDATE ", StringComparison.Ordinal) || text.Contains("INSERT ", StringComparison.Ordinal)))
            {
                return;
            }
            throw command is SqliteCommand
                ? new SqliteException("database is locked (test fault)", 5)
                : new NpgsqlException("Exception while writing to stream (test fault)", new SocketException((int)SocketError.ConnectionRefused));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

/// <summary>
/// Hostile input to every importer: limits with clear messages, a database that is down (503, not 422), the JSON answer in
/// snake_case, and a fuzz pass over the kept corpus (a short one here; bench/fuzz/run.sh runs thousands).
/// </summary>
public sealed class ImportHardeningTests(HardenedImportApp app, ITestOutputHelper output) : IClassFixture<HardenedImportApp>
{
    private static readonly ResourceManager Texts = new("Samla.Web.Features.Exchange.ExchangeText", typeof(ExchangeText).Assembly);

    private Task<(int Services, int Audit)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.Services.CountAsync(), await db.AuditEntries.CountAsync()));

    private async Task<HttpClient> ApiClientAsync()
    {
        var key = await app.WithDbAsync(async db => (await ApiKeyStore.CreateAsync(db, "Härdning " + Guid.NewGuid().ToString("N")[..6], "test", default)).Key);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyStore.Header, key);
        return client;
    }

    private static string Write(byte[] bytes, string extension)
    {
        var path = ExchangeKit.TempPath(extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Database_down_during_the_save_answers_503_with_retry_after_and_writes_nothing()
    {
        var exported = await ImportTests.ExportedServicesAsync(app);
        var service = exported[0];
        var id = Guid.Parse(service["id"]!.GetValue<string>());
        service["description"] = "Ändrad medan databasen var nere.";
        var body = service.ToJsonString() + "\n";
        using var client = await ApiClientAsync();
        var before = await CountsAsync();

        app.Fault.Down = true;
        try
        {
            using var down = await client.PostAsync("/api/hsds/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
            var text = await down.Content.ReadAsStringAsync();
            Assert.True(HttpStatusCode.ServiceUnavailable == down.StatusCode, $"{down.StatusCode}: {text}");
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(Samla.Web.Core.DatabaseUnavailable.RetryAfterSeconds), down.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.False(problem.TryGetProperty("problems", out _), "A database fault must not be reported as problems with the data.");
        }
        finally
        {
            app.Fault.Down = false;
        }
        Assert.Equal(before, await CountsAsync());
        Assert.NotEqual("Ändrad medan databasen var nere.", await app.WithDbAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Description).FirstAsync()));

        // The client retries the same file once the database is back: imported, and the answer is snake_case.
        using var retry = await client.PostAsync("/api/hsds/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        var summary = JsonDocument.Parse(await retry.AssertStatusAsync(HttpStatusCode.OK)).RootElement;
        Assert.Equal(new[] { "written", "dry_run", "created", "updated", "unchanged" }, summary.EnumerateObject().Select(p => p.Name));
        Assert.True(summary.GetProperty("written").GetBoolean());
        Assert.False(summary.GetProperty("dry_run").GetBoolean());
        Assert.Equal(1, summary.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task Limits_give_clear_messages_and_write_nothing()
    {
        var before = await CountsAsync();
        async Task<ImportProblem> OnlyProblemAsync(string path, string key)
        {
            var result = await ExchangeKit.ImportAsync(app, path);
            Assert.False(result.Written);
            Assert.Contains(result.Problems, p => p.Key == key);
            var problem = result.Problems.First(p => p.Key == key);
            Assert.False(string.IsNullOrWhiteSpace(Texts.GetString(key, CultureInfo.GetCultureInfo("sv"))));
            return problem;
        }

        // Size: over the 8 MB the fixture allows.
        Assert.Equal(8, (await OnlyProblemAsync(Write(new byte[9 * 1024 * 1024], ".json"), "Problem_FileTooLarge")).Args[0]);

        // Records: over the 1 000 the fixture allows.
        var many = string.Concat(Enumerable.Repeat("{\"name\":\"x\"}\n", 1_001));
        Assert.Equal(1000, (await OnlyProblemAsync(Write(Encoding.UTF8.GetBytes(many), ".ndjson"), "Problem_TooManyRows")).Args[0]);

        // Nesting, in NDJSON and in a JSON array.
        var deep = new string('[', 500) + new string(']', 500);
        await OnlyProblemAsync(Write(Encoding.UTF8.GetBytes("{\"name\":\"x\",\"x_deep\":" + deep + "}\n"), ".ndjson"), "Problem_TooDeep");
        await OnlyProblemAsync(Write(Encoding.UTF8.GetBytes("[{\"name\":\"x\",\"x_deep\":" + deep + "}]"), ".json"), "Problem_TooDeep");

        // A zip bomb in an XLSX and in a data package (declared sizes), and one whose headers lie is stopped while unpacking.
        byte[] Zip(params (string Name, byte[] Data)[] entries)
        {
            using var m = new MemoryStream();
            using (var zip = new ZipArchive(m, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, data) in entries)
                {
                    using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    s.Write(data);
                }
            }
            return m.ToArray();
        }
        var bomb = new byte[40 * 1024 * 1024];
        var xlsxBomb = Write(Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray()), ("xl/worksheets/sheet1.xml", bomb)), ".xlsx");
        Assert.True(new FileInfo(xlsxBomb).Length < 1024 * 1024);
        await OnlyProblemAsync(xlsxBomb, "Problem_ZipTooLarge");
        await OnlyProblemAsync(Write(Zip((TabularPackage.DescriptorName, "{}"u8.ToArray()), ("services.csv", bomb)), ".zip"), "Problem_ZipTooLarge");
        var entries = Enumerable.Range(0, 150).Select(i => ($"f{i}.csv", "a"u8.ToArray())).Prepend((TabularPackage.DescriptorName, "{}"u8.ToArray())).ToArray();
        await OnlyProblemAsync(Write(Zip(entries), ".zip"), "Problem_ZipTooManyEntries");
        var broken = Zip((TabularPackage.DescriptorName, "{}"u8.ToArray()), ("services.csv", "id,name\n"u8.ToArray()));
        await OnlyProblemAsync(Write(broken[..(broken.Length / 2)], ".zip"), "Problem_BrokenZip");

        Assert.Equal(before, await CountsAsync());

        // Through the API: the same clear message, as problem+json.
        using var client = await ApiClientAsync();
        using var response = await client.PostAsync("/api/hsds/import", new ByteArrayContent(File.ReadAllBytes(xlsxBomb)));
        var problem = JsonDocument.Parse(await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity)).RootElement;
        Assert.Contains("MB", problem.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_validated_at_start()
    {
        using var bad = app.WithWebHostBuilder(b => b.UseSetting("Samla:Import:MaxJsonDepth", "0"));
        var ex = Assert.ThrowsAny<Exception>(() => bad.Server);
        Assert.Contains("MaxJsonDepth", ex.ToString(), StringComparison.Ordinal);
    }

    private static readonly HashSet<string> BugTypes =
    [
        nameof(NullReferenceException), nameof(IndexOutOfRangeException), nameof(ArgumentOutOfRangeException), nameof(ArgumentNullException),
        nameof(InvalidCastException), nameof(KeyNotFoundException), nameof(DivideByZeroException), nameof(StackOverflowException),
    ];

    /// <summary>
    /// Every mutated file gets a clear error (a message from ExchangeText; a library's refusal, never a bug's exception) or a
    /// correct import (every record accounted for); never an exception, a hang or a partial write; through the API never a 500.
    /// SAMLA_FUZZ_COUNT and SAMLA_FUZZ_SEED change the pass (bench/fuzz/run.sh); SAMLA_FUZZ_REPORT writes its counts as JSON.
    /// </summary>
    [Fact]
    public async Task Fuzzed_files_get_a_clear_error_or_a_correct_import()
    {
        if (Environment.GetEnvironmentVariable("SAMLA_FUZZ_WRITE_CORPUS") is { Length: > 0 } corpusOut) await WriteCorpusAsync(corpusOut);
        var count = int.TryParse(Environment.GetEnvironmentVariable("SAMLA_FUZZ_COUNT"), out var n) ? n : 300;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SAMLA_FUZZ_SEED"), out var s) ? s : 20261130;
        var keep = Path.Combine(Path.GetTempPath(), "samla-fuzz-failures");
        using var client = await ApiClientAsync();
        var failures = new List<string>();
        int files = 0, accepted = 0, rejected = 0, viaApi = 0;
        var byKey = new Dictionary<string, int>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var c in ImportFuzzer.Generate(seed, count))
        {
            files++;
            var path = Write(c.Bytes, c.Extension);
            var label = $"#{c.Number} {c.Seed} {c.Mutation}";
            void Fail(string what)
            {
                Directory.CreateDirectory(keep);
                File.Copy(path, Path.Combine(keep, $"{c.Number}{c.Extension}"), overwrite: true);
                failures.Add($"{label}: {what} (file kept in {keep})");
            }
            var before = await CountsAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var run = app.WithScopeAsync(sp => sp.GetRequiredService<ImportHsdsFile>().RunAsync(path, false, "fuzz", null, cts.Token));
            if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) != run)
            {
                Fail("hang (no answer within 60 s)");
                break; // the stuck import still holds the database
            }
            ImportResult result;
            try
            {
                result = await run;
            }
            catch (OperationCanceledException)
            {
                Fail("hang (over 30 s)");
                continue;
            }
            catch (Exception ex)
            {
                Fail("crash: " + ex.GetType().Name + ": " + ex.Message);
                continue;
            }
            var after = await CountsAsync();
            if (result.IsValid)
            {
                accepted++;
                if (!result.Written) Fail("valid but not written");
                if (result.Records.Count != result.Created + result.Updated + result.Unchanged) Fail("records not accounted for");
                if (after.Services != before.Services + result.Created) Fail($"services {before.Services} → {after.Services}, created {result.Created}");
            }
            else
            {
                rejected++;
                if (after != before) Fail($"partial write: {before} → {after}");
                foreach (var p in result.Problems)
                {
                    byKey[p.Key] = byKey.GetValueOrDefault(p.Key) + 1;
                    if (string.IsNullOrWhiteSpace(Texts.GetString(p.Key, CultureInfo.GetCultureInfo("sv")))) Fail("no message for " + p.Key);
                    if (p.Key == "Problem_Unreadable" && p.Args.Length > 1 && BugTypes.Contains(p.Args[1]?.ToString() ?? "")) Fail($"bug behind the message: {p.Args[1]}: {p.Args[0]}");
                }
            }
            if (c.Number % 10 == 0)
            {
                viaApi++;
                using var response = await client.PostAsync("/api/hsds/import", new ByteArrayContent(c.Bytes));
                var status = (int)response.StatusCode;
                if (status is not (200 or 413 or 422)) Fail($"API answered {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        var report = new JsonObject
        {
            ["seed"] = seed, ["files"] = files, ["accepted"] = accepted, ["rejected_with_clear_error"] = rejected,
            ["failures"] = failures.Count, ["via_api"] = viaApi, ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 1),
            ["provider"] = app.Database.Provider,
            ["problems"] = new JsonObject([.. byKey.OrderByDescending(k => k.Value).Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))]),
        };
        output.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (Environment.GetEnvironmentVariable("SAMLA_FUZZ_REPORT") is { Length: > 0 } reportPath) File.WriteAllText(reportPath, report.ToJsonString());
        Assert.True(failures.Count == 0, $"{failures.Count} of {files} files failed:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(accepted > 0 && rejected > 0, $"accepted {accepted}, rejected {rejected}: the mutations should give both.");
    }

    /// <summary>Builds the seed corpus (kept in the repository) from the demo data: run once with SAMLA_FUZZ_WRITE_CORPUS=folder.</summary>
    private async Task WriteCorpusAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var exported = (await ImportTests.ExportedServicesAsync(app))
            .Where(x => x["service_at_locations"] is not null && x["schedules"] is not null && x["attributes"] is not null).Take(2).ToList();
        var fresh = ImportTests.NewService(exported[0]);
        fresh["id"] = "5a3d1f0e-7b2c-4e59-9a61-2f8c0d4b7e11";
        fresh["name"] = "Fuzzfrö: samtalsgrupp för nyanlända";
        var services = exported.Append(fresh).ToList();
        await File.WriteAllTextAsync(Path.Combine(folder, "services.ndjson"), string.Join("\n", services.Select(x => x.ToJsonString())) + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "services.json"), new JsonArray([.. services.Select(x => x.DeepClone())]).ToJsonString());
        var package = Path.Combine(Path.GetTempPath(), "samla-fuzz-package-" + Guid.NewGuid().ToString("N"));
        await using (var writer = new TabularPackage.Writer(package, [], []))
        {
            foreach (var x in services) writer.Add(x.Deserialize<HsdsService>(HsdsJson.Options)!);
        }
        TabularPackage.Writer.Zip(package, Path.Combine(folder, "package.zip"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "template.csv"), ServiceTemplate.EmptyCsv());
        await File.WriteAllBytesAsync(Path.Combine(folder, "template.xlsx"), ServiceTemplate.EmptyXlsx());
    }
}
