using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Exchange.Import;
using Samla.Web.Infrastructure;

namespace Samla.Tests.Cluster;

/// <summary>What several instances share lives in the database: the previewed import, and the settings for running behind a proxy.</summary>
public sealed class SharedStateTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task A_previewed_upload_waits_in_the_database_and_only_its_uploader_can_confirm_it()
    {
        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var id = Guid.NewGuid();
        var token = await SamlaApp.GetAntiforgeryTokenAsync(coordinator, "/samordning/import");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ServiceLine(id) + "\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        form.Add(file, "upload", "delad.ndjson");
        using var preview = await coordinator.PostAsync("/samordning/import?handler=Preview", form);
        var html = await preview.AssertStatusAsync(HttpStatusCode.OK);
        var uploadToken = Regex.Match(html, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var upload = await app.WithDbAsync(db => db.Set<PendingUpload>().AsNoTracking().SingleAsync(u => u.Id == Guid.ParseExact(uploadToken, "N")));
        Assert.Equal("delad.ndjson", upload.FileName);
        Assert.Equal(PendingUploads.Lifetime, upload.ExpiresAt - upload.CreatedAt);
        Assert.Empty(Directory.Exists(Path.Combine(Path.GetTempPath(), "samla-import"))
            ? Directory.GetFiles(Path.Combine(Path.GetTempPath(), "samla-import"), uploadToken + "*") : []);

        // Another coordinator-level user cannot confirm someone else's upload.
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using var foreign = await SamlaApp.PostFormAsync(admin, "/samordning/import", "/samordning/import?handler=Confirm",
            [new("token", uploadToken), new("fileName", "delad.ndjson")]);
        Assert.DoesNotContain("id=\"done\"", await foreign.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Id == id)));

        using var confirm = await SamlaApp.PostFormAsync(coordinator, "/samordning/import", "/samordning/import?handler=Confirm",
            [new("token", uploadToken), new("fileName", "delad.ndjson")]);
        Assert.Contains("id=\"done\"", await confirm.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.Set<PendingUpload>().AnyAsync(u => u.Id == upload.Id)));
    }

    [Fact]
    public async Task Expired_uploads_are_removed_by_the_cleanup_job()
    {
        var now = DateTime.UtcNow;
        PendingUpload Upload(TimeSpan expiresIn) => new()
        {
            Id = Guid.NewGuid(), FileName = "x.ndjson", Content = [1, 2, 3], CreatedAt = now - PendingUploads.Lifetime, ExpiresAt = now + expiresIn,
        };
        var expired = Upload(TimeSpan.FromMinutes(-1));
        var waiting = Upload(TimeSpan.FromMinutes(30));
        await app.WithDbAsync(async db =>
        {
            db.AddRange(expired, waiting);
            await db.SaveChangesAsync();
        });
        await app.RunJobAsync("import-upload-cleanup");
        var left = await app.WithDbAsync(db => db.Set<PendingUpload>().Where(u => u.Id == expired.Id || u.Id == waiting.Id).Select(u => u.Id).ToListAsync());
        Assert.Equal([waiting.Id], left);
    }

    [Fact]
    public async Task No_instance_header_unless_the_instance_is_named()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync("/health");
        Assert.False(response.Headers.Contains(HostingOptions.InstanceHeader));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.0/24", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("nginx.internal", false)]
    [InlineData("10.0.0.0/33", false)]
    public void Trusted_proxies_are_addresses_or_networks(string value, bool valid)
    {
        Assert.Equal(valid, HostingOptions.TryParse(value, out _));
        var problem = HostingOptions.Problem(new HostingOptions { TrustedProxies = [value] });
        if (valid) Assert.Null(problem);
        else Assert.Contains(value, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Instance_names_are_short_visible_ascii()
    {
        Assert.Null(HostingOptions.Problem(new HostingOptions { InstanceName = "app-1" }));
        Assert.NotNull(HostingOptions.Problem(new HostingOptions { InstanceName = "app 1" }));
        Assert.NotNull(HostingOptions.Problem(new HostingOptions { ForwardLimit = 0 }));
    }

    private static string ServiceLine(Guid id) => System.Text.Json.JsonSerializer.Serialize(new
    {
        id, name = "Delad uppladdning", status = "active", description = "Från testet av delat tillstånd.",
        organization = new { id = Guid.Parse("0d9c2b7e-51a4-4e0b-8c7a-3f2e9b1d6a55"), name = "Delade testets förening", description = "" },
        attributes = new object[]
        {
            new { taxonomy_term = new { taxonomy = "samla-target-groups", code = "refugees", name = "x", description = "" } },
            new { taxonomy_term = new { taxonomy = "iasc-mhpss-layers", code = "2", name = "x", description = "" } },
        },
        service_areas = new[] { new { uri = "urn:se:scb:kommun:1380" } },
    });
}
