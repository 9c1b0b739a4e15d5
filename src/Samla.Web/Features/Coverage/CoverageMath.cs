namespace Samla.Web.Features.Coverage;

/// <summary>The dimensions coverage can be broken down by, in the order they are usually read.</summary>
public enum CoverageDimension
{
    Municipality,
    TargetGroup,
    Layer,
    AgeGroup,
    Category,
    Language,
    Organization,
}

public static class CoverageDimensions
{
    public static readonly IReadOnlyList<CoverageDimension> All = Enum.GetValues<CoverageDimension>();

    /// <summary>The name used in the JSON API and exports.</summary>
    public static string ApiKey(this CoverageDimension d) => d switch
    {
        CoverageDimension.Municipality => "municipality",
        CoverageDimension.TargetGroup => "target_group",
        CoverageDimension.Layer => "layer",
        CoverageDimension.AgeGroup => "age_group",
        CoverageDimension.Category => "category",
        CoverageDimension.Language => "language",
        CoverageDimension.Organization => "organization",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>The name used in the query strings of the Swedish pages.</summary>
    public static string PageKey(this CoverageDimension d) => d switch
    {
        CoverageDimension.Municipality => "kommun",
        CoverageDimension.TargetGroup => "malgrupp",
        CoverageDimension.Layer => "niva",
        CoverageDimension.AgeGroup => "alder",
        CoverageDimension.Category => "kategori",
        CoverageDimension.Language => "sprak",
        CoverageDimension.Organization => "organisation",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    public static CoverageDimension? FromApiKey(string key) =>
        All.Cast<CoverageDimension?>().FirstOrDefault(d => string.Equals(d!.Value.ApiKey(), key.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>What one service contributes: whether it counts, and its values in every dimension (several per dimension allowed).</summary>
public sealed record ServiceFacts(Guid Id, bool IsPublic, bool IsStale, IReadOnlyList<string>[] Values)
{
    public IReadOnlyList<string> this[CoverageDimension d] => Values[(int)d];
}

/// <summary>Restricts which services count: a service passes a dimension's filter when any of its values is among the chosen ones.</summary>
public sealed class CoverageFilter
{
    public Dictionary<CoverageDimension, HashSet<string>> Include { get; } = [];
    /// <summary>Count only services verified within the update cycle.</summary>
    public bool VerifiedOnly { get; set; }

    public CoverageFilter With(CoverageDimension d, params string[] codes)
    {
        Include[d] = new HashSet<string>(codes, StringComparer.Ordinal);
        return this;
    }

    public bool Passes(ServiceFacts f)
    {
        if (!f.IsPublic || (VerifiedOnly && f.IsStale)) return false;
        foreach (var (d, codes) in Include)
        {
            if (codes.Count > 0 && !f[d].Any(codes.Contains)) return false;
        }
        return true;
    }
}

/// <summary>One cell of the breakdown: its codes in the order of `by`, and the services counted in it.</summary>
public sealed record CoverageCell(IReadOnlyList<string> Keys, int Active, int Stale)
{
    public bool IsGap => Active == 0 && Stale == 0;
    /// <summary>Kept alive only by services not verified within the cycle.</summary>
    public bool IsAtRisk => Active == 0 && Stale > 0;
}

/// <summary>
/// The coverage arithmetic, free of the database: every combination of the chosen dimensions' domains is a
/// cell (so gaps show as zeros); a public service counts once in each cell it has a value in, so a service
/// serving three municipalities counts in all three; stale services are counted apart from active ones.
/// </summary>
public static class CoverageMath
{
    public const int MaxCells = 200_000;

    public static IReadOnlyList<CoverageCell> Count(
        IEnumerable<ServiceFacts> facts,
        IReadOnlyList<CoverageDimension> by,
        IReadOnlyDictionary<CoverageDimension, IReadOnlyList<string>> domains,
        CoverageFilter filter)
    {
        var axes = by.Select(d =>
        {
            var domain = domains[d];
            if (filter.Include.TryGetValue(d, out var chosen) && chosen.Count > 0)
            {
                domain = domain.Where(chosen.Contains).ToList();
            }
            return domain;
        }).ToList();
        var size = axes.Aggregate(1L, (n, a) => n * a.Count);
        if (size > MaxCells) throw new CoverageTooLargeException(size);

        var index = axes.Select(a => a.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal)).ToList();
        var strides = new int[axes.Count];
        for (int i = axes.Count - 1, stride = 1; i >= 0; stride *= axes[i].Count, i--) strides[i] = stride;

        var active = new int[size];
        var stale = new int[size];
        var positions = new List<int>[axes.Count];
        foreach (var f in facts)
        {
            if (!filter.Passes(f)) continue;
            var empty = false;
            for (var i = 0; i < axes.Count; i++)
            {
                positions[i] = f[by[i]].Select(v => index[i].TryGetValue(v, out var p) ? p : -1).Where(p => p >= 0).Distinct().ToList();
                if (positions[i].Count == 0) empty = true;
            }
            if (empty) continue;
            var target = f.IsStale ? stale : active;
            AddAll(target, positions, strides, 0, 0);
        }

        var cells = new List<CoverageCell>((int)size);
        for (var flat = 0; flat < size; flat++)
        {
            var keys = new string[axes.Count];
            for (var i = 0; i < axes.Count; i++) keys[i] = axes[i][flat / strides[i] % axes[i].Count];
            cells.Add(new CoverageCell(keys, active[flat], stale[flat]));
        }
        return cells;
    }

    private static void AddAll(int[] counts, List<int>[] positions, int[] strides, int axis, int offset)
    {
        if (axis == positions.Length)
        {
            counts[offset]++;
            return;
        }
        foreach (var p in positions[axis]) AddAll(counts, positions, strides, axis + 1, offset + p * strides[axis]);
    }
}

public sealed class CoverageTooLargeException(long cells)
    : Exception($"The breakdown would have {cells} cells; choose fewer dimensions or add filters (at most {CoverageMath.MaxCells}).")
{
    public long Cells { get; } = cells;
}
