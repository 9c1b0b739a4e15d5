using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;
using Samla.Web.Features.Directory;

namespace Samla.Tests.PublicDirectory;

/// <summary>/organisationer (counts) and /organisationer/{id} (services in name order, a page at a time).</summary>
public sealed partial class OrganizationPagesTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task Organisations_list_counts_only_public_services_and_leaves_out_inactive_organisations()
    {
        var org = await CreateOrganisationAsync("Räknade föreningen",
            ("Öppen A", true, ServiceStatus.Active), ("Öppen B", true, ServiceStatus.Active),
            ("Utkast", false, ServiceStatus.Active), ("Nedlagd", true, ServiceStatus.Defunct),
            ("Tillfälligt stängd", true, ServiceStatus.TemporarilyClosed));
        var empty = await CreateOrganisationAsync("Tomma föreningen", ("Bara utkast", false, ServiceStatus.Active));
        var inactive = await CreateOrganisationAsync("Avvecklade föreningen", ("Gammal", true, ServiceStatus.Active));
        await app.WithDbAsync(async db =>
        {
            var o = await db.Organizations.SingleAsync(x => x.Id == inactive.Id);
            o.IsActive = false;
            await db.SaveChangesAsync();
        });

        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/organisationer");

        Assert.Equal("2 insatser", CardCount(body, org.Id));
        Assert.Equal("0 insatser", CardCount(body, empty.Id));
        Assert.DoesNotContain($"/organisationer/{inactive.Id}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_with_many_services_shows_them_a_page_at_a_time_in_swedish_name_order()
    {
        // 50 "Insats NN" and three names starting with Å, Ä, Ö: Swedish order puts those last, as Å, Ä, Ö
        // (a byte order would give Ä, Å, Ö). Created in reverse so insertion order does not pass for sorting.
        var names = Enumerable.Range(1, OrganizationModel.PageSize).Select(i => $"Insats {i:00}")
            .Concat(["Åsens träff", "Ängens träff", "Örtens träff"]).ToList();
        var org = await CreateOrganisationAsync("Stora föreningen",
            [.. Enumerable.Reverse(names).Select(n => (n, true, ServiceStatus.Active)), ("Dolt utkast", false, ServiceStatus.Active)]);
        var ids = await app.WithDbAsync(db => db.Services.Where(s => s.OrganizationId == org.Id).ToDictionaryAsync(s => s.Name, s => s.Id));
        var expected = names.Select(n => $"/insatser/{ids[n]}").ToList();
        using var client = app.CreateClient();

        var first = await client.AssertOkAsync($"/organisationer/{org.Id}");
        Assert.Contains("Insatser (53)", first, StringComparison.Ordinal);
        Assert.Equal(expected[..OrganizationModel.PageSize], Html.Links(first, "/insatser/"));
        Assert.Equal($"/organisationer/{org.Id}?sida=2", RelLink(first, "next"));
        Assert.Null(RelLink(first, "prev"));

        var second = await client.AssertOkAsync($"/organisationer/{org.Id}?sida=2");
        Assert.Contains("Insatser (53)", second, StringComparison.Ordinal);
        Assert.Contains("Visar 51–53 av 53.", second, StringComparison.Ordinal);
        Assert.Equal(expected[OrganizationModel.PageSize..], Html.Links(second, "/insatser/"));
        Assert.Equal($"/organisationer/{org.Id}", RelLink(second, "prev"));
        Assert.Null(RelLink(second, "next"));
        Assert.DoesNotContain($"/insatser/{ids["Dolt utkast"]}", first + second, StringComparison.Ordinal);

        var beyond = await client.AssertOkAsync($"/organisationer/{org.Id}?sida=99");
        Assert.Equal(expected[OrganizationModel.PageSize..], Html.Links(beyond, "/insatser/"));
        var nonsense = await client.AssertOkAsync($"/organisationer/{org.Id}?sida=abc");
        Assert.Equal(expected[..OrganizationModel.PageSize], Html.Links(nonsense, "/insatser/"));
    }

    [Fact]
    public async Task Organisation_with_few_services_has_no_paging()
    {
        var org = await CreateOrganisationAsync("Lilla föreningen", ("Bara en", true, ServiceStatus.Active));
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/organisationer/{org.Id}");
        Assert.Contains("Insatser (1)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"paging\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_are_ordered_by_their_name_in_the_reader_language()
    {
        var org = await CreateOrganisationAsync("Översatta föreningen",
            ("Alfa", true, ServiceStatus.Active), ("Beta", true, ServiceStatus.Active));
        await app.WithDbAsync(async db =>
        {
            var services = await db.Services.Where(s => s.OrganizationId == org.Id).ToListAsync();
            services.Single(s => s.Name == "Alfa").Translations = new() { ["uk"] = new() { ["name"] = "Яблуко" } };
            services.Single(s => s.Name == "Beta").Translations = new() { ["uk"] = new() { ["name"] = "Абетка" } };
            await db.SaveChangesAsync();
        });
        var ids = await app.WithDbAsync(db => db.Services.Where(s => s.OrganizationId == org.Id).ToDictionaryAsync(s => s.Name, s => s.Id));
        using var client = app.CreateClient();

        var swedish = await client.AssertOkAsync($"/organisationer/{org.Id}");
        Assert.Equal([$"/insatser/{ids["Alfa"]}", $"/insatser/{ids["Beta"]}"], Html.Links(swedish, "/insatser/"));
        var ukrainian = await client.AssertOkAsync($"/organisationer/{org.Id}?lang=uk");
        Assert.Equal([$"/insatser/{ids["Beta"]}", $"/insatser/{ids["Alfa"]}"], Html.Links(ukrainian, "/insatser/"));
        Assert.Contains(">Абетка</a>", ukrainian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_cards_show_target_group_and_layer_tags()
    {
        var service = await app.WithDbAsync(db => db.Services.AsNoTracking().WherePublic()
            .Where(s => s.Organization.Name == DemoAccounts.HalmstadMunicipality)
            .Where(s => s.Attributes.Any(a => a.TaxonomyTerm.Taxonomy.Name == ReferenceData.TargetGroups))
            .Where(s => s.Attributes.Any(a => a.TaxonomyTerm.Taxonomy.Name == ReferenceData.MhpssLayers))
            .Select(s => new
            {
                s.OrganizationId,
                Tags = s.Attributes
                    .Where(a => a.TaxonomyTerm.Taxonomy.Name == ReferenceData.TargetGroups || a.TaxonomyTerm.Taxonomy.Name == ReferenceData.MhpssLayers)
                    .Select(a => a.TaxonomyTerm.Name).ToList(),
                Other = s.Attributes
                    .Where(a => a.TaxonomyTerm.Taxonomy.Name != ReferenceData.TargetGroups && a.TaxonomyTerm.Taxonomy.Name != ReferenceData.MhpssLayers)
                    .Select(a => a.TaxonomyTerm.Name).ToList(),
                s.Id,
            })
            .FirstAsync());
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/organisationer/{service.OrganizationId}");
        var card = Regex.Match(body, $"<li class=\"card\">\\s*<h3><a [^>]*href=\"/insatser/{service.Id}\".*?</li>\\s*</ul>\\s*</li>", RegexOptions.Singleline);
        Assert.True(card.Success, HttpAssert.Excerpt(body));
        var tags = TagElement().Matches(card.Value).Select(m => Html.Text(m.Groups[1].Value)).ToList();
        Assert.Equal(service.Tags.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(tags, t => service.Other.Contains(t) && !service.Tags.Contains(t));
    }

    private Task<Organization> CreateOrganisationAsync(string name, params (string Name, bool Published, string Status)[] services) =>
        app.WithDbAsync(async db =>
        {
            var org = new Organization { Name = $"{name} {Guid.NewGuid():N}", Description = "Skapad av ett test." };
            db.Organizations.Add(org);
            foreach (var (serviceName, published, status) in services)
            {
                db.Services.Add(new Service { Name = serviceName, Organization = org, Description = "Skapad av ett test.", IsPublished = published, Status = status });
            }
            await db.SaveChangesAsync();
            return org;
        });

    private static string? CardCount(string body, Guid organizationId)
    {
        var card = Regex.Match(body, $"<a href=\"/organisationer/{organizationId}\">.*?<p class=\"muted\">(.*?)</p>", RegexOptions.Singleline);
        return card.Success ? Html.Text(card.Groups[1].Value) : null;
    }

    private static string? RelLink(string body, string rel)
    {
        var link = Regex.Match(body, $"<a href=\"([^\"]*)\" rel=\"{rel}\">");
        return link.Success ? System.Net.WebUtility.HtmlDecode(link.Groups[1].Value) : null;
    }

    [GeneratedRegex("<li class=\"tag\">(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex TagElement();
}
