using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Exchange.Import;

namespace Samla.Web.Features.Exchange;

/// <summary>Registers the Exchange feature: HSDS API, import/export, calendar feeds, API keys.</summary>
public static class ExchangeSetup
{
    /// <summary>Largest file the upload page and the import endpoint take (a 50 MB file with room to spare).</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static IServiceCollection AddExchange(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportHsdsFile>();
        services.AddScoped<PendingUploads>();
        services.AddScheduledJob<PendingUploadCleanupJob>();
        services.AddScoped<ExportHsdsData>();
        services.AddSingleton<HsdsServiceCache>();
        services.AddScoped<BackupDatabase>();
        services.AddScoped<RestoreDatabase>();
        services.AddExchangeCommands();
        services.AddApiProblems();
        return services;
    }

    public static IEndpointRouteBuilder MapExchange(this IEndpointRouteBuilder app)
    {
        app.MapHsdsApi();
        app.MapCalendarFeed();
        app.MapPost("/api/hsds/import", ImportAsync).WithTags("HSDS").WithName("HsdsImport")
            .WithDescription("Imports a file (HSDS JSON or NDJSON, a tabular data package zip, or the template as CSV/XLSX) sent as the request body; needs X-Api-Key.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .DisableAntiforgery();
        app.MapGet("/samordning/import/mall.csv", () => TypedResults.File(ServiceTemplate.EmptyCsv(), "text/csv; charset=utf-8", "samla-mall.csv"))
            .ExcludeFromDescription();
        app.MapGet("/samordning/import/mall.xlsx", () => TypedResults.File(ServiceTemplate.EmptyXlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "samla-mall.xlsx")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Summary of a successful import through the API; snake_case as the rest of the API.</summary>
    public sealed record ImportSummary(
        [property: JsonPropertyName("written")] bool Written,
        [property: JsonPropertyName("dry_run")] bool DryRun,
        [property: JsonPropertyName("created")] int Created,
        [property: JsonPropertyName("updated")] int Updated,
        [property: JsonPropertyName("unchanged")] int Unchanged);

    private static async Task<Results<Ok<ImportSummary>, UnauthorizedHttpResult, ProblemHttpResult>> ImportAsync(
        HttpRequest request, SamlaDbContext db, ImportHsdsFile importer, IStringLocalizer<ExchangeText> t, CancellationToken ct,
        bool dry_run = false)
    {
        try
        {
            return await ImportCoreAsync(request, db, importer, t, dry_run, ct);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            // Nothing was written (the import is one transaction): the client may send the same file again.
            request.HttpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Import_DatabaseUnavailable"],
                detail: t["Import_DatabaseUnavailableDetail", DatabaseUnavailable.RetryAfterSeconds]);
        }
    }

    private static async Task<Results<Ok<ImportSummary>, UnauthorizedHttpResult, ProblemHttpResult>> ImportCoreAsync(
        HttpRequest request, SamlaDbContext db, ImportHsdsFile importer, IStringLocalizer<ExchangeText> t, bool dryRun, CancellationToken ct)
    {
        var key = await ApiKeyStore.FindAsync(db, request.Headers[ApiKeyStore.Header].FirstOrDefault(), ct);
        if (key is null) return TypedResults.Unauthorized();
        key.LastUsedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var temp = Path.Combine(Path.GetTempPath(), "samla-api-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = File.Create(temp)) await request.Body.CopyToAsync(file, ct);
            var result = await importer.RunAsync(temp, dryRun, "api:" + key.Name, null, ct);
            if (!result.IsValid)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: t["Import_Invalid", result.Problems.Count],
                    extensions: new Dictionary<string, object?>
                    {
                        ["problems"] = result.Problems.Select(p => new
                        {
                            file = p.File, line = p.IsRecordNumber ? (int?)null : p.Line, record = p.IsRecordNumber ? p.Line : (int?)null,
                            field = p.Field, message = ImportMessages.Message(p, t),
                        }).ToList(),
                    });
            }
            return TypedResults.Ok(new ImportSummary(result.Written, dryRun, result.Created, result.Updated, result.Unchanged));
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
