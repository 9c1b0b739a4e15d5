using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

public sealed class MigrationTests(SamlaAppWithoutDemoData app) : IClassFixture<SamlaAppWithoutDemoData>
{
    [Fact]
    public async Task After_start_no_migration_is_pending_and_the_model_matches_the_migrations()
    {
        await app.WithDbAsync(async db =>
        {
            var pending = await db.Database.GetPendingMigrationsAsync();
            Assert.Empty(pending);
            Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration");
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        });
    }

    [Fact]
    public async Task The_context_uses_the_provider_under_test()
    {
        var expected = app.Database.IsPostgres ? typeof(PostgresSamlaDbContext) : typeof(SqliteSamlaDbContext);
        var actual = await app.WithDbAsync(db => Task.FromResult(db.GetType()));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task On_sqlite_the_query_planner_has_statistics_after_start()
    {
        if (app.Database.IsPostgres) return; // PostgreSQL's autovacuum keeps its own statistics.
        await app.WithDbAsync(async db =>
        {
            // Without them SQLite reads "these 50 services" through the status index instead of the primary key.
            var tables = await db.Database.SqlQueryRaw<string>("SELECT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync();
            Assert.Contains("TaxonomyTerms", tables); // every table with rows; this app starts without demo services
        });
    }
}
