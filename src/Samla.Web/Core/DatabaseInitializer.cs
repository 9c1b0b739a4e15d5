using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// The seeding contract: a feature that has demo data registers one seeder
/// (<c>services.AddDemoDataSeeder&lt;T&gt;()</c>); the initializer runs them after the directory's demo data,
/// in <see cref="Order"/>. A seeder is idempotent: it adds its rows once, by stable id.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first; features whose demo data refers to another feature's use a higher number.</summary>
    int Order => 0;

    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

public static class DemoDataSeeding
{
    public static IServiceCollection AddDemoDataSeeder<T>(this IServiceCollection services)
        where T : class, IDemoDataSeeder =>
        services.AddTransient<IDemoDataSeeder, T>();
}

/// <summary>Migrations, reference data, demo data: what runs before the app serves.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
        db.UseLongCommandTimeout();
        await db.Database.MigrateAsync(ct);
        await ReferenceData.EnsureAsync(db, ct);
    }

    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await MigrateAsync(services, ct);
        if (services.GetRequiredService<IOptions<SamlaOptions>>().Value.DemoData)
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<SamlaDbContext>().UseLongCommandTimeout();
            await DemoData.EnsureAsync(scope.ServiceProvider, ct);
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(scope.ServiceProvider, ct);
            }
        }
        using (var scope = services.CreateScope())
        {
            await RefreshStatisticsAsync(scope.ServiceProvider.GetRequiredService<SamlaDbContext>(), ct);
        }
    }

    /// <summary>
    /// Gives SQLite's query planner fresh table statistics (PostgreSQL's autovacuum keeps its own). Without them SQLite
    /// may pick the nearly useless status index over the primary key for "these 50 services", scanning 100 000 rows.
    /// Sampled (analysis_limit), so it takes milliseconds at any size; run at start and after bulk loads.
    /// </summary>
    public static async Task RefreshStatisticsAsync(SamlaDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;", ct);
    }
}
