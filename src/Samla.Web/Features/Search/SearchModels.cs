namespace Samla.Web.Features.Search;

public enum SearchSort
{
    Relevance,
    Verified,
}

/// <summary>The filter dimensions of the search, as used for facet counts and for relaxing a filter.</summary>
public static class SearchFacets
{
    public const string TargetGroup = "target-group";
    public const string Municipality = "municipality";
    public const string AgeGroup = "age-group";
    public const string Age = "age";
    public const string Layer = "layer";
    public const string Category = "category";
    public const string Language = "language";
    public const string Cost = "cost";
    public const string Access = "access";
    public const string Weekday = "weekday";

    /// <summary>Dimensions whose values are counted (age in years is a single number, not counted).</summary>
    public static readonly IReadOnlyList<string> Counted = [TargetGroup, Municipality, AgeGroup, Layer, Category, Language, Cost, Access, Weekday];
}

/// <summary>What to search for. Values within one filter are alternatives (any of); filters combine (all of).</summary>
public sealed record SearchRequest
{
    public string? Text { get; init; }
    public IReadOnlyList<string> TargetGroups { get; init; } = [];
    /// <summary>Four-digit SCB codes.</summary>
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    public IReadOnlyList<string> AgeGroups { get; init; } = [];
    /// <summary>An age in years: services whose age range includes it.</summary>
    public int? Age { get; init; }
    /// <summary>MHPSS layers "1".."4".</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
    /// <summary>Activity category codes; a parent category matches its children.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>ISO 639 codes.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    public bool FreeOnly { get; init; }
    public IReadOnlyList<string> AccessModes { get; init; } = [];
    /// <summary>RRULE day codes MO..SU: services scheduled on any of these days.</summary>
    public IReadOnlyList<string> Weekdays { get; init; } = [];
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    /// <summary>Whether to count facet values (the search page shows them; the API does not need them).</summary>
    public bool CountFacets { get; init; } = true;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}

/// <summary>One service in a result list, with what a result list shows (no database round trip needed).</summary>
public sealed record SearchHit(
    Guid Id,
    string Name,
    string Summary,
    IReadOnlyDictionary<string, Dictionary<string, string>> Translations,
    Guid OrganizationId,
    string OrganizationName,
    IReadOnlyDictionary<string, Dictionary<string, string>> OrganizationTranslations,
    DateOnly? AssuredDate,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> AccessModes,
    IReadOnlyList<string> Costs,
    IReadOnlyList<string> Layers,
    IReadOnlyList<string> Municipalities,
    float Score);

public readonly record struct FacetCount(string Value, int Count);

/// <summary>
/// A dimension's counts: its values, shared by every answer of an index snapshot, and a count for each (an answer's
/// counts are then one small array per dimension, not a pair per value: the municipalities alone are 290).
/// </summary>
public sealed class FacetCounts(string[] values, int[] counts) : IReadOnlyList<FacetCount>
{
    public FacetCount this[int index] => new(values[index], counts[index]);

    public int Count => values.Length;

    public IEnumerator<FacetCount> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed record SearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    IReadOnlyDictionary<string, int> TotalsWithout)
{
    public IReadOnlyList<Guid> ServiceIds => Hits.Select(h => h.Id).ToList();

    /// <summary>
    /// False when no service has every word of the text: the hits are then those with most of them (best first), and the
    /// page says so.
    /// </summary>
    public bool AllWords { get; init; } = true;

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    /// <summary>Count for one facet value (0 when absent).</summary>
    public int CountOf(string facet, string value)
    {
        // A page asks about a few values of each dimension: a scan costs less than a lookup table.
        if (!Facets.TryGetValue(facet, out var list)) return 0;
        for (var i = 0; i < list.Count; i++) if (list[i].Value == value) return list[i].Count;
        return 0;
    }

    /// <summary>The active filter whose removal gives most results (the most restrictive), or null.</summary>
    public string? MostRestrictiveFilter =>
        TotalsWithout.Count == 0 ? null
        : TotalsWithout.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
}
