using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Xunit.Abstractions;

namespace Samla.Tests.Exchange;

/// <summary>
/// What the Open Referral UK validator checks, and more: paging on every list, every {id} endpoint, every answer valid against
/// HSDS 3.0's schemas (/service_at_locations/{id} against service_at_location.json), every error application/problem+json
/// with a title a person can act on, and an organisation with thousands of services answered whole (streamed).
/// </summary>
public sealed class HsdsConformanceTests(SamlaApp app, ITestOutputHelper output) : IClassFixture<SamlaApp>
{
    private const string NoSuchId = "00000000-0000-0000-0000-0000000000a1";

    private async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [InlineData("/api/hsds/services", "service_list.json", "service.json")]
    [InlineData("/api/hsds/organizations", "organization_list.json", "organization.json")]
    [InlineData("/api/hsds/taxonomies", "taxonomy.json", "taxonomy.json")]
    [InlineData("/api/hsds/taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json")]
    [InlineData("/api/hsds/service_at_locations", "service_at_location_list.json", "service_at_location.json")]
    public async Task Every_list_pages_and_every_id_answers_valid_hsds(string list, string itemSchema, string fullSchema)
    {
        using var client = app.CreateClient();
        var first = await GetJsonAsync(client, $"{list}?per_page=2&page=1");
        ExchangeKit.AssertPage(itemSchema, first);
        var total = first.GetProperty("total_items").GetInt32();
        Assert.True(total >= 3, $"{list} has only {total} items: too few to page.");
        Assert.Equal((total + 1) / 2, first.GetProperty("total_pages").GetInt32());
        Assert.Equal(2, first.GetProperty("size").GetInt32());
        Assert.True(first.GetProperty("first_page").GetBoolean());

        var second = await GetJsonAsync(client, $"{list}?per_page=2&page=2");
        ExchangeKit.AssertPage(itemSchema, second);
        Assert.Equal(2, second.GetProperty("page_number").GetInt32());
        Assert.False(second.GetProperty("first_page").GetBoolean());
        var firstIds = first.GetProperty("contents").EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        var secondIds = second.GetProperty("contents").EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        Assert.Empty(firstIds.Intersect(secondIds));

        // Every item of the whole list answers at its {id}, valid against the full schema.
        var all = await GetJsonAsync(client, $"{list}?per_page=500");
        Assert.Equal(total, all.GetProperty("contents").GetArrayLength());
        foreach (var item in all.GetProperty("contents").EnumerateArray().Take(60))
        {
            var id = item.GetProperty("id").GetString();
            var full = await GetJsonAsync(client, $"{list}/{id}");
            ExchangeKit.AssertValid(fullSchema, full);
            Assert.Equal(id, full.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Taxonomy_and_term_by_id()
    {
        using var client = app.CreateClient();
        var taxonomy = await GetJsonAsync(client, $"/api/hsds/taxonomies/{ReferenceData.TaxonomyId(ReferenceData.TargetGroups)}");
        Assert.Equal(ReferenceData.TargetGroups, taxonomy.GetProperty("name").GetString());
        var term = await GetJsonAsync(client, $"/api/hsds/taxonomy_terms/{ReferenceData.TermId(ReferenceData.TargetGroups, "refugees")}");
        Assert.Equal("refugees", term.GetProperty("code").GetString());
        Assert.Equal(ReferenceData.TargetGroups, term.GetProperty("taxonomy_detail").GetProperty("name").GetString());
        ExchangeKit.AssertValid("taxonomy_term.json", term);
        var english = await GetJsonAsync(client, $"/api/hsds/taxonomy_terms/{ReferenceData.TermId(ReferenceData.TargetGroups, "refugees")}?lang=en");
        Assert.Equal("en", english.GetProperty("language").GetString());
    }

    [Theory]
    // Paging: not a number, out of range, beyond what an int holds
    [InlineData("GET", "/api/hsds/services?page=abc", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/services?per_page=many", 400, "Invalid per_page")]
    [InlineData("GET", "/api/hsds/services?page=0", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/services?per_page=501", 400, "Invalid per_page")]
    [InlineData("GET", "/api/hsds/services?per_page=0", 400, "Invalid per_page")]
    [InlineData("GET", "/api/hsds/services?page=99999999999", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/services?page=2147483647&per_page=500", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/organizations?page=x", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/taxonomies?per_page=-1", 400, "Invalid per_page")]
    [InlineData("GET", "/api/hsds/taxonomy_terms?page=1.5", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/service_at_locations?page=", 400, "Invalid page")]
    [InlineData("GET", "/api/hsds/service_at_locations?per_page=1e3", 400, "Invalid per_page")]
    // Malformed and unknown ids
    [InlineData("GET", "/api/hsds/services/not-a-guid", 400, "Invalid id")]
    [InlineData("GET", "/api/hsds/organizations/not-a-guid", 400, "Invalid id")]
    [InlineData("GET", "/api/hsds/taxonomies/not-a-guid", 400, "Invalid id")]
    [InlineData("GET", "/api/hsds/taxonomy_terms/1", 400, "Invalid id")]
    [InlineData("GET", "/api/hsds/service_at_locations/%27%3B--", 400, "Invalid id")]
    [InlineData("GET", "/api/hsds/services/" + NoSuchId, 404, "Not found")]
    [InlineData("GET", "/api/hsds/organizations/" + NoSuchId, 404, "Not found")]
    [InlineData("GET", "/api/hsds/taxonomies/" + NoSuchId, 404, "Not found")]
    [InlineData("GET", "/api/hsds/taxonomy_terms/" + NoSuchId, 404, "Not found")]
    [InlineData("GET", "/api/hsds/service_at_locations/" + NoSuchId, 404, "Not found")]
    [InlineData("GET", "/api/calendar/not-a-guid.ics", 400, "Invalid serviceId")]
    [InlineData("GET", "/api/calendar/" + NoSuchId + ".ics", 404, "Not found")]
    [InlineData("GET", "/api/calendar/organization/" + NoSuchId + ".ics", 404, "Not found")]
    // Unknown and unreadable filter values
    [InlineData("GET", "/api/hsds/services?municipality=9999", 400, "Unknown municipality")]
    [InlineData("GET", "/api/hsds/services?municipality=1380,abc", 400, "Unknown municipality")]
    [InlineData("GET", "/api/hsds/services?target_group=tourists", 400, "Unknown target_group")]
    [InlineData("GET", "/api/hsds/services?layer=9", 400, "Unknown layer")]
    [InlineData("GET", "/api/hsds/services?language=12", 400, "Unknown language")]
    [InlineData("GET", "/api/hsds/services?format=xml", 400, "Unknown format")]
    [InlineData("GET", "/api/hsds/services?taxonomy_term_id=" + NoSuchId, 400, "Unknown taxonomy_term_id")]
    [InlineData("GET", "/api/hsds/services?taxonomy_term_id=abc", 400, "Invalid taxonomy_term_id")]
    [InlineData("GET", "/api/hsds/services?organization_id=" + NoSuchId, 400, "Unknown organization_id")]
    [InlineData("GET", "/api/hsds/services?modified_after=yesterday", 400, "Invalid modified_after")]
    [InlineData("GET", "/api/hsds/taxonomy_terms?taxonomy_id=" + NoSuchId, 400, "Unknown taxonomy_id")]
    [InlineData("GET", "/api/hsds/service_at_locations?service_id=" + NoSuchId, 400, "Unknown service_id")]
    [InlineData("GET", "/api/hsds/service_at_locations?location_id=nope", 400, "Invalid location_id")]
    // Wrong method, unknown paths
    [InlineData("POST", "/api/hsds/services", 405, "Method not allowed")]
    [InlineData("DELETE", "/api/hsds/organizations/" + NoSuchId, 405, "Method not allowed")]
    [InlineData("GET", "/api/hsds/import", 405, "Method not allowed")]
    [InlineData("GET", "/api/hsds/nothing-here", 404, "No such API endpoint")]
    [InlineData("GET", "/api/nothing/at/all", 404, "No such API endpoint")]
    [InlineData("POST", "/api/hsds/import", 401, "API key")]
    public async Task Every_api_error_is_problem_json(string method, string url, int status, string? title)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = new StringContent("[]");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{method} {url}: {(int)response.StatusCode}, expected {status}\n{body}");
        if (title is null) return;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(title, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), body);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_filter_value_names_the_valid_ones()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/hsds/services?layer=9");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("1, 2, 3, 4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_outside_the_api_keep_the_html_error_page()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/no-such-page-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Organization_with_thousands_of_services_is_answered_whole()
    {
        const int count = 3000;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  {what}");
        var orgId = await app.WithDbAsync(async db =>
        {
            var org = new Organization { Name = "Storföreningen i Varberg", Description = "Många verksamheter.", Email = "info@stor.example" };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        // Written through the importer (its bulk path): a few seconds, where EF's change tracker takes minutes for so many.
        var lines = Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["organization_id"] = orgId.ToString(), ["name"] = $"Verksamhet {i:D4}",
            ["description"] = "Träffar varje vecka.", ["status"] = "active", ["x_published"] = true,
            ["attributes"] = new JsonArray(
                new JsonObject { ["taxonomy_term"] = new JsonObject { ["taxonomy"] = ReferenceData.TargetGroups, ["code"] = "refugees" } },
                new JsonObject { ["taxonomy_term"] = new JsonObject { ["taxonomy"] = ReferenceData.MhpssLayers, ["code"] = "2" } }),
            ["schedules"] = new JsonArray(new JsonObject
            {
                ["freq"] = "WEEKLY", ["interval"] = 1, ["byday"] = "MO", ["dtstart"] = "2026-01-05", ["opens_at"] = "10:00", ["closes_at"] = "12:00",
            }),
        }.ToJsonString());
        var file = ExchangeKit.TempPath(".ndjson");
        await File.WriteAllLinesAsync(file, lines);
        var imported = await ExchangeKit.ImportAsync(app, file);
        Assert.True(imported.IsValid, ExchangeKit.Problems(imported));
        Assert.Equal(count, imported.Created);
        Step("inserted");
        var expected = await app.WithDbAsync(db => db.Services.Where(s => s.OrganizationId == orgId).Select(s => s.Id).ToListAsync());
        using var client = app.CreateClient();

        var org = await GetJsonAsync(client, $"/api/hsds/organizations/{orgId}");
        Step("organization answered");
        var ids = org.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(count, ids.Count);
        Assert.Equal(expected.Order(), ids.Order());
        Assert.Equal("Storföreningen i Varberg", org.GetProperty("name").GetString());
        ExchangeKit.AssertValid("organization.json", org);
        Step("organization validated");

        using var feed = await client.GetAsync($"/api/calendar/organization/{orgId}.ics");
        var text = await feed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Step("calendar answered");
        var calendar = Calendar.Load(text)!;
        Assert.Equal(count, calendar.Events.Count);
        Step("calendar parsed");
        Assert.Single(calendar.TimeZones);
        // The time zone says when Swedish summer time begins and ends (RFC 5545: a VTIMEZONE has STANDARD or DAYLIGHT parts).
        Assert.Contains("BEGIN:STANDARD", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT", text, StringComparison.Ordinal);
        Assert.All(calendar.Events.Take(5), e => Assert.NotNull(e.RecurrenceRule));

        // An organisation without public services: no services member, a calendar without events.
        var empty = await app.WithDbAsync(async db =>
        {
            var o = new Organization { Name = "Tomma föreningen", Description = "Inget än.", Email = "info@tom.example" };
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        var emptyOrg = await GetJsonAsync(client, $"/api/hsds/organizations/{empty}");
        Assert.False(emptyOrg.TryGetProperty("services", out _));
        ExchangeKit.AssertValid("organization.json", emptyOrg);
        Assert.Empty(Calendar.Load(await client.GetStringAsync($"/api/calendar/organization/{empty}.ics"))!.Events);
    }
}
