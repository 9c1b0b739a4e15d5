using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>Search through the running app on the demo data, on whichever provider the run selected.</summary>
public sealed partial class SearchPageTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private ServiceSearch Search => app.Services.GetRequiredService<ServiceSearch>();

    private async Task<string> NameOfAsync(Guid id) => await app.WithDbAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleAsync());

    [Fact]
    public async Task Free_text_without_swedish_letters_finds_services_with_them()
    {
        var result = await Search.SearchAsync(new SearchRequest { Text = "motesplats" }, CancellationToken.None);
        Assert.True(result.Total > 0);
        Assert.Contains("ötesplats", await NameOfAsync(result.Hits[0].Id), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_page_keeps_every_filter_in_the_query_string_and_shows_counts()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/sok?q=st%C3%B6d&malgrupp=refugees&kommun=1380&gratis=1&sortering=bekraftad");
        Assert.Contains("name=\"malgrupp\" value=\"refugees\" checked", body, StringComparison.Ordinal);
        Assert.Contains("name=\"kommun\" value=\"1380\" checked", body, StringComparison.Ordinal);
        Assert.Contains("id=\"f-gratis\" name=\"gratis\" value=\"1\" checked", body, StringComparison.Ordinal);
        Assert.Contains("<span class=\"count\">(", body, StringComparison.Ordinal);
        Assert.NotEmpty(Html.Links(body, "/insatser/"));
        Assert.Contains("/sok/utskrift?q=st%C3%B6d&amp;malgrupp=refugees&amp;kommun=1380", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_and_engine_agree_on_the_order_of_results()
    {
        var result = await Search.SearchAsync(new SearchRequest { Text = "samtal", TargetGroups = ["refugees"] }, CancellationToken.None);
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/sok?q=samtal&malgrupp=refugees");
        var links = Html.Links(body, "/insatser/").Take(result.Hits.Count).ToList();
        Assert.Equal(result.Hits.Select(h => $"/insatser/{h.Id}"), links);
    }

    [Fact]
    public async Task No_results_offer_to_remove_the_most_restrictive_filter()
    {
        using var client = app.CreateClient();
        // Laholm (1381) has no service for undocumented people in the demo data (the gap the coordinators look for).
        var body = await client.AssertOkAsync("/sok?malgrupp=undocumented&kommun=1381");
        Assert.Contains("Inga träffar", body, StringComparison.Ordinal);
        var result = await Search.SearchAsync(new SearchRequest { TargetGroups = ["undocumented"], Municipalities = ["1381"] }, CancellationToken.None);
        var relax = result.MostRestrictiveFilter!;
        var href = relax == SearchFacets.TargetGroup ? "/sok?kommun=1381" : "/sok?malgrupp=undocumented";
        Assert.Contains($"href=\"{href}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inactive_and_draft_services_never_appear_and_new_ones_do_after_invalidate()
    {
        var word = "Zebrafinkgrupp" + Guid.NewGuid().ToString("N")[..6];
        var active = await app.CreateServiceAsync(word + " aktiv");
        await app.CreateServiceAsync(word + " utkast", published: false);
        await app.CreateServiceAsync(word + " stängd", status: ServiceStatus.Inactive);
        await Search.InvalidateAsync();
        var result = await Search.SearchAsync(new SearchRequest { Text = word }, CancellationToken.None);
        Assert.Equal([active.Id], result.ServiceIds);
    }

    [Fact]
    public async Task Index_is_built_from_the_database_the_same_way_whatever_the_provider()
    {
        // Results never depend on row order (which differs between SQLite and PostgreSQL): ties are broken by
        // name, then id, so an index built from a reversed load answers identically.
        var loaded = await app.WithDbAsync(db => SearchIndexLoader.ReadAsync(db, CancellationToken.None).ToListAsync().AsTask());
        using var reversed = SearchIndex.Build(Enumerable.Reverse(loaded).ToList(), DateTime.UtcNow);
        foreach (var request in new[]
        {
            new SearchRequest { Text = "samtalsgrupp" }, new SearchRequest { Text = "föräldrastöd", Languages = ["ar"] },
            new SearchRequest { Categories = ["person-focused-psychosocial"], Sort = SearchSort.Verified }, new SearchRequest(),
        })
        {
            var live = await Search.SearchAsync(request, CancellationToken.None);
            var other = reversed.Search(request);
            Assert.Equal(other.ServiceIds, live.ServiceIds);
            Assert.Equal(other.Total, live.Total);
        }
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("prs", "rtl")]
    [InlineData("ti", "ltr")]
    [InlineData("so", "ltr")]
    [InlineData("uk", "ltr")]
    [InlineData("en", "ltr")]
    public async Task Search_page_speaks_every_ui_language(string lang, string dir)
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/sok?q=samtal&lang={lang}");
        Assert.Equal(lang, Html.Attribute(body, "html", "lang"));
        Assert.Equal(dir, Html.Attribute(body, "html", "dir"));
        Assert.DoesNotContain("Avgränsa sökningen", body, StringComparison.Ordinal); // the Swedish filter heading
    }

    [Fact]
    public async Task Print_views_of_a_result_list_and_of_a_service_are_plain_pages()
    {
        using var client = app.CreateClient();
        var list = await client.AssertOkAsync("/sok/utskrift?q=samtal&malgrupp=refugees");
        Assert.Contains("class=\"print-page\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"main-nav\"", list, StringComparison.Ordinal);
        var first = Html.Links(list, "/insatser/").First();
        // The list prints the first results and leads back to the start of the same search, also when the address
        // it was opened with names a later page (sida).
        Assert.Contains("href=\"/sok?q=samtal&amp;malgrupp=refugees\"", list, StringComparison.Ordinal);
        var fromPage3 = await client.AssertOkAsync("/sok/utskrift?q=samtal&malgrupp=refugees&sida=3");
        Assert.Contains("href=\"/sok?q=samtal&amp;malgrupp=refugees\"", fromPage3, StringComparison.Ordinal);
        Assert.DoesNotContain("sida=", fromPage3, StringComparison.Ordinal);
        Assert.Equal(Html.Links(list, "/insatser/"), Html.Links(fromPage3, "/insatser/"));

        var service = await client.AssertOkAsync(first);
        Assert.Contains($"href=\"{first}/utskrift\"", service, StringComparison.Ordinal);
        var print = await client.AssertOkAsync(first + "/utskrift");
        Assert.Contains("class=\"print-page\"", print, StringComparison.Ordinal);
        Assert.Single(Html.H1s(print));
    }

    [Fact]
    public async Task Home_page_target_group_links_still_filter_the_search()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/sok?malgrupp=asylum-seekers");
        Assert.Contains("name=\"malgrupp\" value=\"asylum-seekers\" checked", body, StringComparison.Ordinal);
        using var missing = await client.GetAsync("/sok?sida=abc&alder=x&dag=XX");
        await missing.AssertStatusAsync(HttpStatusCode.OK);
    }
}
