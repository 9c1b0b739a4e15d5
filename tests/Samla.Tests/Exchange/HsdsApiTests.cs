using System.Net;
using System.Text.Json;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Exchange;

/// <summary>The HSDS read API on the demo data: schema-valid output, paging, filters, NDJSON, translations, calendar.</summary>
public sealed class HsdsApiTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Root_gives_version_and_openapi_url()
    {
        var root = await GetJsonAsync("/api/hsds/");
        Assert.Equal("3.0", root.GetProperty("version").GetString());
        Assert.EndsWith("/openapi/v1.json", root.GetProperty("openapi_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_public_service_validates_in_list_and_in_full()
    {
        var page = await GetJsonAsync("/api/hsds/services?per_page=500");
        ExchangeKit.AssertPage("service_list.json", page);
        var ids = page.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.True(ids.Count >= 50, $"Only {ids.Count} public services.");
        var publicCount = await app.WithDbAsync(db => db.Services.Where(s => s.IsPublished && s.Status == ServiceStatus.Active && s.Organization.IsActive).CountAsync());
        Assert.Equal(publicCount, page.GetProperty("total_items").GetInt32());
        var sawNested = false;
        foreach (var id in ids)
        {
            var full = await GetJsonAsync($"/api/hsds/services/{id}");
            ExchangeKit.AssertValid("service.json", full);
            Assert.True(full.TryGetProperty("organization", out _));
            sawNested |= full.TryGetProperty("attributes", out var a) && a[0].TryGetProperty("taxonomy_term", out _)
                && full.TryGetProperty("service_areas", out _) && full.TryGetProperty("metadata", out _);
        }
        Assert.True(sawNested, "No service had attributes with terms, service areas and metadata.");
    }

    [Fact]
    public async Task Paging_follows_hsds()
    {
        var first = await GetJsonAsync("/api/hsds/services?per_page=7&page=1");
        var total = first.GetProperty("total_items").GetInt32();
        Assert.Equal(7, first.GetProperty("size").GetInt32());
        Assert.Equal((total + 6) / 7, first.GetProperty("total_pages").GetInt32());
        Assert.True(first.GetProperty("first_page").GetBoolean());
        Assert.False(first.GetProperty("last_page").GetBoolean());
        var last = await GetJsonAsync($"/api/hsds/services?per_page=7&page={first.GetProperty("total_pages").GetInt32()}");
        Assert.True(last.GetProperty("last_page").GetBoolean());
        var beyond = await GetJsonAsync("/api/hsds/services?per_page=7&page=999");
        Assert.True(beyond.GetProperty("empty").GetBoolean());
        using var client = app.CreateClient();
        using var bad = await client.GetAsync("/api/hsds/services?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var all = (await GetJsonAsync("/api/hsds/services?per_page=500")).GetProperty("total_items").GetInt32();
        var halmstad = await GetJsonAsync("/api/hsds/services?municipality=1380&per_page=500");
        var n = halmstad.GetProperty("total_items").GetInt32();
        Assert.InRange(n, 1, all - 1);
        foreach (var s in halmstad.GetProperty("contents").EnumerateArray().Take(5))
        {
            var full = await GetJsonAsync($"/api/hsds/services/{s.GetProperty("id").GetString()}");
            Assert.Contains(full.GetProperty("service_areas").EnumerateArray(), a => a.GetProperty("uri").GetString() == "urn:se:scb:kommun:1380");
        }
        var two = (await GetJsonAsync("/api/hsds/services?municipality=1380&municipality=1315&per_page=500")).GetProperty("total_items").GetInt32();
        Assert.True(two >= n);

        var layer4 = (await GetJsonAsync("/api/hsds/services?layer=4")).GetProperty("total_items").GetInt32();
        var term = ReferenceData.TermId(ReferenceData.MhpssLayers, "4");
        Assert.Equal(layer4, (await GetJsonAsync($"/api/hsds/services?taxonomy_term_id={term}")).GetProperty("total_items").GetInt32());
        Assert.InRange(layer4, 1, all - 1);

        Assert.InRange((await GetJsonAsync("/api/hsds/services?target_group=undocumented")).GetProperty("total_items").GetInt32(), 1, all - 1);
        Assert.InRange((await GetJsonAsync("/api/hsds/services?language=ar")).GetProperty("total_items").GetInt32(), 1, all);
        Assert.True((await GetJsonAsync("/api/hsds/services?modified_after=2100-01-01T00:00:00Z")).GetProperty("empty").GetBoolean());

        var org = await app.WithDbAsync(db => db.Organizations.Where(o => o.Name == DemoAccounts.HalmstadMunicipality).Select(o => o.Id).FirstAsync());
        var byOrg = await GetJsonAsync($"/api/hsds/services?organization_id={org}&per_page=500");
        Assert.All(byOrg.GetProperty("contents").EnumerateArray(), s => Assert.Equal(org.ToString(), s.GetProperty("organization_id").GetString()));

        // Upper-case query, lower-case text: the interim search is case-insensitive (SQLite's lower() folds ASCII only).
        var search = await GetJsonAsync("/api/hsds/services?search=" + Uri.EscapeDataString(DemoAccounts.ParentingSupportHalmstad.ToUpperInvariant()[1..]));
        Assert.Contains(search.GetProperty("contents").EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains(DemoAccounts.ParentingSupportHalmstad, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Term_filters_are_checked_against_the_catalogue_in_memory_which_follows_a_change_to_a_term()
    {
        var catalog = app.Services.GetRequiredService<TermCatalogCache>();
        await GetJsonAsync("/api/hsds/services?layer=4&per_page=1");
        var loads = catalog.Loads;
        Assert.True(loads >= 1, "the catalogue was read once");
        await GetJsonAsync("/api/hsds/services?target_group=undocumented&layer=3&per_page=2");
        using (var client = app.CreateClient())
        {
            Assert.NotEmpty(await client.AssertOkAsync("/api/hsds/services?target_group=undocumented&format=ndjson"));
            using var unknown = await client.GetAsync("/api/hsds/services?target_group=tourists");
            // The valid codes, in their sort order, from the catalogue.
            Assert.Contains("use one of: ", await unknown.AssertStatusAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        Assert.Equal(loads, catalog.Loads);

        // A term changed on this instance: its "everything" row reloads the catalogue before the next request.
        var termId = ReferenceData.TermId(ReferenceData.MhpssLayers, "4");
        var original = await app.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Id == termId).Select(t => t.Name).FirstAsync());
        Task RenameAsync(string name) => app.WithDbAsync(async db =>
        {
            (await db.TaxonomyTerms.FirstAsync(t => t.Id == termId)).Name = name;
            await db.SaveChangesAsync();
        });
        try
        {
            await RenameAsync(original + " (ändrad)");
            Assert.Equal(original + " (ändrad)", (await GetJsonAsync($"/api/hsds/taxonomy_terms/{termId}")).GetProperty("name").GetString());
            Assert.Equal(original + " (ändrad)", (await catalog.GetAsync(default)).Find(termId)!.Name);
            Assert.True(catalog.Loads > loads, "the catalogue was read again after the change");
        }
        finally
        {
            await RenameAsync(original);
        }
        Assert.Equal(original, (await catalog.GetAsync(default)).Find(termId)!.Name);
    }

    [Fact]
    public async Task Unpublished_and_inactive_services_do_not_appear()
    {
        var draft = await app.CreateServiceAsync("Opublicerat utkast", published: false);
        var inactive = await app.CreateServiceAsync("Nedlagd verksamhet", status: ServiceStatus.Inactive);
        using var client = app.CreateClient();
        foreach (var id in new[] { draft.Id, inactive.Id })
        {
            using var response = await client.GetAsync($"/api/hsds/services/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var ndjson = await client.GetStringAsync("/api/hsds/services?format=ndjson");
        Assert.DoesNotContain(draft.Id.ToString(), ndjson, StringComparison.Ordinal);
        Assert.DoesNotContain(inactive.Id.ToString(), ndjson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ndjson_streams_every_public_service_in_full()
    {
        var total = (await GetJsonAsync("/api/hsds/services")).GetProperty("total_items").GetInt32();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/hsds/services?format=ndjson");
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(total, lines.Length);
        foreach (var line in lines.Take(10)) ExchangeKit.AssertValid("service.json", JsonDocument.Parse(line).RootElement);
    }

    [Fact]
    public async Task Organizations_taxonomies_and_service_at_locations_validate()
    {
        var orgs = await GetJsonAsync("/api/hsds/organizations?per_page=500");
        ExchangeKit.AssertPage("organization_list.json", orgs);
        foreach (var o in orgs.GetProperty("contents").EnumerateArray().Take(10))
        {
            var full = await GetJsonAsync($"/api/hsds/organizations/{o.GetProperty("id").GetString()}");
            ExchangeKit.AssertValid("organization.json", full);
        }
        var taxonomies = await GetJsonAsync("/api/hsds/taxonomies");
        ExchangeKit.AssertPage("taxonomy.json", taxonomies);
        Assert.Equal(7, taxonomies.GetProperty("total_items").GetInt32());
        var layers = await GetJsonAsync($"/api/hsds/taxonomy_terms?taxonomy_id={ReferenceData.TaxonomyId(ReferenceData.MhpssLayers)}");
        ExchangeKit.AssertPage("taxonomy_term.json", layers);
        Assert.Equal(4, layers.GetProperty("total_items").GetInt32());
        ExchangeKit.AssertPage("taxonomy_term.json", await GetJsonAsync("/api/hsds/taxonomy_terms?per_page=100"));

        var sals = await GetJsonAsync("/api/hsds/service_at_locations?per_page=100");
        ExchangeKit.AssertPage("service_at_location_list.json", sals);
        var first = sals.GetProperty("contents").EnumerateArray().First();
        // PROFILE.md: /service_at_locations/{id} validates against compiled/service_at_location.json (openapi.json's slip aside).
        ExchangeKit.AssertValid("service_at_location.json", await GetJsonAsync($"/api/hsds/service_at_locations/{first.GetProperty("id").GetString()}"));
    }

    [Fact]
    public async Task Lang_returns_translated_content_where_present()
    {
        var translated = await app.WithDbAsync(db => db.Services.Where(s => s.IsPublished && s.Status == ServiceStatus.Active && s.Organization.IsActive)
            .ToListAsync());
        var service = translated.FirstOrDefault(s => s.Translations.TryGetValue("en", out var f) && f.ContainsKey("name"));
        if (service is null)
        {
            service = translated[0];
            await app.WithDbAsync(async db =>
            {
                var s = await db.Services.FirstAsync(x => x.Id == service.Id);
                s.Translations = new() { ["en"] = new() { ["name"] = "Translated name" } };
                await db.SaveChangesAsync();
            });
            service.Translations = new() { ["en"] = new() { ["name"] = "Translated name" } };
        }
        var en = await GetJsonAsync($"/api/hsds/services/{service.Id}?lang=en");
        Assert.Equal(service.Translations["en"]["name"], en.GetProperty("name").GetString());
        Assert.True(en.TryGetProperty("x_translations", out _));
        var sv = await GetJsonAsync($"/api/hsds/services/{service.Id}");
        Assert.Equal(service.Name, sv.GetProperty("name").GetString());
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var viaHeader = JsonDocument.Parse(await client.GetStringAsync($"/api/hsds/services/{service.Id}")).RootElement;
        Assert.Equal(service.Translations["en"]["name"], viaHeader.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_endpoints_allow_any_origin()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/services");
        request.Headers.Add("Origin", "https://portal.example");
        using var response = await client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Search_says_when_no_service_has_every_word_as_the_search_page_does()
    {
        using var client = app.CreateClient();
        // No service has all three words: the best partial matches, and the answer says so (body and header), at any page size.
        foreach (var perPage in new[] { 20, 200 })
        {
            using var partial = await client.GetAsync($"/api/hsds/services?search=hitta+f%C3%B6rsvunna+anh%C3%B6riga&per_page={perPage}");
            var page = JsonDocument.Parse(await partial.AssertStatusAsync(HttpStatusCode.OK)).RootElement;
            Assert.True(page.GetProperty("x_partial_match").GetBoolean());
            Assert.True(page.GetProperty("total_items").GetInt32() > 0);
            Assert.Equal("true", partial.Headers.GetValues("Samla-Partial-Match").Single());
        }
        // Every listed service has the word.
        using var full = await client.GetAsync("/api/hsds/services?search=anh%C3%B6riga");
        var all = JsonDocument.Parse(await full.AssertStatusAsync(HttpStatusCode.OK)).RootElement;
        Assert.False(all.GetProperty("x_partial_match").GetBoolean());
        Assert.Equal("false", full.Headers.GetValues("Samla-Partial-Match").Single());
        // Without free text there is nothing to match partly.
        var filtered = await GetJsonAsync("/api/hsds/services?municipality=1380");
        Assert.False(filtered.TryGetProperty("x_partial_match", out _));
        // A browser on another origin may read the header.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/services?search=anh%C3%B6riga");
        request.Headers.Add("Origin", "https://portal.example");
        using var cors = await client.SendAsync(request);
        Assert.Contains("Samla-Partial-Match", cors.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenApi_covers_every_json_endpoint()
    {
        var doc = await GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/hsds", out _) || paths.TryGetProperty("/api/hsds/", out _), "OpenAPI has no /api/hsds/.");
        foreach (var p in new[] { "/api/hsds/services", "/api/hsds/services/{id}", "/api/hsds/organizations", "/api/hsds/organizations/{id}",
            "/api/hsds/taxonomies", "/api/hsds/taxonomy_terms", "/api/hsds/service_at_locations", "/api/hsds/service_at_locations/{id}", "/api/hsds/import" })
        {
            Assert.True(paths.TryGetProperty(p, out _), $"OpenAPI has no {p}.");
        }
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.Contains(schemas.EnumerateObject(), s => s.Name.StartsWith("HsdsService", StringComparison.Ordinal)
            && s.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("service_areas", out _));
    }

    [Fact]
    public async Task Calendar_feeds_parse_and_carry_rrules()
    {
        var withSchedule = await app.WithDbAsync(db => db.Services.Where(s => s.IsPublished && s.Status == ServiceStatus.Active && s.Organization.IsActive)
            .Where(s => s.Schedules.Any(x => x.Freq != null && x.OpensAt != null)).Select(s => new { s.Id, s.OrganizationId }).FirstAsync());
        using var client = app.CreateClient();
        using var response = await client.GetAsync($"/api/calendar/{withSchedule.Id}.ics");
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(body)!;
        var ev = Assert.Single(calendar.Events.Take(1));
        Assert.NotNull(ev.RecurrenceRule);
        Assert.Equal("Europe/Stockholm", ev.DtStart!.TzId);
        Assert.Contains("BEGIN:VTIMEZONE", body, StringComparison.Ordinal);
        Assert.NotEmpty(ev.GetOccurrences().Take(3));

        var orgFeed = Calendar.Load(await client.GetStringAsync($"/api/calendar/organization/{withSchedule.OrganizationId}.ics"))!;
        Assert.NotEmpty(orgFeed.Events);
        using var missing = await client.GetAsync($"/api/calendar/{Guid.NewGuid()}.ics");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
