using Samla.Web.Features.Needs;

namespace Samla.Tests.Needs;

public sealed class NeedPriorityTests
{
    private static GapCell Cell(string municipality, string group, int l1, int l2, int l3, int l4, int stale = 0) =>
        new(municipality, group, [l1, l2, l3, l4], stale);

    [Fact]
    public void The_follow_up_example_is_high_because_layer_3_is_missing_in_Hylte()
    {
        var result = NeedPriority.Compute(4, 120, [Cell("Hylte", "Asylsökande", 2, 3, 0, 1)]);

        Assert.Equal(PriorityLevel.High, result.Level);
        Assert.Equal((8, 2, 2), (result.SeverityPoints, result.ReachPoints, result.GapPoints));
        Assert.Equal(12, result.Score);
        Assert.Equal(new GapFinding(GapKind.NoLayer3, "Hylte", "Asylsökande", 0), result.Gap);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    [InlineData(49, 1)]
    [InlineData(50, 2)]
    [InlineData(199, 2)]
    [InlineData(200, 3)]
    [InlineData(999, 3)]
    [InlineData(1000, 4)]
    public void Reach_points_grow_with_people_affected(int? people, int points)
    {
        Assert.Equal(points, NeedPriority.Compute(1, people, []).ReachPoints);
    }

    [Fact]
    public void The_worst_cell_decides_the_gap_and_the_others_with_it_are_counted()
    {
        var cells = new[]
        {
            Cell("Halmstad", "Flyktingar", 1, 1, 1, 1),
            Cell("Laholm", "Tillståndslösa", 0, 0, 0, 0),
            Cell("Hylte", "Asylsökande", 1, 0, 0, 0),
            Cell("Varberg", "Tillståndslösa", 0, 0, 0, 0),
        };

        var gap = NeedPriority.WorstGap(cells);

        Assert.Equal(new GapFinding(GapKind.NoSupport, "Laholm", "Tillståndslösa", 1), gap);
        Assert.Equal(3, NeedPriority.Compute(1, null, cells).GapPoints);
    }

    [Fact]
    public void A_cell_kept_only_by_stale_entries_counts_as_a_full_gap()
    {
        var result = NeedPriority.Compute(2, 20, [Cell("Hylte", "Kvotflyktingar", 0, 0, 0, 0, stale: 2)]);

        Assert.Equal(GapKind.OnlyStale, result.Gap.Kind);
        Assert.Equal(3, result.GapPoints);
        Assert.Equal(PriorityLevel.Medium, result.Level);
    }

    [Theory]
    [InlineData(1, 1, 0, 0, GapKind.NoLayer3, 2)]
    [InlineData(1, 1, 1, 0, GapKind.NoLayer4, 1)]
    [InlineData(1, 1, 1, 1, GapKind.None, 0)]
    public void Gap_points_follow_the_missing_layers(int l1, int l2, int l3, int l4, GapKind kind, int points)
    {
        var result = NeedPriority.Compute(3, null, [Cell("Varberg", "Flyktingar", l1, l2, l3, l4)]);

        Assert.Equal(kind, result.Gap.Kind);
        Assert.Equal(points, result.GapPoints);
    }

    [Theory]
    [InlineData(5, 1000, PriorityLevel.High)]
    [InlineData(4, null, PriorityLevel.Medium)]
    [InlineData(3, 60, PriorityLevel.Medium)]
    [InlineData(3, null, PriorityLevel.Low)]
    [InlineData(1, 5000, PriorityLevel.Low)]
    public void Severity_weighs_most(int severity, int? people, PriorityLevel level)
    {
        Assert.Equal(level, NeedPriority.Compute(severity, people, [Cell("A", "B", 1, 1, 1, 1)]).Level);
    }

    [Fact]
    public void Severity_outside_1_to_5_is_clamped()
    {
        Assert.Equal(10, NeedPriority.Compute(9, null, []).SeverityPoints);
        Assert.Equal(2, NeedPriority.Compute(0, null, []).SeverityPoints);
    }

    [Fact]
    public void Without_cells_there_is_no_gap()
    {
        Assert.Equal(GapKind.None, NeedPriority.Compute(3, 10, []).Gap.Kind);
    }
}
