using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Exchange;

namespace Samla.Tests.Exchange;

/// <summary>Who may write: API keys (hashed) for POST /api/hsds/import, coordinators for the upload page, administrators for keys.</summary>
public sealed class AccessTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private Task<string> CreateKeyAsync(string name) =>
        app.WithDbAsync(async db => (await ApiKeyStore.CreateAsync(db, name, "test", default)).Key);

    private static string ServiceLine(Guid id, string name, string layer = "2") => JsonSerializer.Serialize(new
    {
        id, name, status = "active", description = "Från API-testet.",
        organization = new { id = Guid.Parse("4b7f8f53-5a43-4cf0-9d55-54e8f0bb0d1e"), name = "API-testets förening", description = "" },
        attributes = new object[]
        {
            new { taxonomy_term = new { taxonomy = "samla-target-groups", code = "refugees", name = "x", description = "" } },
            new { taxonomy_term = new { taxonomy = "iasc-mhpss-layers", code = layer, name = "x", description = "" } },
        },
        service_areas = new[] { new { uri = "urn:se:scb:kommun:1380" } },
    });

    [Fact]
    public async Task Import_endpoint_needs_a_valid_key()
    {
        using var client = app.CreateClient();
        using var body = new StringContent(ServiceLine(Guid.NewGuid(), "Utan nyckel") + "\n", Encoding.UTF8, "application/x-ndjson");
        using var none = await client.PostAsync("/api/hsds/import", body);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/hsds/import") { Content = new StringContent("[]") };
        wrong.Headers.Add(ApiKeyStore.Header, "samla_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Import_endpoint_imports_and_reports_problems_as_422()
    {
        var key = await CreateKeyAsync("Regionportalen");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyStore.Header, key);
        var id = Guid.NewGuid();
        using var ok = await client.PostAsync("/api/hsds/import", new StringContent(ServiceLine(id, "Via API:t") + "\n", Encoding.UTF8, "application/x-ndjson"));
        var okBody = await ok.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, JsonDocument.Parse(okBody).RootElement.GetProperty("created").GetInt32());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.UserName).FirstAsync());
        Assert.Equal("api:Regionportalen", audit);

        using var bad = await client.PostAsync("/api/hsds/import", new StringContent(ServiceLine(Guid.NewGuid(), "Fel nivå", layer: "9") + "\n", Encoding.UTF8, "application/x-ndjson"));
        var badBody = await bad.AssertStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(badBody).RootElement.GetProperty("problems")[0];
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
        Assert.Contains("iasc-mhpss-layers", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_stored_hashed_and_can_be_revoked()
    {
        var key = await CreateKeyAsync("Att återkalla");
        var row = await app.WithDbAsync(db => db.Set<ApiKey>().AsNoTracking().FirstAsync(k => k.Name == "Att återkalla"));
        Assert.NotEqual(key, row.Hash);
        Assert.DoesNotContain(key, row.Hash + row.Prefix, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), row.Hash);

        var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using var revoke = await SamlaApp.PostFormAsync(admin, "/admin/api-nycklar", "/admin/api-nycklar?handler=Revoke", [new("id", row.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyStore.Header, key);
        using var response = await client.PostAsync("/api/hsds/import", new StringContent("[]"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_creates_a_key_shown_once()
    {
        var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using var created = await SamlaApp.PostFormAsync(admin, "/admin/api-nycklar", "/admin/api-nycklar?handler=Create", [new("name", "Nationella portalen")]);
        var html = await created.AssertStatusAsync(HttpStatusCode.OK);
        var key = System.Text.RegularExpressions.Regex.Match(html, "<code>(samla_[A-Za-z0-9_-]+)</code>").Groups[1].Value;
        Assert.NotEmpty(key);
        using var again = await admin.GetAsync("/admin/api-nycklar");
        Assert.DoesNotContain(key, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        using var denied = await coordinator.GetAsync("/admin/api-nycklar");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task Only_coordinators_and_administrators_reach_the_upload_page()
    {
        using var anonymous = app.CreateBrowserClient();
        using (var r = await anonymous.GetAsync("/samordning/import")) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var editor = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using (var r = await editor.GetAsync("/samordning/import"))
        {
            Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, r.StatusCode.ToString());
            if (r.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/konto/nekad", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using (var r = await admin.GetAsync("/samordning/import")) await r.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Coordinator_previews_then_confirms_an_upload()
    {
        var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var id = Guid.NewGuid();
        var token = await SamlaApp.GetAntiforgeryTokenAsync(coordinator, "/samordning/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ServiceLine(id, "Uppladdad tjänst") + "\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        form.Add(file, "upload", "tjanster.ndjson");
        using var preview = await coordinator.PostAsync("/samordning/import?handler=Preview", form);
        var html = await preview.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Uppladdad tjänst", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Id == id)));

        var uploadToken = System.Text.RegularExpressions.Regex.Match(html, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var confirmToken = Html.AntiforgeryToken(html)!;
        using var confirm = await coordinator.PostAsync("/samordning/import?handler=Confirm", new FormUrlEncodedContent(
        [
            new("token", uploadToken), new("fileName", "tjanster.ndjson"), new("__RequestVerificationToken", confirmToken),
        ]));
        var done = await confirm.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"done\"", done, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.UserName).FirstAsync());
        Assert.Equal(DemoAccounts.Coordinator, audit);

        using var noToken = await coordinator.PostAsync("/samordning/import?handler=Confirm", new FormUrlEncodedContent([new("token", uploadToken)]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }
}
