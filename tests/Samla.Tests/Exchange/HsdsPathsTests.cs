using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Search;

namespace Samla.Tests.Exchange;

/// <summary>
/// GET /api/hsds/services answers the profile's filters from the search engine (per_page up to 100) or from the database
/// (larger pages): both give the same total and the same services, also where a service has a place in a municipality
/// that is not among the areas it serves.
/// </summary>
public sealed class HsdsPathsTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private const string Hylte = "1315";
    private const string Halmstad = "1380";
    private const string Kungsbacka = "1384";

    private async Task<Guid> ServiceWithPlaceOutsideItsAreasAsync()
    {
        var id = await app.WithDbAsync(async db =>
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
            return service.Id;
        });
        await app.WithScopeAsync(async sp => await sp.GetRequiredService<ServiceSearch>().RefreshAsync(force: true, default));
        return id;
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
    public async Task Engine_and_database_give_the_same_total_and_services(string filter)
    {
        var id = await ServiceWithPlaceOutsideItsAreasAsync();
        using var client = app.CreateClient();

        var engine = await AllPagesAsync(client, filter, 50);   // per_page ≤ 100: the search engine
        var database = await AllPagesAsync(client, filter, 200); // per_page > 100: the database

        Assert.Equal(engine.Total, database.Total);
        Assert.Equal(engine.Total, engine.Ids.Count);
        Assert.Equal(engine.Ids.Order(), database.Ids.Order());
        Assert.Equal(engine.Ids.Count, engine.Ids.Distinct().Count());
        Assert.Contains(id, database.Ids); // every filter above matches the new service, by its place or its areas
    }
}
