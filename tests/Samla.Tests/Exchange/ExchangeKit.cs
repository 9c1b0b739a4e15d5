using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Exchange;
using Samla.Web.Features.Exchange.Import;

namespace Samla.Tests.Exchange;

/// <summary>Helpers for the Exchange tests: HSDS schema validation (copies of ../shared/hsds in Schemas/), import, export, temp files.</summary>
public static class ExchangeKit
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    // HSDS schemas carry their own keywords (name, path, datapackage_metadata…): allow them, as draft 2020-12 does.
    private static readonly BuildOptions Build = new()
    {
        Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true),
    };

    public static JsonSchema Schema(string file) => Schemas.GetOrAdd(file, f =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Exchange", "Schemas", f)),
            Build, new Uri($"https://samla.test/schemas/{f}")));

    public static void AssertValid(string schemaFile, JsonElement instance)
    {
        var result = Schema(schemaFile).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
        Assert.Fail($"Not valid against {schemaFile}:\n{string.Join("\n", errors.Take(20))}\n{Excerpt(instance)}");
    }

    public static void AssertPage(string itemSchema, JsonElement page)
    {
        foreach (var name in new[] { "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents" })
        {
            Assert.True(page.TryGetProperty(name, out _), $"Page has no {name}.");
        }
        foreach (var item in page.GetProperty("contents").EnumerateArray()) AssertValid(itemSchema, item);
    }

    private static string Excerpt(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 1500 ? text[..1500] + "…" : text;
    }

    public static Task<ImportResult> ImportAsync(SamlaApp app, string path, bool dryRun = false) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ImportHsdsFile>().RunAsync(path, dryRun, "test-import", null, CancellationToken.None));

    public static Task<int> ExportAsync(SamlaApp app, string format, string path) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ExportHsdsData>().RunAsync(format, path, CancellationToken.None));

    public static string TempPath(string extension = "")
    {
        var folder = Path.Combine(Path.GetTempPath(), "samla-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
    }

    public static string Problems(ImportResult r) =>
        string.Join("\n", r.Problems.Select(p => $"{p.File} {p.Line} {p.Field} {p.Key} {string.Join(",", p.Args)}"));
}
