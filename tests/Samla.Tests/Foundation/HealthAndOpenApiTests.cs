using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samla.Tests.Infrastructure;

namespace Samla.Tests.Foundation;

public sealed class HealthAndOpenApiTests(SamlaAppWithoutDemoData app) : IClassFixture<SamlaAppWithoutDemoData>
{
    [Fact]
    public async Task Health_answers_Healthy_when_the_database_answers()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/health");
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Health_check_includes_the_database()
    {
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.True(report.Entries.ContainsKey("database"), "no health check named 'database': " + string.Join(", ", report.Entries.Keys));
        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
    }

    [Fact]
    public async Task OpenApi_document_is_valid_json_with_an_openapi_version()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/openapi/v1.json");
        var schema = JsonSchema.FromText("""
            {
              "type": "object",
              "required": ["openapi", "info", "paths"],
              "properties": {
                "openapi": { "type": "string", "pattern": "^3\\." },
                "info": { "type": "object", "required": ["title", "version"] },
                "paths": { "type": "object" }
              }
            }
            """);
        using var doc = JsonDocument.Parse(body);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "OpenAPI document does not match the minimal shape:\n" + JsonSerializer.Serialize(result) + "\n" + HttpAssert.Excerpt(body));
        Assert.NotNull(JsonNode.Parse(body)!["openapi"]);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/finns-inte")]
    [InlineData("/")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"no CSP on {url} ({(int)response.StatusCode})");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"), $"no Referrer-Policy on {url}");
    }

    [Fact]
    public async Task Unknown_path_is_404()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/finns-inte-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
