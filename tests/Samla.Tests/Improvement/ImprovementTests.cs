using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Improvement;

namespace Samla.Tests.Improvement;

/// <summary>
/// Improvement work on the demo data (both providers): the run chart API, who may change an initiative (an editor of a
/// non-participating organisation is refused and nothing is written), versioned saves with conflicts shown, CSV and pasted
/// data points (all or nothing, errors by line), the demo initiatives' signals, and the public summary page.
/// </summary>
public sealed class ImprovementTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private static readonly Guid Establishment = ImprovementDemoData.EstablishmentInitiativeId;
    private static readonly Guid Hylte = ImprovementDemoData.HylteInitiativeId;
    private static readonly string Initiative = $"/samordning/forbattring/{Establishment}";

    private Task<Guid> EstablishmentMeasureAsync() =>
        app.WithDbAsync(db => db.Set<Measure>().Where(m => m.InitiativeId == Establishment).Select(m => m.Id).FirstAsync());

    private Task<Initiative> LoadAsync(Guid id) => app.WithDbAsync(db => db.Set<Initiative>().AsNoTracking().FirstAsync(i => i.Id == id));

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string pageUrl, string postUrl, string fileName, string csv)
    {
        var token = await SamlaApp.GetAntiforgeryTokenAsync(client, pageUrl);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "CsvFile", fileName },
        };
        return await client.PostAsync(postUrl, content);
    }

    // --- POST /api/run-chart -------------------------------------------------------------------------------

    [Fact]
    public async Task Run_chart_api_answers_the_anhoej_analysis_in_snake_case()
    {
        using var client = app.CreateClient();
        // Hand-worked example (RunChartAnalysisTests): 1..24 rising, median 12.5, longest run 12 > 8, 1 crossing < 8.
        using var response = await client.PostAsJsonAsync("/api/run-chart", new { values = Enumerable.Range(1, 24).ToArray() });
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(body);
        var r = json.RootElement;
        Assert.Equal(24, r.GetProperty("n").GetInt32());
        Assert.Equal(24, r.GetProperty("n_useful").GetInt32());
        Assert.Equal(12.5, r.GetProperty("median").GetDouble());
        Assert.Equal(12, r.GetProperty("longest_run").GetInt32());
        Assert.Equal(8, r.GetProperty("longest_run_max").GetInt32());
        Assert.Equal(1, r.GetProperty("n_crossings").GetInt32());
        Assert.Equal(8, r.GetProperty("n_crossings_min").GetInt32());
        Assert.True(r.GetProperty("runs_signal").GetBoolean());
        Assert.Equal("[{\"from\":0,\"to\":11},{\"from\":12,\"to\":23}]", r.GetProperty("shifts").GetRawText());
        Assert.Equal(0, r.GetProperty("trends").GetArrayLength());
        Assert.False(r.TryGetProperty("ucl", out _)); // I-chart fields only for chart "i"
    }

    [Fact]
    public async Task Run_chart_api_i_chart_and_ihi_rules()
    {
        using var client = app.CreateClient();
        // qicharts2 i.limits, hand-worked in RunChartAnalysisTests: the 49 moving range is left out, 60 is outside.
        using var response = await client.PostAsJsonAsync("/api/run-chart", new { values = new[] { 10, 12, 11, 13, 12, 60, 11, 12 }, chart = "i", rules = "ihi" });
        using var json = JsonDocument.Parse(await response.AssertStatusAsync(HttpStatusCode.OK));
        var r = json.RootElement;
        Assert.Equal(17.625, r.GetProperty("cl").GetDouble(), 9);
        Assert.Equal(17.625 + 3 * (55.0 / 6 / 1.128), r.GetProperty("ucl").GetDouble(), 9);
        Assert.Equal("[5]", r.GetProperty("outside").GetRawText());
        Assert.Equal(5, r.GetProperty("longest_run_max").GetInt32()); // IHI: 6 or more is a shift
    }

    [Theory]
    [InlineData("""{"values": []}""", "empty")]
    [InlineData("""{"values": [1, "a", 3]}""", "[1]")]
    [InlineData("""{"values": [1, null]}""", "[1]")]
    [InlineData("""{"values": "1,2"}""", "array")]
    [InlineData("""{"values": [1, 2, 3], "rules": "shewhart"}""", "rules")]
    [InlineData("""{"values": [1, 2, 3], "chart": "p"}""", "chart")]
    [InlineData("""{"values": [1, 2, 3], "baseline": 0}""", "baseline")]
    [InlineData("""{"values": [1, 2, 3], "baseline": 4}""", "baseline")]
    [InlineData("""{"values": [1, 2, 3], "baseline": 1.5}""", "baseline")]
    [InlineData("""not json""", "JSON")]
    public async Task Run_chart_api_refuses_bad_input_with_problem_details(string json, string mentioned)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/run-chart", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_chart_api_takes_10000_points_but_not_10001()
    {
        using var client = app.CreateClient();
        using var ok = await client.PostAsJsonAsync("/api/run-chart", new { values = Enumerable.Range(0, 10_000).Select(i => i % 7).ToArray() });
        using var json = JsonDocument.Parse(await ok.AssertStatusAsync(HttpStatusCode.OK));
        Assert.Equal(10_000, json.RootElement.GetProperty("n").GetInt32());
        using var tooMany = await client.PostAsJsonAsync("/api/run-chart", new { values = new int[10_001] });
        Assert.Contains("10001", await tooMany.AssertStatusAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_chart_api_is_in_the_openapi_document()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/openapi/v1.json");
        Assert.Contains("/api/run-chart", body, StringComparison.Ordinal);
    }

    // --- Demo data ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Demo_initiatives_show_a_real_signal_three_cycles_and_one_public_summary()
    {
        var rows = await app.WithDbAsync(db => db.Set<Initiative>().AsNoTracking()
            .Where(i => i.Id == Establishment || i.Id == Hylte)
            .Select(i => new { i.Id, i.SummaryIsPublic, Published = i.SummaryPublishedAt != null, Cycles = i.Cycles.Count, Measures = i.Measures.ToList() })
            .ToListAsync());
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(3, row.Cycles);
            var first = row.Measures.OrderBy(m => m.Name).First(m => m.Rules == RuleSet.Anhoej);
            var points = await app.WithDbAsync(db => db.Set<MeasurePoint>().Where(p => p.MeasureId == first.Id).OrderBy(p => p.Date).Select(p => p.Value).ToListAsync());
            Assert.InRange(points.Count, 20, 30);
            Assert.True(RunChartAnalysis.Analyze(points, first.Baseline).RunsSignal, $"{first.Name} shows no signal");
        }
        Assert.Single(rows, r => r.Published && r.SummaryIsPublic);
    }

    [Fact]
    public async Task Initiative_page_explains_the_signal_in_words()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Reader, DemoAccounts.Password);
        var body = await client.AssertOkAsync(Initiative);
        Assert.Matches(@"1\d punkter i rad över medianen från \w+ \d{4} till \w+ \d{4}: ett skift i förbättringsriktningen", body); // 12, or more once the CSV test added points
        Assert.Contains("<svg role=\"img\"", body, StringComparison.Ordinal);
        // Dates in the chart are written out: the PDSA marks ("från 1 november 2025") and the time axis ("nov. 2024").
        Assert.Matches(@"<title>PDSA 1: [^<]+, från \d{1,2} [a-zåäö]+ \d{4}</title>", body);
        Assert.DoesNotMatch(@"från \d{4}-\d{2}-\d{2}|>\d{4}-\d{2}</text>", body);
        Assert.DoesNotContain("action=\"/samordning/forbattring/" + Establishment + "?handler=Cause", body, StringComparison.Ordinal); // readers get no forms
    }

    [Fact]
    public async Task Public_summary_is_shown_anonymously_only_when_made_public()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/larande/{Establishment}");
        Assert.Contains("Tidig kartläggning av ohälsa", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@samla.example", body, StringComparison.Ordinal);
        using var hidden = await client.GetAsync($"/larande/{Hylte}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var list = await client.AssertOkAsync("/larande?q=halsosamtal");
        Assert.Contains($"/larande/{Establishment}", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_search_uses_the_swedish_analysis()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Reader, DemoAccounts.Password);
        // "hänvisningslistan" is stored; "hanvisningslista" (folded, another form) finds it; an unknown word does not.
        Assert.Contains($"/samordning/larande/{Establishment}", await client.AssertOkAsync("/samordning/larande?q=hanvisningslista"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/samordning/larande/{Establishment}", await client.AssertOkAsync("/samordning/larande?q=flygplats"), StringComparison.Ordinal);
        var example = await client.AssertOkAsync($"/samordning/larande/{Establishment}");
        Assert.Contains("id=\"where-not-yet\"", example, StringComparison.Ordinal);
    }

    // --- Rights -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Editor_of_a_non_participating_organisation_is_refused_and_nothing_is_written()
    {
        // Röda Korset takes part in Hylte's initiative, not in Arbetsförmedlingen's.
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.OtherEditor, DemoAccounts.Password);
        var before = await LoadAsync(Establishment);
        var measureId = await EstablishmentMeasureAsync();
        var pointsBefore = await app.WithDbAsync(db => db.Set<MeasurePoint>().CountAsync(p => p.MeasureId == measureId));
        var causesBefore = await app.WithDbAsync(db => db.Set<InitiativeCause>().CountAsync(c => c.InitiativeId == Establishment));

        using (var r = await client.GetAsync($"{Initiative}/redigera/identifiera")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await SamlaApp.PostFormAsync(client, Initiative, $"{Initiative}/redigera/identifiera",
                   [new("Version", before.Version.ToString(CultureInfo.InvariantCulture)), new("Fields[Title]", "Kapad"), new("Fields[Problem]", "x"), new("Fields[Goal]", "x"), new("Fields[Purpose]", "x")]))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await SamlaApp.PostFormAsync(client, Initiative, $"{Initiative}?handler=Cause", [new("Category", "Methods"), new("CauseText", "Kapad")]))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await SamlaApp.PostFormAsync(client, Initiative, $"{Initiative}?handler=Phase", [new("NewPhase", "Closed"), new("Version", before.Version.ToString(CultureInfo.InvariantCulture))]))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await SamlaApp.PostFormAsync(client, Initiative, $"/samordning/forbattring/matt/{measureId}?handler=Paste", [new("Pasted", "2026-01-01;5")]))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await SamlaApp.PostFormAsync(client, Initiative, $"{Initiative}/pdsa/ny", [new("Input.Title", "Kapad"), new("Input.StartDate", "2026-01-01")]))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        var after = await LoadAsync(Establishment);
        Assert.Equal((before.Version, before.Title, before.Phase), (after.Version, after.Title, after.Phase));
        Assert.Equal(pointsBefore, await app.WithDbAsync(db => db.Set<MeasurePoint>().CountAsync(p => p.MeasureId == measureId)));
        Assert.Equal(causesBefore, await app.WithDbAsync(db => db.Set<InitiativeCause>().CountAsync(c => c.InitiativeId == Establishment)));
        Assert.False(await app.WithDbAsync(db => db.Set<PdsaCycle>().AnyAsync(c => c.Title == "Kapad")));
    }

    [Fact]
    public async Task Only_coordinators_make_a_summary_public()
    {
        using var editor = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password); // Halmstad participates
        var version = (await LoadAsync(Establishment)).Version;
        using (var r = await SamlaApp.PostFormAsync(editor, Initiative, $"{Initiative}?handler=Public", [new("MakePublic", "false"), new("Version", version.ToString(CultureInfo.InvariantCulture))]))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.True((await LoadAsync(Establishment)).SummaryIsPublic);
    }

    [Fact]
    public async Task Editor_starts_an_initiative_for_an_own_organisation_only()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var need = Samla.Web.Features.Needs.NeedsDemoData.HylteAsylumNeedId.ToString();
        var title = $"Test {Guid.NewGuid():N}";
        using (var r = await SamlaApp.PostFormAsync(client, "/samordning/forbattring/nytt", "/samordning/forbattring/nytt",
                   [new("Title", title), new("Owner", DemoData.OrganizationId("rodakorset").ToString()), new("behov", need)]))
        {
            Assert.Contains("Välj en organisation du får redigera", await r.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }
        Assert.False(await app.WithDbAsync(db => db.Set<Initiative>().AnyAsync(i => i.Title == title)));
        using (var r = await SamlaApp.PostFormAsync(client, "/samordning/forbattring/nytt", "/samordning/forbattring/nytt",
                   [new("Title", title), new("Owner", DemoData.OrganizationId("halmstad").ToString()), new("behov", need), new("Participants", DemoData.OrganizationId("rodakorset").ToString())]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var created = await app.WithDbAsync(db => db.Set<Initiative>().Include(i => i.Participants).Include(i => i.Needs).FirstAsync(i => i.Title == title));
        Assert.Equal(DemoData.OrganizationId("halmstad"), created.OwnerOrganizationId);
        Assert.Equal(DemoData.OrganizationId("rodakorset"), Assert.Single(created.Participants).OrganizationId);
        Assert.Single(created.Needs);

        // Röda Korset now participates, so its editor may edit this one.
        using var other = await app.CreateClientSignedInAsync(DemoAccounts.OtherEditor, DemoAccounts.Password);
        using var ok = await SamlaApp.PostFormAsync(other, $"/samordning/forbattring/{created.Id}", $"/samordning/forbattring/{created.Id}?handler=Cause",
            [new("Category", "Resources"), new("CauseText", "Ingen lokal i Torup")]);
        await ok.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.True(await app.WithDbAsync(db => db.Set<InitiativeCause>().AnyAsync(c => c.InitiativeId == created.Id && c.Text == "Ingen lokal i Torup")));
    }

    // --- Versioning and conflicts -------------------------------------------------------------------------

    [Fact]
    public async Task A_stale_save_shows_the_conflict_keeps_the_text_and_writes_nothing()
    {
        using var editor = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var url = $"/samordning/forbattring/{Hylte}/redigera/forbattra";
        var seen = (await LoadAsync(Hylte)).Version;
        // Hylte's participants are Röda Korset and Region Halland; the coordinator may edit anything.
        using (var r = await SamlaApp.PostFormAsync(coordinator, url, url, [new("Version", seen.ToString(CultureInfo.InvariantCulture)), new("Fields[ChangeIdeas]", "Samordnarens idéer")]))
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        var saved = await LoadAsync(Hylte);
        Assert.Equal(seen + 1, saved.Version);

        using var redCross = await app.CreateClientSignedInAsync(DemoAccounts.OtherEditor, DemoAccounts.Password);
        using (var r = await SamlaApp.PostFormAsync(redCross, url, url, [new("Version", seen.ToString(CultureInfo.InvariantCulture)), new("Fields[ChangeIdeas]", "Röda Korsets idéer")]))
        {
            var body = await r.AssertStatusAsync(HttpStatusCode.Conflict);
            Assert.Contains("id=\"conflict\"", body, StringComparison.Ordinal);
            Assert.Contains("Samordnarens idéer", body, StringComparison.Ordinal);
            Assert.Contains("Röda Korsets idéer", body, StringComparison.Ordinal); // the user's text is kept in the form
            Assert.Contains($"name=\"Version\" value=\"{saved.Version}\"", body, StringComparison.Ordinal);
        }
        Assert.Equal("Samordnarens idéer", (await LoadAsync(Hylte)).ChangeIdeas);

        // Sent again with the version now shown: saved, and both saves are in the audit log.
        using (var r = await SamlaApp.PostFormAsync(redCross, url, url, [new("Version", saved.Version.ToString(CultureInfo.InvariantCulture)), new("Fields[ChangeIdeas]", "Röda Korsets idéer")]))
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("Röda Korsets idéer", (await LoadAsync(Hylte)).ChangeIdeas);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Initiative) && a.EntityId == Hylte.ToString() && a.FieldName == "ChangeIdeas")
            .Select(a => a.NewValue).ToListAsync());
        Assert.Contains("Samordnarens idéer", audit);
        Assert.Contains("Röda Korsets idéer", audit);
    }

    // --- Data points --------------------------------------------------------------------------------------

    [Fact]
    public async Task Csv_import_is_all_or_nothing_with_errors_by_line()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var measureId = await EstablishmentMeasureAsync();
        var page = $"/samordning/forbattring/matt/{measureId}";
        var post = $"{page}?handler=Csv";
        Task<int> CountAsync() => app.WithDbAsync(db => db.Set<MeasurePoint>().CountAsync(p => p.MeasureId == measureId));
        var before = await CountAsync();

        const string bad = "datum;värde;anteckning\n2030-01-01;71;ok\n2030-13-01;70;fel månad\n2030-03-01;72\n2030-04-01;sjuttio;\n";
        using (var r = await PostMultipartAsync(client, page, post, "punkter.csv", bad))
        {
            var body = await r.AssertStatusAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Rad 3: ”2030-13-01” är inte ett datum", body, StringComparison.Ordinal);
            Assert.Contains("Rad 5: ”sjuttio” är inte ett tal", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Rad 2", body, StringComparison.Ordinal);
        }
        Assert.Equal(before, await CountAsync());

        using (var r = await PostMultipartAsync(client, page, post, "punkter.csv", "date,value,note\n2030-01-01,71.5,ok\n2030-02-01,73,\n"))
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(before + 2, await CountAsync());

        using (var r = await PostMultipartAsync(client, page, post, "fel.csv", "vecka;antal\n1;2\n"))
            Assert.Contains("Rubrikraden måste ha kolumnerna datum och värde", await r.AssertStatusAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_points_accept_tabs_semicolons_and_decimal_commas()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var measureId = await app.WithDbAsync(db => db.Set<Measure>().Where(m => m.InitiativeId == Hylte && m.Chart == ChartKind.I).Select(m => m.Id).FirstAsync());
        var page = $"/samordning/forbattring/matt/{measureId}";
        using (var r = await SamlaApp.PostFormAsync(client, page, $"{page}?handler=Paste", [new("Pasted", "Datum\tVärde\n2031-01-01\t9,5\tjanuari\n2031-02-01;8\n\n")]))
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        var added = await app.WithDbAsync(db => db.Set<MeasurePoint>().Where(p => p.MeasureId == measureId && p.Date >= new DateOnly(2031, 1, 1)).OrderBy(p => p.Date).ToListAsync());
        Assert.Equal([9.5, 8.0], added.Select(p => p.Value));
        Assert.Equal("januari", added[0].Note);

        using (var r = await SamlaApp.PostFormAsync(client, page, $"{page}?handler=Paste", [new("Pasted", "2031-03-01;7\n2031-04-01\n")]))
            Assert.Contains("Rad 2:", await r.AssertStatusAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<MeasurePoint>().AnyAsync(p => p.MeasureId == measureId && p.Date == new DateOnly(2031, 3, 1))));
    }

    [Fact]
    public async Task Pages_render_for_an_editor()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var measureId = await EstablishmentMeasureAsync();
        var board = await client.AssertOkAsync($"/samordning/forbattring?organisation={DemoData.OrganizationId("halmstad")}");
        Assert.Contains(Establishment.ToString(), board, StringComparison.Ordinal);
        Assert.DoesNotContain(Hylte.ToString(), board, StringComparison.Ordinal); // Halmstad is not in Hylte's initiative
        await client.AssertOkAsync($"{Initiative}/redigera/larande");
        await client.AssertOkAsync($"{Initiative}/matt/ny");
        await client.AssertOkAsync($"{Initiative}/pdsa/ny");
        Assert.Contains("PDSA 3", await client.AssertOkAsync($"{Initiative}/rapport"), StringComparison.Ordinal);
        Assert.Contains("Anhøjs regler", await client.AssertOkAsync($"/samordning/forbattring/matt/{measureId}"), StringComparison.Ordinal);
    }
}
