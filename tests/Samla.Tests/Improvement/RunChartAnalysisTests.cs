using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samla.Web.Core;
using Samla.Web.Features.Improvement;

namespace Samla.Tests.Improvement;

/// <summary>
/// The run chart rules. Sources of the expected figures are named on each test: Anhøj &amp; Olesen (2014) "Run charts
/// revisited", PLoS ONE 9(11), Table 1 (the critical values qicharts2 uses), cross-checked by an independent exact
/// computation of R's qbinom (Python, math.comb, smallest x with 20·Σ C(n−1,k) ≥ 2^(n−1)); qicharts2's runs.analysis and
/// i.limits source for the definitions; Perla, Provost &amp; Murray (2011) for the IHI rules; hand-worked series otherwise.
/// </summary>
public sealed class RunChartAnalysisTests
{
    // Anhøj & Olesen 2014, Table 1 (n_useful 10–30): longest run max and minimum number of crossings.
    [Theory]
    [InlineData(10, 6, 2)]
    [InlineData(11, 6, 2)]
    [InlineData(12, 7, 3)]
    [InlineData(13, 7, 3)]
    [InlineData(14, 7, 4)]
    [InlineData(15, 7, 4)]
    [InlineData(16, 7, 4)]
    [InlineData(17, 7, 5)]
    [InlineData(18, 7, 5)]
    [InlineData(19, 7, 6)]
    [InlineData(20, 7, 6)]
    [InlineData(21, 7, 6)]
    [InlineData(22, 7, 7)]
    [InlineData(23, 8, 7)]
    [InlineData(24, 8, 8)]
    [InlineData(25, 8, 8)]
    [InlineData(26, 8, 8)]
    [InlineData(27, 8, 9)]
    [InlineData(28, 8, 9)]
    [InlineData(29, 8, 10)]
    [InlineData(30, 8, 10)]
    // Beyond the table, from the exact computation: qbinom(0.05, 99, 0.5) = 41, qbinom(0.05, 999, 0.5) = 474, qbinom(0.05, 9999, 0.5) = 4917.
    [InlineData(100, 10, 41)]
    [InlineData(1000, 13, 474)]
    [InlineData(10000, 16, 4917)]
    // Tiny n: qbinom(0.05, 0, 0.5) = 0; qbinom(0.05, 5, 0.5) = 1 since P(X ≤ 0) = 1/32 < 0.05 ≤ P(X ≤ 1) = 6/32.
    [InlineData(1, 3, 0)]
    [InlineData(6, 6, 1)]
    public void Anhoej_limits_match_the_published_table(int nUseful, int longestRunMax, int crossingsMin)
    {
        Assert.Equal(longestRunMax, RunChartAnalysis.LongestRunMax(nUseful));
        Assert.Equal(crossingsMin, RunChartAnalysis.CrossingsMin(nUseful));
    }

    [Fact]
    public void Binomial_quantile_is_the_smallest_x_whose_cumulative_probability_reaches_p()
    {
        // Binomial(3, 1/2): P(X ≤ 0) = 0.125, P(X ≤ 1) = 0.5, P(X ≤ 2) = 0.875.
        Assert.Equal(0, RunChartAnalysis.BinomialHalfQuantile(3, 0.05m));
        Assert.Equal(0, RunChartAnalysis.BinomialHalfQuantile(3, 0.125m)); // exactly reached: R's ≥
        Assert.Equal(1, RunChartAnalysis.BinomialHalfQuantile(3, 0.126m));
        Assert.Equal(2, RunChartAnalysis.BinomialHalfQuantile(3, 0.6m));
        // qbinom(0.05, 23, 0.5) = 8 → n_useful 24 (the example).
        Assert.Equal(8, RunChartAnalysis.BinomialHalfQuantile(23, 0.05m));
    }

    // Hand-worked: 1..24 rising. Median 12.5, 12 points below then 12 above: longest run 12 > 8 and 1 crossing < 8.
    [Fact]
    public void Anhoej_a_steady_rise_is_a_shift_and_too_few_crossings()
    {
        var r = RunChartAnalysis.Analyze([.. Enumerable.Range(1, 24).Select(i => (double)i)]);

        Assert.Equal((24, 24, 12.5), (r.N, r.NUseful, r.Median!.Value));
        Assert.Equal((12, 8, 1, 8), (r.LongestRun!.Value, r.LongestRunMax!.Value, r.NCrossings!.Value, r.NCrossingsMin!.Value));
        Assert.True(r.RunsSignal);
        Assert.True(r.TooFewCrossings);
        Assert.Equal([new PointSpan(0, 11), new PointSpan(12, 23)], r.Shifts);
        Assert.Empty(r.Trends); // Anhøj has no trend rule
    }

    // Hand-worked: 24 points alternating around the median: 23 crossings, longest run 1, random variation.
    [Fact]
    public void Anhoej_alternating_points_are_random_variation()
    {
        var r = RunChartAnalysis.Analyze([.. Enumerable.Range(0, 24).Select(i => i % 2 == 0 ? 3.0 : 7.0)]);

        Assert.Equal(5, r.Median);
        Assert.Equal((1, 23), (r.LongestRun!.Value, r.NCrossings!.Value));
        Assert.False(r.RunsSignal);
        Assert.Empty(r.Shifts);
    }

    // Hand-worked ties: median 3 of [1,2,3,3,3,4,5]; the three 3s are not useful and are skipped.
    [Fact]
    public void Anhoej_points_on_the_median_are_not_useful()
    {
        var r = RunChartAnalysis.Analyze([1, 2, 3, 3, 3, 4, 5]);

        Assert.Equal(3, r.Median);
        Assert.Equal(4, r.NUseful);
        Assert.Equal(2, r.LongestRun);
        Assert.Equal(1, r.NCrossings); // 2 below → 4 above, across the skipped points
        Assert.Equal(5, r.LongestRunMax); // round(log2(4) + 3)
        Assert.Equal(0, r.NCrossingsMin); // qbinom(0.05, 3, 0.5)
        Assert.False(r.RunsSignal);
    }

    // Hand-worked baseline: the first 6 points alternate around 5.5; then 8 points at 10.
    [Fact]
    public void Anhoej_baseline_median_shows_the_shift_the_whole_series_median_hides()
    {
        double[] values = [5, 6, 5, 6, 5, 6, 10, 10, 10, 10, 10, 10, 10, 10];

        var withBaseline = RunChartAnalysis.Analyze(values, baseline: 6);
        Assert.Equal(5.5, withBaseline.Median);
        Assert.Equal(14, withBaseline.NUseful);
        Assert.Equal((9, 7), (withBaseline.LongestRun!.Value, withBaseline.LongestRunMax!.Value)); // round(log2(14)+3) = 7
        Assert.Equal((5, 4), (withBaseline.NCrossings!.Value, withBaseline.NCrossingsMin!.Value)); // qbinom(0.05, 13, 0.5) = 4
        Assert.True(withBaseline.RunsSignal);
        Assert.Equal([new PointSpan(5, 13)], withBaseline.Shifts);

        // Median of all 14 is 10: the eight 10s are on the median, six useful points all below, no crossing.
        var all = RunChartAnalysis.Analyze(values);
        Assert.Equal(10, all.Median);
        Assert.Equal(6, all.NUseful);
        Assert.Equal((6, 6), (all.LongestRun!.Value, all.LongestRunMax!.Value)); // 6 is not > 6
        Assert.Equal((0, 1), (all.NCrossings!.Value, all.NCrossingsMin!.Value));
        Assert.True(all.RunsSignal);
        Assert.True(all.TooFewCrossings);
        Assert.Empty(all.Shifts);
    }

    [Fact]
    public void Anhoej_fewer_than_ten_points_still_analysed()
    {
        var r = RunChartAnalysis.Analyze([1, 2, 3, 4, 5]);

        Assert.Equal((3.0, 4, 2, 5, 1, 0), (r.Median!.Value, r.NUseful, r.LongestRun!.Value, r.LongestRunMax!.Value, r.NCrossings!.Value, r.NCrossingsMin!.Value));
        Assert.False(r.RunsSignal);
    }

    [Fact]
    public void All_equal_values_leave_no_useful_points_and_no_signal()
    {
        var r = RunChartAnalysis.Analyze([4, 4, 4, 4, 4]);

        Assert.Equal(4, r.Median);
        Assert.Equal(0, r.NUseful);
        Assert.Null(r.LongestRun);
        Assert.Null(r.LongestRunMax);
        Assert.Null(r.NCrossings);
        Assert.Null(r.NCrossingsMin);
        Assert.False(r.RunsSignal);

        var i = RunChartAnalysis.Analyze([4, 4, 4, 4, 4], chart: ChartKind.I);
        Assert.Equal(4, i.Cl);
        Assert.Null(i.Ucl); // all moving ranges 0: R gives NaN limits
        Assert.Empty(i.Outside);
    }

    [Fact]
    public void One_useful_point()
    {
        var r = RunChartAnalysis.Analyze([1, 2, 2]);

        Assert.Equal(2, r.Median);
        Assert.Equal(1, r.NUseful);
        Assert.Equal((1, 3, 0, 0), (r.LongestRun!.Value, r.LongestRunMax!.Value, r.NCrossings!.Value, r.NCrossingsMin!.Value));
        Assert.False(r.RunsSignal);
    }

    [Fact]
    public void Empty_series_has_nothing_to_analyse()
    {
        var r = RunChartAnalysis.Analyze([]);
        Assert.Equal((0, 0), (r.N, r.NUseful));
        Assert.Null(r.Median);
        Assert.False(r.RunsSignal);
    }

    [Fact]
    public void Baseline_out_of_range_and_non_finite_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunChartAnalysis.Analyze([1, 2, 3], baseline: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunChartAnalysis.Analyze([1, 2, 3], baseline: 4));
        Assert.Throws<ArgumentException>(() => RunChartAnalysis.Analyze([1, double.NaN]));
    }

    // Perla et al. 2011: a shift is 6 or more consecutive points on one side; points on the median neither make nor break it.
    [Fact]
    public void Ihi_shift_skips_points_on_the_median()
    {
        // Median of these 13 values is 5 (six 1–2s, one 5, six 8–9s). Above: 8,9,8,[5 on median],9,8,9 = 6 useful points.
        double[] values = [1, 2, 1, 2, 1, 2, 8, 9, 8, 5, 9, 8, 9];
        var r = RunChartAnalysis.Analyze(values, rules: RuleSet.Ihi);

        Assert.Equal(5, r.Median);
        Assert.Equal(12, r.NUseful);
        Assert.Equal([new PointSpan(0, 5), new PointSpan(6, 12)], r.Shifts);
        Assert.True(r.RunsSignal);

        // Five on one side is not yet a shift.
        // Median (3 + 8) / 2 = 5.5; five points above from index 3.
        var five = RunChartAnalysis.Analyze([1, 9, 2, 8, 9, 8, 9, 8, 2, 1, 3, 2], rules: RuleSet.Ihi);
        Assert.Equal(5, five.LongestRun);
        Assert.Empty(five.Shifts);
    }

    // Perla et al. 2011: a trend is 5 or more points all going up or all going down; like values do not make or break it.
    [Fact]
    public void Ihi_trend_ignores_equal_neighbours()
    {
        // 1,2,2,3,4,5: the repeated 2 counts once, so 1→2→3→4→5 is five rising points; from index 0 to index 5.
        Assert.Equal([new PointSpan(0, 5)], RunChartAnalysis.Trends([1, 2, 2, 3, 4, 5, 4]));
        // 1,2,3,3,4: only four distinct rising points.
        Assert.Empty(RunChartAnalysis.Trends([1, 2, 3, 3, 4, 1]));
        // Falling: 9,8,7,6,5 from index 1.
        Assert.Equal([new PointSpan(1, 5)], RunChartAnalysis.Trends([2, 9, 8, 7, 6, 5, 6]));
        // The trend shows in the IHI analysis, not in Anhøj's.
        Assert.NotEmpty(RunChartAnalysis.Analyze([1, 2, 2, 3, 4, 5, 4], rules: RuleSet.Ihi).Trends);
        Assert.Empty(RunChartAnalysis.Analyze([1, 2, 2, 3, 4, 5, 4]).Trends);
    }

    // Perla et al. 2011, Table 1: 10 useful observations allow 3 to 9 runs.
    [Fact]
    public void Ihi_too_few_and_too_many_runs()
    {
        var few = RunChartAnalysis.Analyze([1, 1, 1, 1, 1, 9, 9, 9, 9, 9], rules: RuleSet.Ihi);
        Assert.Equal(10, few.NUseful);
        Assert.Equal(1, few.NCrossings); // 2 runs
        Assert.Equal((2, 8), (few.NCrossingsMin!.Value, few.NCrossingsMax!.Value));
        Assert.True(few.TooFewRuns);
        Assert.Empty(few.Shifts); // runs of 5 only
        Assert.True(few.RunsSignal);

        var many = RunChartAnalysis.Analyze([1, 9, 1, 9, 1, 9, 1, 9, 1, 9], rules: RuleSet.Ihi);
        Assert.Equal(9, many.NCrossings); // 10 runs > 9
        Assert.True(many.TooManyRuns);
        Assert.True(many.RunsSignal);

        // Fewer than 10 useful points: the table does not apply.
        var short_ = RunChartAnalysis.Analyze([1, 9, 1, 9, 1, 9, 1, 9, 1], rules: RuleSet.Ihi);
        Assert.Null(short_.NCrossingsMin);
        Assert.False(short_.TooManyRuns);
    }

    [Theory]
    [InlineData(10, 3, 9)]
    [InlineData(20, 6, 16)]
    [InlineData(24, 8, 18)]
    [InlineData(30, 11, 21)]
    [InlineData(60, 25, 36)]
    public void Ihi_runs_table(int nUseful, int lower, int upper) =>
        Assert.Equal((lower, upper), RunChartAnalysis.IhiRunsLimits(nUseful));

    [Fact]
    public void Ihi_astronomical_points_are_the_teams_flags()
    {
        var r = RunChartAnalysis.Analyze([1, 2, 40, 2, 1], rules: RuleSet.Ihi, astronomical: [2, 2, 9]);
        Assert.Equal([2], r.Astronomical);
        Assert.True(r.AnySignal);
    }

    // qicharts2 i.limits, hand-worked: mean 141/8 = 17.625; moving ranges 2,1,2,1,48,49,1 with mean 104/7;
    // 3.267 × 104/7 = 48.54, so 49 is left out (48 is kept) and MR̄ = 55/6; limits 17.625 ± 3 × (55/6)/1.128.
    [Fact]
    public void I_chart_leaves_out_large_moving_ranges_and_flags_points_outside()
    {
        double[] values = [10, 12, 11, 13, 12, 60, 11, 12];
        var r = RunChartAnalysis.Analyze(values, chart: ChartKind.I);

        var sigma = 55.0 / 6 / 1.128;
        Assert.Equal(17.625, r.Cl!.Value, 10);
        Assert.Equal(17.625 + 3 * sigma, r.Ucl!.Value, 10);
        Assert.Equal(17.625 - 3 * sigma, r.Lcl!.Value, 10);
        Assert.Equal([5], r.Outside);
        // Runs around the centre line: 5 below, 1 above, 2 below.
        Assert.Equal((8, 5, 2), (r.NUseful, r.LongestRun!.Value, r.NCrossings!.Value));
        Assert.Equal(12, r.Median); // the median is still reported
    }

    // qicharts2 i.limits with a baseline: centre and limits from the first 5 points only.
    [Fact]
    public void I_chart_limits_come_from_the_baseline()
    {
        double[] values = [10, 12, 10, 12, 10, 20, 21, 20];
        var r = RunChartAnalysis.Analyze(values, baseline: 5, chart: ChartKind.I);

        // mean 54/5 = 10.8; MRs 2,2,2,2 → MR̄ 2; limits 10.8 ± 3 × 2/1.128.
        Assert.Equal(10.8, r.Cl!.Value, 10);
        Assert.Equal(10.8 + 6 / 1.128, r.Ucl!.Value, 10);
        Assert.Equal([5, 6, 7], r.Outside);
    }

    [Fact]
    public void I_chart_with_one_point_has_no_limits()
    {
        var r = RunChartAnalysis.Analyze([3], chart: ChartKind.I);
        Assert.Equal(3, r.Cl);
        Assert.Null(r.Ucl);
        Assert.Null(r.Lcl);
    }

    // The chart in words on a Swedish staff page: counts agree with the number, dates are written out, not ISO.
    [Fact]
    public void The_chart_in_words_agrees_with_the_number_and_writes_dates_out()
    {
        var t = new StringLocalizer<ImprovementText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var measure = new Measure { Name = "Andel", Rules = RuleSet.Anhoej, Chart = ChartKind.Run };
        var points = Enumerable.Range(0, 24).Select(i => new MeasurePoint { Date = new DateOnly(2024, 11, 1).AddMonths(i), Value = i + 1 }).ToList();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture("sv");
            var view = RunChartView.Build("c", measure, points, [new RunChartView.Cycle(new DateOnly(2025, 11, 1), "Hälsofrågor", 1)], t);
            Assert.StartsWith("Diagram med 24 punkter, analyserat med Anhøjs regler.", view.Description, StringComparison.Ordinal);
            Assert.Contains("Linjen korsar medianen bara 1 gång;", view.Description, StringComparison.Ordinal); // 1..24 rising: one crossing
            Assert.Equal("PDSA 1: Hälsofrågor, från 1 november 2025", Assert.Single(view.Annotations).Title);
            Assert.Equal("nov. 2024", view.XTicks[0].Label);
            // 24 points alternating around the median (Anhoej_alternating_points_are_random_variation): runs of one point.
            var alternating = points.Select((p, i) => new MeasurePoint { Date = p.Date, Value = i % 2 == 0 ? 3 : 7 }).ToList();
            Assert.Contains("längsta serie 1 punkt (gräns 8), 23 korsningar (minst 8).", RunChartView.Build("c", measure, alternating, [], t).Description, StringComparison.Ordinal);
            Assert.StartsWith("Diagram med 1 punkt,", RunChartView.Build("c", measure, points.Take(1).ToList(), [], t).Description, StringComparison.Ordinal);
            Assert.StartsWith("Diagram utan punkter ännu,", RunChartView.Build("c", measure, [], [], t).Description, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
