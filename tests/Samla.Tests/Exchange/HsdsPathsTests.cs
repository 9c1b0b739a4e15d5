using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Search;

namespace Samla.Tests.Exchange;

/// <summary>
/// GET /api/hsds/services answers free text and the profile's filters from the search engine (at any page size), and
/// anything combined with taxonomy_term_id, organization_id or modified_after from the database. For every filter and
/// combination: per_page 50 and 200 give the same total and the same services, and the profile's filters give the same
/// answer on both paths (the database path forced by modified_after), also where a service has a place in a
/// municipality that is not among the areas it serves.
/// </summary>
public sealed class HsdsPathsTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private const string Hylte = "1315";
    private const string Halmstad = "1380";
    private const string Kungsbacka = "1384";

    private async Task<(Guid Service, Guid Organization)> ServiceWithPlaceOutsideItsAreasAsync()
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var org = new Organization { Name = "Testföreningen i Hylte", Description = "Test.", Email = "info@hylte-test.example" };
            var place = new Location { Organization = org, Name = "Träffpunkten", MunicipalityCode = Hylte };
            var service = new Service { Name = "Språkcafé med plats utanför området", Description = "Test.", Organization = org, IsPublished = true };
            service.ServiceAreas.Add(new ServiceArea { MunicipalityCode = Halmstad });
            service.Languages.Add(new Language { Code = "ar", Name = "Arabiska" });
            service.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.TargetGroups, "refugees") });
            service.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.MhpssLayers, "2") });
            db.Services.Add(service);
            db.Add(new ServiceAtLocation { Service = service, Location = place });
            await db.SaveChangesAsync();
            return (service.Id, org.Id);
        });
        await app.WithScopeAsync(async sp => await sp.GetRequiredService<ServiceSearch>().RefreshAsync(force: true, default));
        return ids;
    }

    /// <summary>Every page of the answer at <paramref name="perPage"/>: the total and the ids, in page order.</summary>
    private async Task<(int Total, List<Guid> Ids)> AllPagesAsync(HttpClient client, string filter, int perPage)
    {
        var ids = new List<Guid>();
        int total;
        var page = 1;
        while (true)
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/hsds/services?{filter}&per_page={perPage}&page={page}"));
            total = doc.RootElement.GetProperty("total_items").GetInt32();
            var contents = doc.RootElement.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
            ids.AddRange(contents);
            if (contents.Count < perPage || ids.Count >= total) break;
            page++;
        }
        return (total, ids);
    }

    /// <summary>Forces the database path and matches every service (all were changed after 2000).</summary>
    private const string DatabasePath = "modified_after=2000-01-01T00:00:00Z";

    [Theory]
    [InlineData("municipality=" + Hylte)]
    [InlineData("municipality=" + Halmstad)]
    [InlineData("municipality=" + Hylte + "&municipality=" + Kungsbacka)]
    [InlineData("municipality=" + Hylte + "," + Halmstad + "&language=ar")]
    [InlineData("target_group=refugees")]
    [InlineData("target_group=refugees&municipality=" + Hylte)]
    [InlineData("layer=2")]
    [InlineData("layer=2&language=ar")]
    [InlineData("language=ar")]
    [InlineData("municipality=" + Hylte + "&target_group=refugees&layer=2&language=ar")]
    [InlineData("search=språkcafé")]
    [InlineData("search=språkcafé&municipality=" + Hylte)]
    [InlineData("search=språkcafé&target_group=refugees&layer=2")]
    [InlineData("taxonomy_term_id={layer2}")]
    [InlineData("taxonomy_term_id={layer2}&municipality=" + Hylte)]
    [InlineData("organization_id={org}")]
    [InlineData("organization_id={org}&municipality=" + Hylte + "&language=ar")]
    [InlineData("modified_after=2000-01-01T00:00:00Z&target_group=refugees")]
    [InlineData("search=språkcafé&modified_after=2000-01-01T00:00:00Z")]
    public async Task Engine_and_database_give_the_same_total_and_services(string filter)
    {
        var (id, orgId) = await ServiceWithPlaceOutsideItsAreasAsync();
        filter = filter.Replace("{org}", orgId.ToString(), StringComparison.Ordinal)
            .Replace("{layer2}", ReferenceData.TermId(ReferenceData.MhpssLayers, "2").ToString(), StringComparison.Ordinal);
        using var client = app.CreateClient();

        var small = await AllPagesAsync(client, filter, 50);
        var large = await AllPagesAsync(client, filter, 200);
        Assert.Equal(small.Total, large.Total);
        Assert.Equal(small.Total, small.Ids.Count);
        Assert.Equal(small.Ids.Order(), large.Ids.Order());
        Assert.Equal(small.Ids.Count, small.Ids.Distinct().Count());
        Assert.Contains(id, large.Ids); // every filter above matches the new service, by its place, its areas, its name or its organisation

        // The profile's filters (not free text, a word search in the engine and a substring match in the database) mean
        // the same on the database path.
        if (!filter.Contains("search=", StringComparison.Ordinal) && !filter.Contains("modified_after=", StringComparison.Ordinal))
        {
            var database = await AllPagesAsync(client, filter + "&" + DatabasePath, 50);
            Assert.Equal(small.Total, database.Total);
            Assert.Equal(small.Ids.Order(), database.Ids.Order());
        }
    }
}
