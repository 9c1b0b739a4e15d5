using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Exchange;

namespace Samla.Tests.Exchange;

/// <summary>Export → import into an empty database → export gives the same bytes; backup → restore → backup likewise.</summary>
public sealed class RoundTripTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Theory]
    [InlineData("ndjson", ".ndjson")]
    [InlineData("hsds-json", ".json")]
    [InlineData("csv", ".zip")]
    public async Task Export_import_export_is_identical(string format, string extension)
    {
        var first = ExchangeKit.TempPath(extension);
        var count = await ExchangeKit.ExportAsync(app, format, first);
        Assert.True(count >= 80, $"{count} services");

        await using var empty = new SamlaAppWithoutDemoData();
        await empty.InitializeAsync();
        var result = await ExchangeKit.ImportAsync(empty, first);
        Assert.True(result.IsValid, ExchangeKit.Problems(result));
        Assert.Equal(count, result.Created);

        var second = ExchangeKit.TempPath(extension);
        await ExchangeKit.ExportAsync(empty, format, second);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task Backup_restore_backup_is_identical_apart_from_the_timestamp()
    {
        var first = ExchangeKit.TempPath(".zip");
        var counts = await app.WithScopeAsync(sp => sp.GetRequiredService<BackupDatabase>().RunAsync(first, includeSecrets: false, default));
        Assert.True(counts[nameof(AuditEntry)] > 0);
        Assert.True(counts[nameof(SamlaUser)] >= 5);
        Assert.False(counts.ContainsKey(nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)));

        await using var empty = new SamlaAppWithoutDemoData();
        await empty.InitializeAsync();
        var outcome = await empty.WithScopeAsync(sp => sp.GetRequiredService<RestoreDatabase>().RunAsync(first, force: false, default));
        Assert.Equal(RestoreOutcome.Restored, outcome);

        var second = ExchangeKit.TempPath(".zip");
        await empty.WithScopeAsync(sp => sp.GetRequiredService<BackupDatabase>().RunAsync(second, includeSecrets: false, default));
        AssertSameBackup(first, second);

        await empty.WithDbAsync(async db =>
        {
            Assert.Equal(await app.WithDbAsync(d => d.Services.CountAsync()), await db.Services.CountAsync());
            Assert.All(await db.Users.ToListAsync(), u => Assert.Null(u.PasswordHash));
            // The restored audit log continues: new changes get new ids.
            db.Organizations.Add(new Organization { Name = "Efter återställning", Description = "" });
            await db.SaveChangesAsync();
        });

        // A database with data is left alone unless forced.
        Assert.Equal(RestoreOutcome.NotEmpty, await empty.WithScopeAsync(sp => sp.GetRequiredService<RestoreDatabase>().RunAsync(first, force: false, default)));
        Assert.Equal(RestoreOutcome.Restored, await empty.WithScopeAsync(sp => sp.GetRequiredService<RestoreDatabase>().RunAsync(first, force: true, default)));
        Assert.False(await empty.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == "Efter återställning")));
    }

    [Fact]
    public async Task Backup_with_secrets_keeps_password_hashes()
    {
        var file = ExchangeKit.TempPath(".zip");
        await app.WithScopeAsync(sp => sp.GetRequiredService<BackupDatabase>().RunAsync(file, includeSecrets: true, default));
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry($"tables/{nameof(SamlaUser)}.json")!.Open());
        Assert.Contains("\"PasswordHash\":\"", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_backup_restores_into_postgresql()
    {
        if (TestDatabase.PostgresSelected || Environment.GetEnvironmentVariable("SAMLA_TEST_PG") is not { Length: > 0 })
        {
            return; // runs in the SQLite pass when a PostgreSQL server is given (SAMLA_TEST_PG)
        }
        var file = ExchangeKit.TempPath(".zip");
        await app.WithScopeAsync(sp => sp.GetRequiredService<BackupDatabase>().RunAsync(file, includeSecrets: false, default));

        var database = await TestDatabase.CreatePostgresAsync();
        await using (database)
        {
            Assert.True(database.IsPostgres);
            await using var target = SamlaApp.OnDatabase(database, demoData: false);
            await target.InitializeAsync();
            Assert.Equal(RestoreOutcome.Restored, await target.WithScopeAsync(sp => sp.GetRequiredService<RestoreDatabase>().RunAsync(file, force: false, default)));
            var services = await app.WithDbAsync(db => db.Services.CountAsync());
            Assert.Equal(services, await target.WithDbAsync(db => db.Services.CountAsync()));
            Assert.Equal(await app.WithDbAsync(db => db.AuditEntries.CountAsync()), await target.WithDbAsync(db => db.AuditEntries.CountAsync()));
            var ndjson = ExchangeKit.TempPath(".ndjson");
            var fromSqlite = ExchangeKit.TempPath(".ndjson");
            await ExchangeKit.ExportAsync(target, "ndjson", ndjson);
            await ExchangeKit.ExportAsync(app, "ndjson", fromSqlite);
            // PostgreSQL keeps microseconds, SQLite (as .NET) 100-nanosecond ticks: compare times to the microsecond.
            static string Micro(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"(\.\d{1,6})\d*Z", "$1Z");
            Assert.Equal(Micro(await File.ReadAllTextAsync(fromSqlite)), Micro(await File.ReadAllTextAsync(ndjson)));
        }
    }

    private static void AssertSameBackup(string first, string second)
    {
        using var a = ZipFile.OpenRead(first);
        using var b = ZipFile.OpenRead(second);
        Assert.Equal(a.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal), b.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in a.Entries)
        {
            var left = Read(entry);
            var right = Read(b.GetEntry(entry.FullName)!);
            if (entry.FullName == BackupDatabase.ManifestName)
            {
                left = string.Join("\n", left.Split('\n').Where(l => !l.Contains("\"created\"", StringComparison.Ordinal)));
                right = string.Join("\n", right.Split('\n').Where(l => !l.Contains("\"created\"", StringComparison.Ordinal)));
            }
            Assert.True(left == right, $"{entry.FullName} differs.");
        }

        static string Read(ZipArchiveEntry e)
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }
    }
}
