using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

/// <summary>Two app starts on one database, one after the other, as after a deploy.</summary>
public sealed class RestartTests
{
    private sealed record Counts(int Organisations, int Services, int Users, int Municipalities, int Counties, int Terms, int Taxonomies);

    [Fact]
    public async Task Restarting_on_the_same_database_duplicates_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await WithAppAsync(database, CountAsync);
        var second = await WithAppAsync(database, CountAsync);
        Assert.Equal(first, second);
        Assert.Equal(290, second.Municipalities);
    }

    [Fact]
    public async Task An_edit_made_between_starts_survives_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var description = $"Ändrad mellan två starter {Guid.NewGuid():N}";
        var id = await WithAppAsync(database, async db =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Name == DemoAccounts.HalmstadMunicipality);
            org.Description = description;
            await db.SaveChangesAsync();
            return org.Id;
        });

        var after = await WithAppAsync(database, db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(description, after.Description);
    }

    private static async Task<T> WithAppAsync<T>(TestDatabase database, Func<SamlaDbContext, Task<T>> work)
    {
        await using var app = SamlaApp.OnDatabase(database);
        await app.InitializeAsync();
        return await app.WithDbAsync(work);
    }

    private static async Task<Counts> CountAsync(SamlaDbContext db) => new(
        await db.Organizations.CountAsync(), await db.Services.CountAsync(), await db.Users.CountAsync(),
        await db.Municipalities.CountAsync(), await db.Counties.CountAsync(), await db.TaxonomyTerms.CountAsync(),
        await db.Taxonomies.CountAsync());
}
