using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

public sealed class DemoDataTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task Demo_data_has_at_least_25_organisations_and_80_services()
    {
        var (organisations, services) = await app.WithDbAsync(async db =>
            (await db.Organizations.CountAsync(), await db.Services.CountAsync()));
        Assert.True(organisations >= 25, $"{organisations} organisations");
        Assert.True(services >= 80, $"{services} services");
    }

    [Fact]
    public async Task Demo_services_cover_all_six_target_groups_and_four_mhpss_layers()
    {
        var targetGroups = await UsedCodes(ReferenceData.TargetGroups);
        var layers = await UsedCodes(ReferenceData.MhpssLayers);
        Assert.Equal(["asylum-seekers", "newly-arrived", "refugees", "relatives-of-newly-arrived", "resettled-refugees", "undocumented"], targetGroups);
        Assert.Equal(["1", "2", "3", "4"], layers);
    }

    [Fact]
    public async Task Some_demo_services_are_stale()
    {
        var yearAgo = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-12));
        var stale = await app.WithDbAsync(db => db.Services.CountAsync(s => s.IsPublished && (s.AssuredDate == null || s.AssuredDate < yearAgo)));
        Assert.True(stale > 0, "every published service was verified within the last year");
    }

    [Fact]
    public async Task Demo_data_has_no_real_looking_email_addresses()
    {
        var emails = await app.WithDbAsync(async db =>
        {
            var all = new List<string?>();
            all.AddRange(await db.Users.Select(u => u.Email).ToListAsync());
            all.AddRange(await db.Organizations.Select(o => o.Email).ToListAsync());
            all.AddRange(await db.Services.Select(s => s.Email).ToListAsync());
            all.AddRange(await db.Services.Select(s => s.AssurerEmail).ToListAsync());
            all.AddRange(await db.Contacts.Select(c => c.Email).ToListAsync());
            return all.Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToList();
        });
        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.EndsWith(".example", e, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(DemoAccounts.Admin, Roles.Administrator)]
    [InlineData(DemoAccounts.Coordinator, Roles.Coordinator)]
    [InlineData(DemoAccounts.Editor, Roles.Editor)]
    [InlineData(DemoAccounts.OtherEditor, Roles.Editor)]
    [InlineData(DemoAccounts.Reader, Roles.Reader)]
    public async Task Demo_account_exists_with_its_role(string email, string role)
    {
        var roles = await app.WithDbAsync(db =>
            (from u in db.Users
             join ur in db.UserRoles on u.Id equals ur.UserId
             join r in db.Roles on ur.RoleId equals r.Id
             where u.Email == email
             select r.Name).ToListAsync());
        Assert.Contains(role, roles);
    }

    [Theory]
    [InlineData(DemoAccounts.Editor, DemoAccounts.HalmstadMunicipality)]
    [InlineData(DemoAccounts.OtherEditor, "Röda Korset")]
    public async Task Demo_editors_are_bound_to_their_organisation(string email, string organisation)
    {
        var names = await app.WithDbAsync(db => db.UserOrganizations
            .Where(uo => uo.User.Email == email).Select(uo => uo.Organization.Name).ToListAsync());
        Assert.Contains(names, n => n.Contains(organisation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Halmstad_offers_the_parenting_support_service()
    {
        var services = await app.WithDbAsync(db => db.Services
            .Where(s => s.Organization.Name == DemoAccounts.HalmstadMunicipality).Select(s => s.Name).ToListAsync());
        Assert.Contains(services, n => n.Contains(DemoAccounts.ParentingSupportHalmstad, StringComparison.Ordinal));
    }

    private Task<List<string>> UsedCodes(string taxonomy) => app.WithDbAsync(db => db.ServiceAttributes
        .Where(a => a.TaxonomyTerm.Taxonomy.Name == taxonomy && a.Service.IsPublished)
        .Select(a => a.TaxonomyTerm.Code).Distinct().OrderBy(c => c).ToListAsync());
}
