using System.Numerics;

namespace Samla.Web.Features.Improvement;

/// <summary>The rule set a measure's chart is read with.</summary>
public enum RuleSet
{
    /// <summary>Anhøj's rules as in the R package qicharts2 (the default).</summary>
    Anhoej,
    /// <summary>The IHI rules of Perla, Provost &amp; Murray (2011).</summary>
    Ihi,
}

/// <summary>What is drawn: a run chart around the median, or an I chart (XmR) around the mean.</summary>
public enum ChartKind
{
    Run,
    I,
}

/// <summary>A stretch of points, by 0-based index, both ends included.</summary>
public sealed record PointSpan(int From, int To);

/// <summary>The result of <see cref="RunChartAnalysis.Analyze"/>; null where a figure is undefined (e.g. no useful points).</summary>
public sealed record RunChartResult
{
    public required int N { get; init; }
    /// <summary>Points not on the centre line (the median of a run chart, the mean of an I chart).</summary>
    public required int NUseful { get; init; }
    public required double? Median { get; init; }
    public required int? LongestRun { get; init; }
    /// <summary>Anhøj: round(log2(n_useful) + 3). IHI: 5 (a run of 6 or more is a shift).</summary>
    public required int? LongestRunMax { get; init; }
    public required int? NCrossings { get; init; }
    /// <summary>Anhøj: qbinom(0.05, n_useful − 1, 0.5). IHI: the table's lower limit of runs − 1 (10 to 60 useful points).</summary>
    public required int? NCrossingsMin { get; init; }
    /// <summary>IHI only: the table's upper limit of runs − 1.</summary>
    public int? NCrossingsMax { get; init; }
    public required bool RunsSignal { get; init; }
    public required IReadOnlyList<PointSpan> Shifts { get; init; }
    public required IReadOnlyList<PointSpan> Trends { get; init; }
    /// <summary>IHI: fewer runs than the table allows.</summary>
    public bool TooFewRuns { get; init; }
    /// <summary>IHI: more runs than the table allows.</summary>
    public bool TooManyRuns { get; init; }
    /// <summary>Anhøj: fewer crossings than n_crossings_min.</summary>
    public bool TooFewCrossings { get; init; }
    public double? Cl { get; init; }
    public double? Ucl { get; init; }
    public double? Lcl { get; init; }
    public IReadOnlyList<int> Outside { get; init; } = [];
    /// <summary>IHI: points the team flagged as astronomical (obviously different), echoed back so the chart can mark them.</summary>
    public IReadOnlyList<int> Astronomical { get; init; } = [];
    public required RuleSet Rules { get; init; }
    public required ChartKind Chart { get; init; }

    public bool AnySignal => RunsSignal || Outside.Count > 0 || Astronomical.Count > 0;
}

/// <summary>
/// Run chart and I chart analysis, pure functions.
/// <para>Anhøj (qicharts2's <c>runs.analysis</c>): the centre line is the median of the baseline points (all when no
/// baseline); points exactly on it are not useful and are dropped; longest_run is the longest sequence of useful points
/// on one side, n_crossings the number of side changes between consecutive useful points;
/// longest_run_max = round(log2(n_useful)) + 3 and n_crossings_min = qbinom(0.05, n_useful − 1, 0.5); a signal when
/// longest_run &gt; longest_run_max or n_crossings &lt; n_crossings_min.</para>
/// <para>IHI (Perla, Provost &amp; Murray 2011): shift = 6 or more consecutive useful points on one side; trend = 5 or more
/// points all rising or all falling, equal neighbours neither counting nor breaking it; too few or too many runs by the
/// article's table (10 to 60 useful points); astronomical points flagged by the team.</para>
/// <para>I chart (qicharts2's <c>i.limits</c>): CL = mean of the baseline points; moving ranges of the baseline points;
/// those ≥ 3.267 × their mean are left out and the mean recomputed; limits = CL ± 3 × MR̄ / 1.128; points outside
/// are signals; the runs analysis is then done around CL.</para>
/// </summary>
public static class RunChartAnalysis
{
    public const int MaxPoints = 10_000;

    public static RunChartResult Analyze(IReadOnlyList<double> values, int? baseline = null, RuleSet rules = RuleSet.Anhoej,
        ChartKind chart = ChartKind.Run, IReadOnlyCollection<int>? astronomical = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException("Values must be finite numbers.", nameof(values));
        if (baseline is { } b && (b < 1 || b > values.Count)) throw new ArgumentOutOfRangeException(nameof(baseline));
        var n = values.Count;
        var basePoints = values.Take(baseline ?? n).ToArray();
        var median = n == 0 ? (double?)null : Median(basePoints);

        double? cl = null, ucl = null, lcl = null;
        List<int> outside = [];
        if (chart == ChartKind.I && n > 0)
        {
            (cl, ucl, lcl) = ILimits(basePoints);
            if (ucl is { } u && lcl is { } l)
            {
                for (var i = 0; i < n; i++) if (values[i] > u || values[i] < l) outside.Add(i);
            }
        }
        var centre = chart == ChartKind.I ? cl : median;

        // Useful points: their side of the centre line, with their original index.
        var useful = new List<(int Index, int Side)>();
        if (centre is { } c)
        {
            for (var i = 0; i < n; i++)
            {
                var side = Math.Sign(values[i] - c);
                if (side != 0) useful.Add((i, side));
            }
        }
        var runs = Runs(useful);
        var nUseful = useful.Count;
        int? longestRun = nUseful == 0 ? null : runs.Max(r => r.Length);
        int? crossings = nUseful == 0 ? null : Math.Max(runs.Count - 1, 0);
        var astro = (astronomical ?? []).Where(i => i >= 0 && i < n).Distinct().Order().ToList();
        // What both rule sets report alike; each adds its own limits and signals below.
        var common = new RunChartResult
        {
            N = n,
            NUseful = nUseful,
            Median = median,
            LongestRun = longestRun,
            LongestRunMax = null,
            NCrossings = crossings,
            NCrossingsMin = null,
            RunsSignal = false,
            Shifts = [],
            Trends = [],
            Cl = cl,
            Ucl = ucl,
            Lcl = lcl,
            Outside = outside,
            Astronomical = astro,
            Rules = rules,
            Chart = chart,
        };

        if (rules == RuleSet.Anhoej)
        {
            int? longestRunMax = nUseful == 0 ? null : LongestRunMax(nUseful);
            int? crossingsMin = nUseful == 0 ? null : CrossingsMin(nUseful);
            var tooLong = longestRun > longestRunMax;
            var tooFew = crossings < crossingsMin;
            return common with
            {
                LongestRunMax = longestRunMax,
                NCrossingsMin = crossingsMin,
                RunsSignal = tooLong || tooFew,
                TooFewCrossings = tooFew,
                Shifts = tooLong ? runs.Where(r => r.Length > longestRunMax).Select(r => new PointSpan(r.From, r.To)).ToList() : [],
            };
        }

        var shifts = runs.Where(r => r.Length >= IhiShiftLength).Select(r => new PointSpan(r.From, r.To)).ToList();
        var trends = Trends(values);
        var limits = IhiRunsLimits(nUseful);
        var nRuns = runs.Count;
        var tooFewRuns = limits is { } lim && nRuns < lim.Lower;
        var tooManyRuns = limits is { } lim2 && nRuns > lim2.Upper;
        return common with
        {
            LongestRunMax = IhiShiftLength - 1,
            NCrossingsMin = limits is { } l1 ? l1.Lower - 1 : null,
            NCrossingsMax = limits is { } l2 ? l2.Upper - 1 : null,
            RunsSignal = shifts.Count > 0 || trends.Count > 0 || tooFewRuns || tooManyRuns,
            TooFewRuns = tooFewRuns,
            TooManyRuns = tooManyRuns,
            Shifts = shifts,
            Trends = trends,
        };
    }

    /// <summary>IHI: a shift is this many or more consecutive useful points on one side.</summary>
    public const int IhiShiftLength = 6;

    /// <summary>IHI: a trend is this many or more points all rising or all falling.</summary>
    public const int IhiTrendLength = 5;

    /// <summary>round(log2(n_useful) + 3), as qicharts2 (R's round; log2 of an integer is never exactly x.5).</summary>
    public static int LongestRunMax(int nUseful) => (int)Math.Round(Math.Log2(nUseful) + 3, MidpointRounding.ToEven);

    /// <summary>qbinom(0.05, max(n_useful − 1, 0), 0.5).</summary>
    public static int CrossingsMin(int nUseful) => BinomialHalfQuantile(Math.Max(nUseful - 1, 0), 0.05m);

    /// <summary>
    /// R's qbinom(p, size, 0.5): the smallest x with P(X ≤ x) ≥ p, X ~ Binomial(size, 1/2). Computed exactly in integers:
    /// P(X ≤ x) = Σ_{k≤x} C(size, k) / 2^size, compared with p as a fraction (p·2^size ≤ Σ C(size, k)).
    /// </summary>
    public static int BinomialHalfQuantile(int size, decimal p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (p <= 0) return 0;
        if (p >= 1) return size;
        // p as a fraction num/den.
        var scale = 1m;
        while (decimal.Truncate(p * scale) != p * scale) scale *= 10;
        var num = new BigInteger(p * scale);
        var den = new BigInteger(scale);
        var total = BigInteger.One << size;
        BigInteger binom = 1, cumulative = 0;
        for (var x = 0; x <= size; x++)
        {
            cumulative += binom;
            if (cumulative * den >= num * total) return x;
            binom = binom * (size - x) / (x + 1);
        }
        return size;
    }

    /// <summary>R's median: the middle value, or the mean of the two middle values.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>R's mean: the sum divided by n, refined by the mean of the residuals.</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        var m = values.Sum() / values.Count;
        var r = values.Sum(v => v - m) / values.Count;
        return m + r;
    }

    /// <summary>qicharts2's i.limits: CL, UCL, LCL from the baseline points; the limits are null when no moving range is left.</summary>
    public static (double Cl, double? Ucl, double? Lcl) ILimits(IReadOnlyList<double> basePoints)
    {
        var cl = Mean(basePoints);
        var mr = new List<double>();
        for (var i = 1; i < basePoints.Count; i++) mr.Add(Math.Abs(basePoints[i] - basePoints[i - 1]));
        if (mr.Count == 0) return (cl, null, null);
        var amr = Mean(mr);
        var limit = 3.267 * amr;
        var kept = mr.Where(r => r < limit).ToList();
        // R: mean of an empty vector is NaN, so are the limits (all moving ranges 0: no spread to draw limits from).
        if (kept.Count == 0) return (cl, null, null);
        amr = Mean(kept);
        var sigma = amr / 1.128;
        return (cl, cl + 3 * sigma, cl - 3 * sigma);
    }

    private sealed record Run(int From, int To, int Length, int Side);

    private static List<Run> Runs(List<(int Index, int Side)> useful)
    {
        var runs = new List<Run>();
        var start = 0;
        for (var i = 1; i <= useful.Count; i++)
        {
            if (i == useful.Count || useful[i].Side != useful[start].Side)
            {
                if (useful.Count > 0) runs.Add(new Run(useful[start].Index, useful[i - 1].Index, i - start, useful[start].Side));
                start = i;
            }
        }
        return runs;
    }

    /// <summary>
    /// IHI trends: consecutive equal values are collapsed to one (they neither count nor break a trend); a trend is
    /// 5 or more collapsed points all rising or all falling. The span runs from the last point of the first value to
    /// the first point of the last value.
    /// </summary>
    public static IReadOnlyList<PointSpan> Trends(IReadOnlyList<double> values)
    {
        // Distinct consecutive values: (first index, last index) of each group of equal neighbours.
        var groups = new List<(int First, int Last, double Value)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (groups.Count > 0 && values[i] == groups[^1].Value) groups[^1] = (groups[^1].First, i, values[i]);
            else groups.Add((i, i, values[i]));
        }
        var trends = new List<PointSpan>();
        var start = 0;
        while (start < groups.Count - 1)
        {
            var dir = Math.Sign(groups[start + 1].Value - groups[start].Value);
            var end = start + 1;
            while (end + 1 < groups.Count && Math.Sign(groups[end + 1].Value - groups[end].Value) == dir) end++;
            if (end - start + 1 >= IhiTrendLength) trends.Add(new PointSpan(groups[start].Last, groups[end].First));
            start = end;
        }
        return trends;
    }

    /// <summary>
    /// Perla, Provost &amp; Murray (2011), Table 1 (after Swed &amp; Eisenhart 1943): for 10 to 60 useful observations
    /// (points not on the median) the lower and upper limits for the number of runs; fewer runs than the lower or more
    /// than the upper limit is a signal. Null outside the table.
    /// </summary>
    public static (int Lower, int Upper)? IhiRunsLimits(int nUseful) =>
        nUseful is >= 10 and <= 60 ? IhiTable[nUseful - 10] : null;

    private static readonly (int Lower, int Upper)[] IhiTable =
    [
        (3, 9), (3, 10), (3, 11), (4, 11), (4, 12), (5, 12), (5, 13), (5, 13), (6, 14), (6, 15), // 10–19
        (6, 16), (7, 16), (7, 17), (7, 17), (8, 18), (8, 18), (9, 19), (10, 19), (10, 20), (10, 20), // 20–29
        (11, 21), (11, 22), (11, 22), (11, 22), (12, 23), (13, 23), (13, 24), (13, 25), (14, 25), (14, 26), // 30–39
        (15, 26), (16, 26), (16, 27), (17, 27), (17, 28), (17, 29), (17, 30), (18, 30), (18, 31), (19, 31), // 40–49
        (19, 32), (20, 32), (21, 32), (21, 33), (22, 33), (22, 34), (23, 34), (23, 35), (24, 35), (24, 36), // 50–59
        (25, 36), // 60
    ];
}
