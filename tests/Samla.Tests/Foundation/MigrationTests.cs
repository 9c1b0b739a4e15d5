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
}
