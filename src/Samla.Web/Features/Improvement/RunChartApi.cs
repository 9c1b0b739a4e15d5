using System.Text.Json;
using System.Text.Json.Serialization;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Improvement;

/// <summary>The request of <c>POST /api/run-chart</c>.</summary>
public sealed record RunChartRequest(
    [property: JsonPropertyName("values")] double[] Values,
    [property: JsonPropertyName("baseline")] int? Baseline = null,
    [property: JsonPropertyName("rules")] string? Rules = "anhoej",
    [property: JsonPropertyName("chart")] string? Chart = "run");

public sealed record RunChartSpan([property: JsonPropertyName("from")] int From, [property: JsonPropertyName("to")] int To);

/// <summary>The answer of <c>POST /api/run-chart</c>; cl, ucl, lcl and outside only for the I chart.</summary>
public sealed record RunChartResponse
{
    [JsonPropertyName("n")] public int N { get; init; }
    [JsonPropertyName("n_useful")] public int NUseful { get; init; }
    [JsonPropertyName("median")] public double? Median { get; init; }
    [JsonPropertyName("longest_run")] public int? LongestRun { get; init; }
    [JsonPropertyName("longest_run_max")] public int? LongestRunMax { get; init; }
    [JsonPropertyName("n_crossings")] public int? NCrossings { get; init; }
    [JsonPropertyName("n_crossings_min")] public int? NCrossingsMin { get; init; }
    /// <summary>IHI only: the upper limit of crossings (the table's upper limit of runs − 1).</summary>
    [JsonPropertyName("n_crossings_max"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? NCrossingsMax { get; init; }
    [JsonPropertyName("runs_signal")] public bool RunsSignal { get; init; }
    [JsonPropertyName("shifts")] public IReadOnlyList<RunChartSpan> Shifts { get; init; } = [];
    [JsonPropertyName("trends")] public IReadOnlyList<RunChartSpan> Trends { get; init; } = [];
    [JsonPropertyName("cl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Cl { get; init; }
    [JsonPropertyName("ucl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Ucl { get; init; }
    [JsonPropertyName("lcl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Lcl { get; init; }
    [JsonPropertyName("outside"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<int>? Outside { get; init; }

    public static RunChartResponse From(RunChartResult r) => new()
    {
        N = r.N,
        NUseful = r.NUseful,
        Median = r.Median,
        LongestRun = r.LongestRun,
        LongestRunMax = r.LongestRunMax,
        NCrossings = r.NCrossings,
        NCrossingsMin = r.NCrossingsMin,
        NCrossingsMax = r.NCrossingsMax,
        RunsSignal = r.RunsSignal,
        Shifts = [.. r.Shifts.Select(s => new RunChartSpan(s.From, s.To))],
        Trends = [.. r.Trends.Select(s => new RunChartSpan(s.From, s.To))],
        Cl = r.Chart == ChartKind.I ? r.Cl : null,
        Ucl = r.Chart == ChartKind.I ? r.Ucl : null,
        Lcl = r.Chart == ChartKind.I ? r.Lcl : null,
        Outside = r.Chart == ChartKind.I ? r.Outside : null,
    };
}

/// <summary>
/// <c>POST /api/run-chart</c>: the run chart analysis as JSON for other tools. It stores nothing, so it is open to anyone,
/// under the public rate limit. The body is read by hand so that each kind of bad input gets its own problem text.
/// </summary>
public static class RunChartApi
{
    public static IEndpointRouteBuilder MapRunChartApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/run-chart", HandleAsync)
            .WithTags("Improvement").WithName("RunChart")
            .WithSummary("Run chart analysis (Anhøj or IHI rules; run chart or I chart) of a series of numbers. Stores nothing.")
            .Accepts<RunChartRequest>("application/json")
            .Produces<RunChartResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(AppSetup.PublicFormRateLimit)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Problem("The body must be a JSON object.");
        }
        using (doc)
        {
            var (parsed, error) = Parse(doc.RootElement);
            if (parsed is null) return Problem(error!);
            var result = RunChartAnalysis.Analyze(parsed.Value.Values, parsed.Value.Baseline, parsed.Value.Rules, parsed.Value.Chart);
            return TypedResults.Ok(RunChartResponse.From(result));
        }
    }

    private static IResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid run chart request");

    /// <summary>Validates the request; the error text names what is wrong.</summary>
    public static ((double[] Values, int? Baseline, RuleSet Rules, ChartKind Chart)? Request, string? Error) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object.");
        if (!root.TryGetProperty("values", out var valuesElement) || valuesElement.ValueKind != JsonValueKind.Array)
            return (null, "'values' must be an array of numbers.");
        var count = valuesElement.GetArrayLength();
        if (count == 0) return (null, "'values' is empty.");
        if (count > RunChartAnalysis.MaxPoints) return (null, $"'values' has {count} points; at most {RunChartAnalysis.MaxPoints} are allowed.");
        var values = new double[count];
        var i = 0;
        foreach (var v in valuesElement.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
                return (null, $"'values'[{i}] is not a number.");
            values[i++] = d;
        }
        int? baseline = null;
        if (root.TryGetProperty("baseline", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            if (b.ValueKind != JsonValueKind.Number || !b.TryGetInt32(out var bv)) return (null, "'baseline' must be a whole number.");
            if (bv < 1 || bv > count) return (null, $"'baseline' must be between 1 and the number of values ({count}).");
            baseline = bv;
        }
        var rules = RuleSet.Anhoej;
        if (root.TryGetProperty("rules", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            switch (r.ValueKind == JsonValueKind.String ? r.GetString() : null)
            {
                case "anhoej": rules = RuleSet.Anhoej; break;
                case "ihi": rules = RuleSet.Ihi; break;
                default: return (null, "'rules' must be \"anhoej\" or \"ihi\".");
            }
        }
        var chart = ChartKind.Run;
        if (root.TryGetProperty("chart", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            switch (c.ValueKind == JsonValueKind.String ? c.GetString() : null)
            {
                case "run": chart = ChartKind.Run; break;
                case "i": chart = ChartKind.I; break;
                default: return (null, "'chart' must be \"run\" or \"i\".");
            }
        }
        return ((values, baseline, rules, chart), null);
    }
}
