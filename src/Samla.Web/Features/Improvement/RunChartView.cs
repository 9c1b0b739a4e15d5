using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Samla.Web.Features.Improvement;

/// <summary>A point as drawn: its position, whether it is part of a signal, and its data.</summary>
public sealed record ChartDot(double X, double Y, DateOnly Date, double Value, string? Note, bool Signal, bool Useful);

/// <summary>A PDSA cycle on the time axis.</summary>
public sealed record ChartAnnotation(double X, string Label, string Title);

/// <summary>A horizontal line: median/centre, target, control limits.</summary>
public sealed record ChartLine(double Y, string Label, string CssClass, double Value);

/// <summary>
/// A measure's run chart or I chart, laid out for the server-rendered SVG (_RunChart.cshtml): points evenly spaced in
/// time order, the centre line, the target, control limits, PDSA cycles on the time axis, and the signals in words.
/// </summary>
public sealed record RunChartView(
    string Id, string Title, string Description, string Unit, IReadOnlyList<ChartDot> Dots, IReadOnlyList<ChartLine> Lines,
    IReadOnlyList<ChartAnnotation> Annotations, IReadOnlyList<(double Y, string Label)> YTicks, IReadOnlyList<(double X, string Label)> XTicks,
    IReadOnlyList<string> Findings, RunChartResult Result)
{
    public const double Width = 640;
    public const double Height = 300;
    public const double Left = 60;
    public const double Right = 20;
    public const double Top = 16;
    public const double Bottom = 250;

    public string Polyline => string.Join(" ", Dots.Select(d => $"{F(d.X)},{F(d.Y)}"));

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Num(double v) => v.ToString("0.##", CultureInfo.CurrentCulture);

    public sealed record Cycle(DateOnly Start, string Title, int Number);

    public static RunChartView Build(string id, Measure measure, IReadOnlyList<MeasurePoint> points, IReadOnlyList<Cycle> cycles, IStringLocalizer t)
    {
        var ordered = points.OrderBy(p => p.Date).ThenBy(p => p.CreatedAt).ToList();
        var values = ordered.Select(p => p.Value).ToArray();
        var baseline = measure.Baseline is { } b && b >= 1 && b <= values.Length ? b : (int?)null;
        var astronomical = ordered.Select((p, i) => (p, i)).Where(x => x.p.Astronomical).Select(x => x.i).ToList();
        var result = RunChartAnalysis.Analyze(values, baseline, measure.Rules, measure.Chart, astronomical);
        var centre = measure.Chart == ChartKind.I ? result.Cl : result.Median;

        var signalIndexes = new HashSet<int>(result.Outside.Concat(result.Astronomical));
        foreach (var s in result.Shifts.Concat(result.Trends)) for (var i = s.From; i <= s.To; i++) signalIndexes.Add(i);

        var scaleValues = values.AsEnumerable();
        if (measure.Target is { } target) scaleValues = scaleValues.Append(target);
        if (result.Ucl is { } u) scaleValues = scaleValues.Append(u);
        if (result.Lcl is { } l) scaleValues = scaleValues.Append(l);
        var list = scaleValues.ToList();
        var min = list.Count == 0 ? 0 : list.Min();
        var max = list.Count == 0 ? 1 : list.Max();
        if (max - min < 1e-9) { min -= 1; max += 1; }
        var pad = (max - min) * 0.08;
        min -= pad;
        max += pad;
        double Y(double v) => Bottom - (v - min) / (max - min) * (Bottom - Top);
        var step = values.Length > 1 ? (Width - Left - Right) / (values.Length - 1) : 0;
        double X(int i) => values.Length > 1 ? Left + i * step : (Left + Width - Right) / 2;

        var dots = ordered.Select((p, i) => new ChartDot(X(i), Y(p.Value), p.Date, p.Value, p.Note, signalIndexes.Contains(i),
            centre is not { } c || p.Value != c)).ToList();

        var lines = new List<ChartLine>();
        if (centre is { } cl)
        {
            lines.Add(new ChartLine(Y(cl), measure.Chart == ChartKind.I ? t["Chart_Mean", Num(cl)] : t["Chart_Median", Num(cl)], "line-centre", cl));
        }
        if (measure.Target is { } tg) lines.Add(new ChartLine(Y(tg), t["Chart_Target", Num(tg)], "line-target", tg));
        if (result.Ucl is { } ucl) lines.Add(new ChartLine(Y(ucl), t["Chart_Ucl", Num(ucl)], "line-limit", ucl));
        if (result.Lcl is { } lcl) lines.Add(new ChartLine(Y(lcl), t["Chart_Lcl", Num(lcl)], "line-limit", lcl));

        var annotations = new List<ChartAnnotation>();
        foreach (var cycle in cycles.OrderBy(c => c.Start))
        {
            if (ordered.Count == 0) break;
            var idx = ordered.FindIndex(p => p.Date >= cycle.Start);
            if (idx < 0) continue;
            var x = idx > 0 && ordered[idx].Date > cycle.Start ? (X(idx - 1) + X(idx)) / 2 : X(idx);
            annotations.Add(new ChartAnnotation(x, t["Chart_PdsaShort", cycle.Number], t["Chart_PdsaTitle", cycle.Number, cycle.Title, Formats.LongDate(cycle.Start)]));
        }

        var yTicks = Enumerable.Range(0, 5).Select(i => min + (max - min) * i / 4).Select(v => (Y(v), Num(v))).ToList();
        var xEvery = Math.Max(1, (int)Math.Ceiling(values.Length / 8.0));
        var xTicks = ordered.Select((p, i) => (i, p)).Where(x => x.i % xEvery == 0)
            .Select(x => (X(x.i), x.p.Date.ToString("MMM yyyy", CultureInfo.CurrentCulture))).ToList();

        var findings = Explain(measure, ordered, result, centre, t);
        var ruleName = t["Rules_" + measure.Rules];
        var description = (values.Length == 0 ? t["Chart_DescriptionNone", ruleName] : t.PluralFormat("Chart_Description", values.Length, Formats.Number(values.Length), ruleName))
            + " " + string.Join(" ", findings);
        return new RunChartView(id, measure.Name, description, measure.Unit, dots, lines, annotations, yTicks, xTicks, findings, result);
    }

    /// <summary>The signals in words, e.g. "8 punkter i rad över medianen från mars 2026: ett skift."</summary>
    public static List<string> Explain(Measure measure, IReadOnlyList<MeasurePoint> ordered, RunChartResult r, double? centre, IStringLocalizer t)
    {
        var findings = new List<string>();
        if (r.N == 0) return [t["Finding_NoData"]];
        string Month(int i) => ordered[i].Date.ToString("MMMM yyyy", CultureInfo.CurrentCulture);
        string Day(int i) => Formats.Date(ordered[i].Date);
        var centreName = measure.Chart == ChartKind.I ? t["Chart_CentreMean"] : t["Chart_CentreMedian"];
        string Direction(bool up) => (up == (measure.Direction == ImprovementDirection.Up)) ? t["Finding_Better"] : t["Finding_Worse"];

        foreach (var s in r.Shifts)
        {
            var useful = Enumerable.Range(s.From, s.To - s.From + 1).Count(i => centre is not { } c || ordered[i].Value != c);
            var above = centre is { } c2 && ordered[s.From].Value > c2;
            findings.Add(t["Finding_Shift", useful, above ? t["Above"] : t["Below"], centreName, Month(s.From), Month(s.To), Direction(above)]);
        }
        foreach (var s in r.Trends)
        {
            var up = ordered[s.To].Value > ordered[s.From].Value;
            findings.Add(t["Finding_Trend", up ? t["Rising"] : t["Falling"], Month(s.From), Month(s.To), Direction(up)]);
        }
        if (r.TooFewCrossings) findings.Add(t.PluralFormat("Finding_FewCrossings", r.NCrossings ?? 0, r.NCrossings ?? 0, r.NCrossingsMin ?? 0, centreName));
        if (r.TooFewRuns) findings.Add(t["Finding_FewRuns", (r.NCrossings ?? 0) + 1, (r.NCrossingsMin ?? 0) + 1]);
        if (r.TooManyRuns) findings.Add(t["Finding_ManyRuns", (r.NCrossings ?? 0) + 1, (r.NCrossingsMax ?? 0) + 1]);
        foreach (var i in r.Outside)
        {
            var above = r.Ucl is { } u && ordered[i].Value > u;
            findings.Add(t["Finding_Outside", Day(i), Num(ordered[i].Value), above ? t["AboveUcl"] : t["BelowLcl"]]);
        }
        foreach (var i in r.Astronomical) findings.Add(t["Finding_Astronomical", Day(i), Num(ordered[i].Value)]);
        if (!r.AnySignal)
        {
            findings.Add(r.NUseful == 0
                ? t["Finding_NoUseful"]
                : t["Finding_Random", t.Plural("Finding_RunPoints", r.LongestRun ?? 0), Formats.Number(r.LongestRunMax ?? 0),
                    t.Plural("Finding_Crossings", r.NCrossings ?? 0), Formats.Number(r.NCrossingsMin ?? 0)]);
        }
        if (r.N < 10) findings.Add(t.Plural("Finding_FewPoints", r.N));
        return findings;
    }
}
