namespace Samla.Web.Features.Coverage;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (partial _BarChart): each bar has a text label and its
/// number beside it, so nothing depends on colour; the same data follows as a table. Series are drawn as
/// stacked segments with different fill patterns.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, string CategoryHeading, IReadOnlyList<BarSeries> Series, IReadOnlyList<BarItem> Items)
{
    public const double LabelWidth = 170;
    public const double BarAreaWidth = 300;
    public const double RowHeight = 26;

    public int Max => Math.Max(1, Items.Count == 0 ? 1 : Items.Max(i => i.Values.Sum()));

    public double Height => Items.Count * RowHeight + 34;
}

public sealed record BarSeries(string Name, string CssClass);

public sealed record BarItem(string Label, IReadOnlyList<int> Values, string? Href = null);
