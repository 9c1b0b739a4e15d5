using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Samla.Web.Features.Search;

/// <summary>The stages a search answer goes through, timed separately (see <see cref="SearchStages"/>).</summary>
public enum SearchStage
{
    /// <summary>Reading the query string into a <see cref="SearchRequest"/>.</summary>
    Parse,

    /// <summary>Free text: analysing the words and finding their documents (Lucene, cached per word).</summary>
    Text,

    /// <summary>Filters: the bit sets of the chosen values, combined.</summary>
    Filters,

    /// <summary>Facet counts (the search page only).</summary>
    Facets,

    /// <summary>Ordering and cutting out the requested page.</summary>
    Paging,

    /// <summary>Database reads for the answer (the API reads the full services of the page).</summary>
    Database,

    /// <summary>Turning the result into HTML or JSON, and everything else the request did (routing, middleware, writing).</summary>
    Render,
}

/// <summary>
/// Cumulative time per stage of search answers, and the number of answers, as the meter <c>Samla.Search</c>
/// (gauges of totals, so a reader takes differences: <c>dotnet-counters collect --counters Samla.Search</c>, or any
/// OpenTelemetry exporter). A few interlocked additions per request; the benchmark prints the mean per answer.
/// </summary>
public static class SearchStages
{
    public const string MeterName = "Samla.Search";

    private static readonly long[] Ticks = new long[Enum.GetValues<SearchStage>().Length];
    private static long pages, apis;

    private static readonly Meter Meter = new(MeterName);

    static SearchStages()
    {
        Meter.CreateObservableGauge("samla.search.stage.total", () =>
            Enum.GetValues<SearchStage>().Select(s => new Measurement<double>(
                Volatile.Read(ref Ticks[(int)s]) * 1_000_000.0 / Stopwatch.Frequency, new KeyValuePair<string, object?>("stage", s.ToString().ToLowerInvariant()))),
            unit: "us", description: "Time spent in each stage of search answers since start (microseconds).");
        Meter.CreateObservableGauge("samla.search.answers.total", () => new[]
        {
            new Measurement<long>(Volatile.Read(ref pages), new KeyValuePair<string, object?>("kind", "page")),
            new Measurement<long>(Volatile.Read(ref apis), new KeyValuePair<string, object?>("kind", "api")),
        }, description: "Search answers computed since start (not those served from the output cache).");
    }

    private static readonly AsyncLocal<Answer?> Current = new();

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="stage"/> and moves <paramref name="start"/> to now.</summary>
    public static void Add(SearchStage stage, ref long start)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[(int)stage], now - start);
        if (Current.Value is { } answer) answer.Timed += now - start;
        start = now;
    }

    /// <summary>
    /// Starts timing one answer (call it first thing in the handler): when the request ends, its time since then less the
    /// stages recorded for it counts as <see cref="SearchStage.Render"/>.
    /// </summary>
    public static void BeginAnswer(HttpContext context, bool api)
    {
        Interlocked.Increment(ref api ? ref apis : ref pages);
        var answer = new Answer();
        Current.Value = answer;
        context.Response.RegisterForDispose(answer);
    }

    private sealed class Answer : IDisposable
    {
        private readonly long start = Stopwatch.GetTimestamp();

        public long Timed;

        public void Dispose()
        {
            var rest = Stopwatch.GetTimestamp() - start - Timed;
            if (rest > 0) Interlocked.Add(ref Ticks[(int)SearchStage.Render], rest);
        }
    }
}
