using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Samla.Web.Data;

namespace Samla.Web.Features.Search;

/// <summary>
/// The state of the search page, all of it in the query string (shareable, works without JavaScript):
/// q, malgrupp, kommun, aldersgrupp, alder, niva, kategori, sprak, gratis, tillgang, dag, sortering, sida.
/// Shared by the search page and its print view.
/// </summary>
public abstract class SearchPageModel(ServiceSearch search, Freshness freshness) : PageModel
{
    public const int PageSize = 20;
    public const int PrintPageSize = 100;
    private const int MaxValues = 50;

    public static readonly IReadOnlyList<string> WeekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private static readonly Lazy<Dictionary<string, string>> MunicipalityNames =
        new(() => ReferenceData.LoadMunicipalities().ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal));

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "malgrupp")] public List<string> TargetGroups { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "kommun")] public List<string> Municipalities { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "aldersgrupp")] public List<string> AgeGroups { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "alder")] public string? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "niva")] public List<string> Layers { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "kategori")] public List<string> Categories { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "sprak")] public List<string> Languages { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "gratis")] public string? Free { get; set; }
    [BindProperty(SupportsGet = true, Name = "tillgang")] public List<string> AccessModes { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "dag")] public List<string> Weekdays { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "sortering")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "sida")] public string? PageNumber { get; set; }

    public SearchRequest Criteria { get; private set; } = new();
    public SearchResult Result { get; private set; } = null!;

    /// <summary>Whether any filter is chosen (the result's totals-without list one entry per active filter).</summary>
    public bool HasFilters => Result.TotalsWithout.Count > 0;

    public int? ParsedAge => int.TryParse(Age, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a <= 130 ? a : null;

    protected async Task RunAsync(int pageSize, CancellationToken ct)
    {
        SearchStages.BeginAnswer(HttpContext, api: false);
        var stage = System.Diagnostics.Stopwatch.GetTimestamp();
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 10_000) : 1;
        Criteria = new SearchRequest
        {
            Text = Query is { Length: > 200 } ? Query[..200] : Query,
            TargetGroups = Clean(TargetGroups),
            Municipalities = Clean(Municipalities),
            AgeGroups = Clean(AgeGroups),
            Age = ParsedAge,
            Layers = Clean(Layers),
            Categories = Clean(Categories),
            Languages = Clean(Languages),
            FreeOnly = Free is "1" or "true" or "on",
            AccessModes = Clean(AccessModes),
            Weekdays = Clean(Weekdays).Where(d => WeekdayCodes.Contains(d)).ToList(),
            Sort = Sort == "bekraftad" ? SearchSort.Verified : SearchSort.Relevance,
            Page = page,
            PageSize = pageSize,
        };
        SearchStages.Add(SearchStage.Parse, ref stage);
        Result = await search.SearchAsync(Criteria, ct);
    }

    private static List<string> Clean(List<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 40).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).Take(MaxValues).ToList();

    public bool IsStale(DateOnly? assured) => freshness.IsStale(assured);

    /// <summary>A term's name in the UI language (Swedish when no translation).</summary>
    public static string TermLabel(string taxonomy, string code)
    {
        // The reference data is fixed: labels are looked up once per language (a results page shows a hundred or more).
        // Only known terms are remembered, so values typed into the query string cannot grow the cache.
        var language = UiLanguages.Current.Code;
        var key = (taxonomy, code, language);
        if (TermLabels.TryGetValue(key, out var label)) return label;
        var names = ReferenceData.TermNames(taxonomy, code);
        if (names.Count == 0) return code;
        return TermLabels[key] = names.GetValueOrDefault(language) ?? names.GetValueOrDefault("sv") ?? code;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Taxonomy, string Code, string Language), string> TermLabels = new();

    public static string MunicipalityName(string code) => MunicipalityNames.Value.GetValueOrDefault(code) ?? code;

    public static Localized Pick(IReadOnlyDictionary<string, Dictionary<string, string>> translations, string field, string swedish) =>
        ContentText.Pick(translations as Dictionary<string, Dictionary<string, string>> ?? new(translations), field, swedish);

    /// <summary>Municipalities offered at most (those with most matches, plus any chosen): a national database has 290.</summary>
    public const int MaxMunicipalityOptions = 15;

    /// <summary>Values of a facet to offer: the taxonomy's terms (or the values in the data), with counts; empty ones hidden unless chosen.</summary>
    public IReadOnlyList<(string Value, string Label, int Count, bool Selected)> Options(string facet, IReadOnlyList<string> selected)
    {
        var counts = Result.Facets.GetValueOrDefault(facet) ?? [];
        IEnumerable<string> values = facet switch
        {
            SearchFacets.TargetGroup => Codes(ReferenceData.TargetGroups),
            SearchFacets.AgeGroup => Codes(ReferenceData.AgeGroups),
            SearchFacets.Layer => Codes(ReferenceData.MhpssLayers),
            SearchFacets.Category => Codes(ReferenceData.ActivityCategories),
            SearchFacets.Access => Codes(ReferenceData.AccessModes),
            SearchFacets.Weekday => WeekdayCodes,
            SearchFacets.Municipality => counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Take(MaxMunicipalityOptions).Select(c => c.Value).Union(selected, StringComparer.Ordinal),
            _ => counts.Select(c => c.Value).Union(selected, StringComparer.Ordinal),
        };
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, true);
        var options = values
            .Select(v => (Value: v, Label: Label(facet, v), Count: Result.CountOf(facet, v), Selected: selected.Contains(v)))
            .Where(o => o.Count > 0 || o.Selected)
            .ToList();
        return facet is SearchFacets.Municipality or SearchFacets.Language
            ? options.OrderBy(o => o.Label, comparer).ToList()
            : options;
    }

    private static IEnumerable<string> Codes(string taxonomy) =>
        ReferenceData.Taxonomies.First(t => t.Name == taxonomy).Terms.Select(t => t.Code);

    public string Label(string facet, string value) => facet switch
    {
        SearchFacets.TargetGroup => TermLabel(ReferenceData.TargetGroups, value),
        SearchFacets.AgeGroup => TermLabel(ReferenceData.AgeGroups, value),
        SearchFacets.Layer => TermLabel(ReferenceData.MhpssLayers, value),
        SearchFacets.Category => TermLabel(ReferenceData.ActivityCategories, value),
        SearchFacets.Access => TermLabel(ReferenceData.AccessModes, value),
        SearchFacets.Cost => TermLabel(ReferenceData.Costs, value),
        SearchFacets.Municipality => MunicipalityName(value),
        SearchFacets.Language => ContentText.LanguageName(value),
        _ => value,
    };

    /// <summary>The query string of the current search, changed by <paramref name="change"/> (page reset unless set).</summary>
    public string Link(string path, Action<Dictionary<string, List<string>>>? change = null, bool keepPage = false)
    {
        var state = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["q"] = string.IsNullOrWhiteSpace(Query) ? [] : [Query],
            ["malgrupp"] = [.. Criteria.TargetGroups],
            ["kommun"] = [.. Criteria.Municipalities],
            ["aldersgrupp"] = [.. Criteria.AgeGroups],
            ["alder"] = Criteria.Age is { } a ? [a.ToString(CultureInfo.InvariantCulture)] : [],
            ["niva"] = [.. Criteria.Layers],
            ["kategori"] = [.. Criteria.Categories],
            ["sprak"] = [.. Criteria.Languages],
            ["gratis"] = Criteria.FreeOnly ? ["1"] : [],
            ["tillgang"] = [.. Criteria.AccessModes],
            ["dag"] = [.. Criteria.Weekdays],
            ["sortering"] = Criteria.Sort == SearchSort.Verified ? ["bekraftad"] : [],
            ["sida"] = keepPage && Criteria.Page > 1 ? [Criteria.Page.ToString(CultureInfo.InvariantCulture)] : [],
        };
        change?.Invoke(state);
        var url = path;
        foreach (var (key, values) in state)
        {
            foreach (var v in values) url = QueryHelpers.AddQueryString(url, key, v);
        }
        return url;
    }

    public string PageUrl(int page) => Link("/sok", s => s["sida"] = page > 1 ? [page.ToString(CultureInfo.InvariantCulture)] : []);

    /// <summary>Query-string key of a facet.</summary>
    public static string Key(string facet) => facet switch
    {
        SearchFacets.TargetGroup => "malgrupp",
        SearchFacets.Municipality => "kommun",
        SearchFacets.AgeGroup => "aldersgrupp",
        SearchFacets.Age => "alder",
        SearchFacets.Layer => "niva",
        SearchFacets.Category => "kategori",
        SearchFacets.Language => "sprak",
        SearchFacets.Cost => "gratis",
        SearchFacets.Access => "tillgang",
        SearchFacets.Weekday => "dag",
        _ => facet,
    };

    /// <summary>The search without one filter dimension (the "remove the most restrictive filter" link).</summary>
    public string UrlWithout(string facet) => Link("/sok", s => s[Key(facet)] = []);
}
