using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Coverage;

/// <summary>Registers coverage: the query, the county map and `GET /api/coverage` (JSON) with its CSV/XLSX export.</summary>
public static class CoverageSetup
{
    public const string DefaultBy = "municipality,target_group,layer";

    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddScoped<CoverageQuery>();
        services.AddSingleton<CountyMap>();
        return services;
    }

    public static IEndpointRouteBuilder MapCoverage(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coverage").RequireCors(Policies.OpenRead).WithTags("Coverage");
        api.MapGet("", GetAsync)
            .WithSummary("Coverage rows: active and stale public services per combination of the chosen dimensions, gaps included as zero rows.");
        api.MapGet("/export", ExportAsync)
            .WithSummary("The same rows as CSV or XLSX (format=csv|xlsx).");
        return app;
    }

    private static async Task<Results<Ok<List<Dictionary<string, object?>>>, ProblemHttpResult>> GetAsync(
        HttpContext http, CoverageQuery query, string? by, CancellationToken ct)
    {
        var (result, problem) = await RunAsync(http, query, by, ct);
        return result is null ? problem! : TypedResults.Ok(ToRows(result));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, CoverageQuery query, string? by, string? format, CancellationToken ct)
    {
        format = (format ?? "csv").ToLowerInvariant();
        if (!ExportTable.IsKnownFormat(format)) return TypedResults.Problem("format must be csv or xlsx.", statusCode: 400);
        var (result, problem) = await RunAsync(http, query, by, ct);
        return result is null ? problem! : await ToTable(result).ToResultAsync(format, ct);
    }

    private static async Task<(CoverageResult?, ProblemHttpResult?)> RunAsync(HttpContext http, CoverageQuery query, string? by, CancellationToken ct)
    {
        var dims = CoverageParameters.ReadBy(string.IsNullOrWhiteSpace(by) ? DefaultBy : by, out var error);
        if (dims is null) return (null, TypedResults.Problem(error, statusCode: 400));
        var request = new CoverageRequest(
            CoverageParameters.ReadCounty(http.Request.Query, api: true, http.RequestServices.GetRequiredService<IOptions<SamlaOptions>>().Value.CountyCode),
            dims,
            CoverageParameters.ReadFilter(http.Request.Query, api: true));
        try
        {
            return (await query.RunAsync(request, ct), null);
        }
        catch (CoverageTooLargeException e)
        {
            return (null, TypedResults.Problem(e.Message, statusCode: 400));
        }
    }

    /// <summary>JSON rows: each dimension's code and name in `by` order, then active_services and stale_services.</summary>
    public static List<Dictionary<string, object?>> ToRows(CoverageResult result)
    {
        var by = result.Request.By;
        return result.Cells.Select(c =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < by.Count; i++)
            {
                row[by[i].ApiKey()] = c.Keys[i];
                row[by[i].ApiKey() + "_name"] = result.Label(by[i], c.Keys[i]);
            }
            row["active_services"] = c.Active;
            row["stale_services"] = c.Stale;
            return row;
        }).ToList();
    }

    public static ExportTable ToTable(CoverageResult result)
    {
        var by = result.Request.By;
        var headers = by.SelectMany(d => new[] { d.ApiKey(), d.ApiKey() + "_name" }).Concat(["active_services", "stale_services"]).ToList();
        var rows = result.Cells.Select(c => (IReadOnlyList<object?>)by.SelectMany((d, i) => new object?[] { c.Keys[i], result.Label(d, c.Keys[i]) })
            .Concat([c.Active, c.Stale]).ToList()).ToList();
        var name = "coverage-" + result.Request.County + "-" + string.Join('-', by.Select(d => d.ApiKey()));
        return new ExportTable(name, "coverage", headers, rows);
    }
}
