using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>
/// Answers from the search index (search page, HSDS service lists) are output-cached for anonymous readers and
/// evicted with the snapshot they came from; anything signed in or answered by the database is never cached.
/// </summary>
public sealed class OutputCacheTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private ServiceSearch Search => app.Services.GetRequiredService<ServiceSearch>();

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Anonymous_search_page_is_served_from_the_cache_until_the_index_changes()
    {
        var word = Unique("Kolibrigrupp");
        using var client = app.CreateClient();
        var url = "/sok?q=" + word;
        using (var first = await client.GetAsync(url))
        {
            Assert.False(first.Headers.Age.HasValue);
            Assert.Contains("Inga träffar", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var second = await client.GetAsync(url))
        {
            // Asked a second time: computed again, and now kept (a query asked once is never stored).
            Assert.False(second.Headers.Age.HasValue, "an answer asked for once must not have been stored");
        }
        using (var third = await client.GetAsync(url))
        {
            Assert.True(third.Headers.Age.HasValue, "the third identical anonymous request should come from the output cache");
        }

        var created = await app.CreateServiceAsync(word + " för nyanlända");
        await Search.InvalidateAsync();
        using var fresh = await client.GetAsync(url);
        Assert.False(fresh.Headers.Age.HasValue);
        Assert.Contains($"/insatser/{created.Id}", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_update_evicts_cached_api_answers()
    {
        var word = Unique("Pelikanträff");
        using var client = app.CreateClient();
        var url = "/api/hsds/services?search=" + word;
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total_items").GetInt32());
        // Asked twice: kept in the cache.
        using (var kept = await client.GetAsync(url)) Assert.Equal(0, (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total_items").GetInt32());

        await app.CreateServiceAsync(word);
        // No explicit invalidation: the save's change feed updated this instance's index, which evicts cached answers.
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task A_cached_api_answer_still_carries_cors_for_another_site()
    {
        using var client = app.CreateClient();
        var url = "/api/hsds/services?search=" + Unique("Tranedans");
        using (await client.GetAsync(url)) { }
        using (await client.GetAsync(url)) { }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://kommun.example");
        using var cached = await client.SendAsync(request);
        Assert.True(cached.Headers.Age.HasValue);
        Assert.Equal("*", Assert.Single(cached.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_query_asked_once_is_not_kept_but_one_asked_again_is()
    {
        using var client = app.CreateClient();
        var url = "/sok?q=" + Unique("Sjostjarna");
        for (var i = 0; i < 2; i++)
        {
            using var computed = await client.GetAsync(url);
            Assert.False(computed.Headers.Age.HasValue);
        }
        using var cached = await client.GetAsync(url);
        Assert.True(cached.Headers.Age.HasValue);
        // Another language is another request: its first asking is computed, not served from the Swedish answer.
        using var english = new HttpRequestMessage(HttpMethod.Get, url);
        english.Headers.Add("Cookie", $"{UiLanguages.CookieName}={Uri.EscapeDataString("c=en|uic=en")}");
        using var englishAnswer = await client.SendAsync(english);
        Assert.False(englishAnswer.Headers.Age.HasValue);
    }

    [Fact]
    public async Task Signed_in_requests_are_never_cached()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var first = await client.GetAsync("/sok?q=samtalsgrupp");
        using var second = await client.GetAsync("/sok?q=samtalsgrupp");
        Assert.False(second.Headers.Age.HasValue);
        Assert.Contains("logga-ut", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_answers_are_not_cached_and_languages_are_cached_apart()
    {
        using var client = app.CreateClient();
        var org = await app.WithDbAsync(db => db.Organizations.Select(o => o.Id).FirstAsync());
        var byOrg = $"/api/hsds/services?organization_id={org}";
        using (await client.GetAsync(byOrg)) { }
        using (var again = await client.GetAsync(byOrg)) Assert.False(again.Headers.Age.HasValue);

        using var sv = new HttpRequestMessage(HttpMethod.Get, "/sok?q=stod");
        using var svAnswer = await client.SendAsync(sv);
        using var ar = new HttpRequestMessage(HttpMethod.Get, "/sok?q=stod");
        // The language cookie is not in the URL, so the cache must tell the two apart by the UI culture.
        ar.Headers.Add("Cookie", $"{UiLanguages.CookieName}={Uri.EscapeDataString("c=ar|uic=ar")}");
        using var arAnswer = await client.SendAsync(ar);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", await arAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\" dir=\"ltr\">", await svAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
