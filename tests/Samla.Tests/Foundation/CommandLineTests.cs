using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

/// <summary>The built app run as a process, with configuration from environment variables as in production.</summary>
public sealed class CommandLineTests
{
    private const string UnreachablePostgres = "Host=127.0.0.1;Port=1;Database=samla;Username=samla;Password=x;Timeout=5";

    [Fact]
    public async Task Migrate_creates_the_schema_and_exits_0()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(database), "migrate");
        Assert.True(result.ExitCode == 0, result.ToString());

        await using var app = SamlaApp.OnDatabase(database, demoData: false);
        await app.InitializeAsync();
        await app.WithDbAsync(async db =>
        {
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(290, await db.Municipalities.CountAsync());
        });
    }

    [Fact]
    public async Task Migrate_twice_is_harmless()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(database), "migrate");
        var second = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(database), "migrate");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
    }

    [Theory]
    [InlineData("seed", "--services", "abc")]
    [InlineData("seed", "--services", "0")]
    [InlineData("seed")]
    [InlineData("migrate", "now")]
    public async Task Bad_arguments_exit_2_with_usage_on_stderr(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(database), args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("--urls", "http://127.0.0.1:0")]
    public async Task Unreachable_postgres_fails_with_one_clear_line_and_no_stack_trace(params string[] args)
    {
        var result = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Samla"] = UnreachablePostgres,
        }, args);

        Assert.True(result.ExitCode != 0, result.ToString());
        var lines = result.All.Split('\n').Where(l => l.Contains("PostgreSQL", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, "expected one line about PostgreSQL:\n" + result);
        Assert.Contains("Cannot reach PostgreSQL", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_adds_the_requested_number_of_services()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrate = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(database), "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        await using var app = SamlaApp.OnDatabase(database, demoData: false);
        await app.InitializeAsync();
        var before = await app.WithDbAsync(db => db.Services.CountAsync());

        var seed = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(database), "seed", "--services", "50");

        Assert.True(seed.ExitCode == 0, seed.ToString());
        var after = await app.WithDbAsync(db => db.Services.CountAsync());
        Assert.Equal(before + 50, after);
        var published = await app.WithDbAsync(db => db.Services.CountAsync(s => s.IsPublished && s.Organization != null));
        Assert.True(published >= 1, "generated services should be usable: none is published with an organisation");
    }

    [Fact]
    public async Task Changes_outside_a_request_are_attributed_to_the_system()
    {
        await using var app = new SamlaAppWithoutDemoData();
        await app.InitializeAsync();
        var actor = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AuditActor>().Current()));
        Assert.Null(actor.UserId);
        Assert.Equal(AuditActor.SystemName, actor.UserName);
    }
}
