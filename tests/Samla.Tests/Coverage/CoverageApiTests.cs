using System.Net;
using System.Text.Json;
using Samla.Tests.Infrastructure;
using static Samla.Tests.Coverage.CoverageApp;

namespace Samla.Tests.Coverage;

public sealed class CoverageApiTests(CoverageApp app) : IClassFixture<CoverageApp>
{
    private sealed record Row(Dictionary<string, string> Keys, int Active, int Stale);

    private async Task<List<Row>> GetRowsAsync(string query)
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/api/coverage" + query);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.EnumerateArray().Select(e => new Row(
                e.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!),
                e.GetProperty("active_services").GetInt32(),
                e.GetProperty("stale_services").GetInt32()))
            .ToList();
    }

    private static Row At(List<Row> rows, params (string Key, string Value)[] keys) =>
        Assert.Single(rows, r => keys.All(k => r.Keys[k.Key] == k.Value));

    [Fact]
    public async Task Every_municipality_and_target_group_of_the_county_is_a_row_with_gaps_as_zero()
    {
        var rows = await GetRowsAsync("?by=municipality,target_group&county=13");

        Assert.Equal(6 * 6, rows.Count);
        Assert.Equal(1, At(rows, ("municipality", Halmstad), ("target_group", "refugees")).Active);
        Assert.Equal("Halmstad", At(rows, ("municipality", Halmstad), ("target_group", "refugees")).Keys["municipality_name"]);
        var hylteAsylum = At(rows, ("municipality", Hylte), ("target_group", "asylum-seekers"));
        Assert.Equal((0, 1), (hylteAsylum.Active, hylteAsylum.Stale));
        Assert.Equal(1, At(rows, ("municipality", Kungsbacka), ("target_group", "asylum-seekers")).Active);
        Assert.Equal(0, At(rows, ("municipality", Laholm), ("target_group", "refugees")).Active);
        Assert.Equal(4, rows.Sum(r => r.Active));
        Assert.Equal(1, rows.Sum(r => r.Stale));
        Assert.Equal(31, rows.Count(r => r.Active == 0 && r.Stale == 0));
    }

    [Fact]
    public async Task Default_breakdown_is_municipality_target_group_and_layer()
    {
        var rows = await GetRowsAsync("");

        Assert.Equal(6 * 6 * 4, rows.Count);
        Assert.Equal(["municipality", "municipality_name", "target_group", "target_group_name", "layer", "layer_name"], rows[0].Keys.Keys);
        Assert.Equal(1, At(rows, ("municipality", Hylte), ("target_group", "refugees"), ("layer", "2")).Active);
        Assert.Equal(0, At(rows, ("municipality", Halmstad), ("target_group", "refugees"), ("layer", "3")).Active);
    }

    [Fact]
    public async Task Drafts_and_services_of_inactive_organisations_are_not_counted()
    {
        var rows = await GetRowsAsync("?by=municipality");

        Assert.Equal(1, At(rows, ("municipality", Halmstad)).Active);
        Assert.Equal((0, 0), (At(rows, ("municipality", Laholm)).Active, At(rows, ("municipality", Laholm)).Stale));
        Assert.Equal((1, 1), (At(rows, ("municipality", Hylte)).Active, At(rows, ("municipality", Hylte)).Stale));
    }

    [Fact]
    public async Task Verified_only_leaves_stale_services_out()
    {
        var rows = await GetRowsAsync("?by=municipality&verified_only=true");

        Assert.Equal((1, 0), (At(rows, ("municipality", Hylte)).Active, At(rows, ("municipality", Hylte)).Stale));
    }

    [Fact]
    public async Task Languages_and_organisations_are_those_present_in_the_county()
    {
        var languages = await GetRowsAsync("?by=language");
        var organisations = await GetRowsAsync("?by=organization");

        Assert.Equal(["ar", "prs", "sv"], languages.Select(r => r.Keys["language"]).Order());
        Assert.Equal((1, 1), (At(languages, ("language", "ar")).Active, At(languages, ("language", "ar")).Stale));
        var org = Assert.Single(organisations);
        Assert.Equal("Täckningsföreningen", org.Keys["organization_name"]);
        Assert.Equal((2, 1), (org.Active, org.Stale));
    }

    [Fact]
    public async Task Filters_on_layer_age_group_category_and_language_narrow_the_count()
    {
        var layer3 = await GetRowsAsync("?by=municipality,layer&layer=3");
        Assert.Equal(6, layer3.Count);
        Assert.Equal(1, At(layer3, ("municipality", Kungsbacka), ("layer", "3")).Active);

        var children = await GetRowsAsync("?by=municipality&age_group=children");
        Assert.Equal(1, children.Sum(r => r.Active));

        var parenting = await GetRowsAsync("?by=target_group&category=parenting-support");
        Assert.Equal(2, parenting.Sum(r => r.Active));

        var dari = await GetRowsAsync("?by=municipality&language=prs,sv");
        Assert.Equal(3, dari.Sum(r => r.Active));
    }

    [Fact]
    public async Task Another_county_has_zero_rows_for_its_own_municipalities()
    {
        var rows = await GetRowsAsync("?by=municipality&county=12");

        Assert.Equal(33, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("12", r.Keys["municipality"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal((0, 0), (r.Active, r.Stale)));
    }

    [Theory]
    [InlineData("?by=municipality,colour")]
    [InlineData("/export?format=pdf")]
    public async Task Bad_requests_are_refused_with_problem_details(string query)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/coverage" + query);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Csv_export_has_the_same_rows_as_the_json()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/coverage/export?format=csv&by=municipality,target_group");
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        var lines = body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("municipality,municipality_name,target_group,target_group_name,active_services,stale_services", lines[0]);
        Assert.Equal(37, lines.Length);
        Assert.Contains("1315,Hylte,asylum-seekers,Asylsökande,0,1", lines);
    }

    [Fact]
    public async Task Xlsx_export_is_a_workbook()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/coverage/export?format=xlsx&by=municipality");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }
}
