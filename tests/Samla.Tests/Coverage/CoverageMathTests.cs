using Samla.Web.Features.Coverage;

namespace Samla.Tests.Coverage;

public sealed class CoverageMathTests
{
    private static readonly Dictionary<CoverageDimension, IReadOnlyList<string>> Domains = new()
    {
        [CoverageDimension.Municipality] = ["A", "B", "C"],
        [CoverageDimension.TargetGroup] = ["refugees", "asylum-seekers"],
        [CoverageDimension.Layer] = ["1", "2", "3", "4"],
        [CoverageDimension.AgeGroup] = ["children", "adults"],
        [CoverageDimension.Category] = ["meeting-places", "support-conversations"],
        [CoverageDimension.Language] = ["ar", "sv"],
        [CoverageDimension.Organization] = ["org1", "org2"],
    };

    private static ServiceFacts Service(
        string[] municipalities, string[] groups, string layer = "2", bool isPublic = true, bool stale = false,
        string[]? ages = null, string[]? languages = null, string org = "org1", string[]? categories = null)
    {
        var values = new IReadOnlyList<string>[CoverageDimensions.All.Count];
        values[(int)CoverageDimension.Municipality] = municipalities;
        values[(int)CoverageDimension.TargetGroup] = groups;
        values[(int)CoverageDimension.Layer] = [layer];
        values[(int)CoverageDimension.AgeGroup] = ages ?? ["adults"];
        values[(int)CoverageDimension.Category] = categories ?? ["meeting-places"];
        values[(int)CoverageDimension.Language] = languages ?? ["sv"];
        values[(int)CoverageDimension.Organization] = [org];
        return new ServiceFacts(Guid.NewGuid(), isPublic, stale, values);
    }

    private static IReadOnlyList<CoverageCell> Count(IEnumerable<ServiceFacts> facts, CoverageFilter? filter = null, params CoverageDimension[] by) =>
        CoverageMath.Count(facts, by, Domains, filter ?? new CoverageFilter());

    private static CoverageCell Cell(IReadOnlyList<CoverageCell> cells, params string[] keys) =>
        Assert.Single(cells, c => c.Keys.SequenceEqual(keys));

    [Fact]
    public void Every_combination_of_the_domains_is_a_row_so_gaps_show_as_zero()
    {
        var cells = Count([Service(["A"], ["refugees"])], null, CoverageDimension.Municipality, CoverageDimension.TargetGroup);

        Assert.Equal(6, cells.Count);
        Assert.Equal(1, Cell(cells, "A", "refugees").Active);
        Assert.Equal(5, cells.Count(c => c.IsGap));
        Assert.True(Cell(cells, "C", "asylum-seekers").IsGap);
    }

    [Fact]
    public void Rows_follow_the_order_of_by_and_of_each_domain()
    {
        var cells = Count([], null, CoverageDimension.TargetGroup, CoverageDimension.Municipality);

        Assert.Equal(["refugees", "A"], cells[0].Keys);
        Assert.Equal(["refugees", "B"], cells[1].Keys);
        Assert.Equal(["asylum-seekers", "C"], cells[^1].Keys);
    }

    [Fact]
    public void Stale_services_are_counted_apart_and_a_cell_kept_only_by_them_is_at_risk()
    {
        var cells = Count(
            [Service(["A"], ["refugees"]), Service(["A"], ["refugees"], stale: true), Service(["B"], ["refugees"], stale: true)],
            null, CoverageDimension.Municipality, CoverageDimension.TargetGroup);

        Assert.Equal((1, 1), (Cell(cells, "A", "refugees").Active, Cell(cells, "A", "refugees").Stale));
        var b = Cell(cells, "B", "refugees");
        Assert.Equal((0, 1), (b.Active, b.Stale));
        Assert.True(b.IsAtRisk);
        Assert.False(b.IsGap);
    }

    [Fact]
    public void Verified_only_leaves_stale_services_out()
    {
        var cells = Count(
            [Service(["A"], ["refugees"]), Service(["A"], ["refugees"], stale: true)],
            new CoverageFilter { VerifiedOnly = true }, CoverageDimension.Municipality);

        Assert.Equal((1, 0), (Cell(cells, "A").Active, Cell(cells, "A").Stale));
    }

    [Fact]
    public void A_service_serving_several_municipalities_counts_in_each()
    {
        var cells = Count([Service(["A", "B", "C"], ["refugees"])], null, CoverageDimension.Municipality);

        Assert.All(cells, c => Assert.Equal(1, c.Active));
    }

    [Fact]
    public void Multi_valued_dimensions_count_a_service_once_per_value()
    {
        var service = Service(["A"], ["refugees", "asylum-seekers"], languages: ["ar", "sv"]);
        var cells = Count([service], null, CoverageDimension.TargetGroup, CoverageDimension.Language);

        Assert.All(cells, c => Assert.Equal(1, c.Active));
        Assert.Equal(4, cells.Count);
    }

    [Fact]
    public void A_service_counts_once_in_a_cell_even_when_a_value_repeats()
    {
        var cells = Count([Service(["A", "A"], ["refugees"])], null, CoverageDimension.Municipality);

        Assert.Equal(1, Cell(cells, "A").Active);
    }

    [Fact]
    public void Without_by_there_is_one_row_counting_distinct_services()
    {
        var cells = Count([Service(["A", "B"], ["refugees", "asylum-seekers"]), Service(["C"], ["refugees"], stale: true)]);

        var total = Assert.Single(cells);
        Assert.Equal((1, 1), (total.Active, total.Stale));
    }

    [Fact]
    public void Services_that_are_not_public_are_not_counted()
    {
        var cells = Count([Service(["A"], ["refugees"], isPublic: false)], null, CoverageDimension.Municipality);

        Assert.All(cells, c => Assert.True(c.IsGap));
    }

    [Fact]
    public void A_filter_keeps_services_with_any_chosen_value_and_narrows_that_dimension_in_by()
    {
        var facts = new[]
        {
            Service(["A"], ["refugees"], layer: "3", ages: ["children", "adults"]),
            Service(["A"], ["refugees"], layer: "2", ages: ["children"]),
            Service(["B"], ["refugees"], layer: "3", ages: ["adults"]),
        };
        var filter = new CoverageFilter().With(CoverageDimension.Layer, "3").With(CoverageDimension.AgeGroup, "children");

        var cells = Count(facts, filter, CoverageDimension.Municipality, CoverageDimension.Layer);

        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Equal("3", c.Keys[1]));
        Assert.Equal(1, Cell(cells, "A", "3").Active);
        Assert.Equal(0, Cell(cells, "B", "3").Active);
    }

    [Fact]
    public void A_service_without_a_value_in_a_by_dimension_is_in_no_row_of_it()
    {
        var cells = Count([Service(["A"], ["refugees"], languages: [])], null, CoverageDimension.Language);

        Assert.All(cells, c => Assert.Equal(0, c.Active));
    }

    [Fact]
    public void Values_outside_the_domain_are_ignored()
    {
        var cells = Count([Service(["Z"], ["refugees"])], null, CoverageDimension.Municipality);

        Assert.All(cells, c => Assert.True(c.IsGap));
    }

    [Fact]
    public void A_breakdown_with_too_many_cells_is_refused()
    {
        var big = Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var domains = new Dictionary<CoverageDimension, IReadOnlyList<string>>(Domains)
        {
            [CoverageDimension.Organization] = big,
            [CoverageDimension.Language] = big,
        };

        Assert.Throws<CoverageTooLargeException>(() =>
            CoverageMath.Count([], [CoverageDimension.Organization, CoverageDimension.Language], domains, new CoverageFilter()));
    }
}
