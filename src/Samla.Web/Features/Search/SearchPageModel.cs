using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
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

    // Read straight from the query string in RunAsync (model binding and validation of thirteen properties cost more than
    // a search's facet counts); the names are those of the form's fields.
    public string? Query { get; private set; }
    public List<string> TargetGroups { get; private set; } = [];
    public List<string> Municipalities { get; private set; } = [];
    public List<string> AgeGroups { get; private set; } = [];
    public string? Age { get; private set; }
    public List<string> Layers { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public string? Free { get; private set; }
    public List<string> AccessModes { get; private set; } = [];
    public List<string> Weekdays { get; private set; } = [];
    public string? Sort { get; private set; }
    public string? PageNumber { get; private set; }

    public SearchRequest Criteria { get; private set; } = new();
    public SearchResult Result { get; private set; } = null!;

    /// <summary>Whether any filter is chosen (the result's totals-without list one entry per active filter).</summary>
    public bool HasFilters => Result.TotalsWithout.Count > 0;

    public int? ParsedAge => int.TryParse(Age, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a <= 130 ? a : null;

    protected async Task RunAsync(int pageSize, CancellationToken ct)
    {
        SearchStages.BeginAnswer(HttpContext, api: false);
        var stage = System.Diagnostics.Stopwatch.GetTimestamp();
        ReadQuery(Request.Query);
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
            Weekdays = Clean(Weekdays).FindAll(WeekdayCodes.Contains),
            Sort = Sort == "bekraftad" ? SearchSort.Verified : SearchSort.Relevance,
            Page = page,
            PageSize = pageSize,
        };
        SearchStages.Add(SearchStage.Parse, ref stage);
        Result = await search.SearchAsync(Criteria, ct);
    }

    /// <summary>The search's state from the query string, as the form sends it (a repeated single value: its first).</summary>
    private void ReadQuery(IQueryCollection query)
    {
        // As model binding: an empty or blank value is no value.
        static string? One(IQueryCollection query, string key) => query[key] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;
        static List<string> All(IQueryCollection query, string key)
        {
            var values = query[key];
            var list = new List<string>(values.Count);
            foreach (var v in values) if (v is not null) list.Add(v);
            return list;
        }
        Query = One(query, "q");
        TargetGroups = All(query, "malgrupp");
        Municipalities = All(query, "kommun");
        AgeGroups = All(query, "aldersgrupp");
        Age = One(query, "alder");
        Layers = All(query, "niva");
        Categories = All(query, "kategori");
        Languages = All(query, "sprak");
        Free = One(query, "gratis");
        AccessModes = All(query, "tillgang");
        Weekdays = All(query, "dag");
        Sort = One(query, "sortering");
        PageNumber = One(query, "sida");
    }

    private static List<string> Clean(List<string> values)
    {
        var clean = new List<string>(values.Count);
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v) || v.Length > 40) continue;
            var value = v.Trim();
            if (!clean.Contains(value)) clean.Add(value);
            if (clean.Count == MaxValues) break;
        }
        return clean;
    }

    /// <summary>
    /// A hit's "last verified" line, and whether it is out of date. Formatted once per language, date and state (a page
    /// shows twenty hits, and their dates repeat); at most 8 192 are kept.
    /// </summary>
    public (string Text, bool Stale) Verified(IStringLocalizer<SearchText> text, DateOnly? assured)
    {
        if (assured is not { } date) return (text["HitNeverVerified"], true);
        var stale = freshness.IsStale(date);
        var key = (CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, date, stale);
        if (VerifiedLines.TryGetValue(key, out var line)) return (line, stale);
        if (VerifiedLines.Count >= 8192) VerifiedLines.Clear();
        return (VerifiedLines[key] = text[stale ? "HitStale" : "HitVerified", Formats.LongDate(date)], stale);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string UiCulture, string Culture, DateOnly Date, bool Stale), string> VerifiedLines = new();

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

    public static string MunicipalityName(string code) => ReferenceData.MunicipalityNamesByCode.GetValueOrDefault(code) ?? code;

    /// <summary>The names of the first <paramref name="max"/> municipalities, separated as the UI language separates a list.</summary>
    public static string MunicipalityNames(IReadOnlyList<string> codes, int max)
    {
        if (codes.Count == 1) return MunicipalityName(codes[0]);
        var names = new string[Math.Min(max, codes.Count)];
        for (var i = 0; i < names.Length; i++) names[i] = MunicipalityName(codes[i]);
        return string.Join(UiLanguages.ListSeparator, names);
    }

    public static Localized Pick(IReadOnlyDictionary<string, Dictionary<string, string>> translations, string field, string swedish) =>
        ContentText.Pick(translations as Dictionary<string, Dictionary<string, string>> ?? new(translations), field, swedish);

    /// <summary>Municipalities offered at most (those with most matches, plus any chosen): a national database has 290.</summary>
    public const int MaxMunicipalityOptions = 15;

    /// <summary>Values of a facet to offer: the taxonomy's terms (or the values in the data), with counts; empty ones hidden unless chosen.</summary>
    public IReadOnlyList<(string Value, string Label, int Count, bool Selected)> Options(string facet, IReadOnlyList<string> selected)
    {
        // Without LINQ: a results page builds nine of these on every answer.
        var counts = Result.Facets.GetValueOrDefault(facet) ?? [];
        var options = new List<(string Value, string Label, int Count, bool Selected)>(facet switch
        {
            SearchFacets.Weekday => WeekdayCodes.Count,
            SearchFacets.Municipality => MaxMunicipalityOptions + selected.Count,
            SearchFacets.TargetGroup or SearchFacets.AgeGroup or SearchFacets.Layer or SearchFacets.Category or SearchFacets.Access => Codes(facet).Length,
            _ => Offered(counts) + selected.Count,
        });
        void Add(string value, int count)
        {
            var chosen = Contains(selected, value);
            if (count > 0 || chosen) options.Add((value, Label(facet, value), count, chosen));
        }
        void AddChosenNotOffered()
        {
            foreach (var value in selected)
            {
                if (!options.Exists(o => o.Value == value)) Add(value, Result.CountOf(facet, value));
            }
        }
        switch (facet)
        {
            case SearchFacets.Weekday:
                foreach (var code in WeekdayCodes) Add(code, Result.CountOf(facet, code));
                return options;
            case SearchFacets.Municipality:
                // Those with most matches (a national database has 290), then any chosen.
                foreach (var c in MostMatches(counts, MaxMunicipalityOptions)) Add(c.Value, c.Count);
                AddChosenNotOffered();
                return ByLabel(facet, options);
            case SearchFacets.TargetGroup or SearchFacets.AgeGroup or SearchFacets.Layer or SearchFacets.Category or SearchFacets.Access:
                foreach (var code in Codes(facet)) Add(code, Result.CountOf(facet, code));
                return options;
            default:
                // The values in the data (languages), and any chosen.
                for (var i = 0; i < counts.Count; i++) Add(counts[i].Value, counts[i].Count);
                AddChosenNotOffered();
                return facet == SearchFacets.Language ? ByLabel(facet, options) : options;
        }
    }

    private static int Offered(IReadOnlyList<FacetCount> counts)
    {
        var offered = 0;
        for (var i = 0; i < counts.Count; i++) if (counts[i].Count > 0) offered++;
        return offered;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var v in values)
        {
            if (v == value) return true;
        }
        return false;
    }

    /// <summary>The <paramref name="count"/> values with most matches (most first, then by value), without sorting them all.</summary>
    private static List<FacetCount> MostMatches(IReadOnlyList<FacetCount> counts, int count)
    {
        static bool Before(FacetCount x, FacetCount y) => x.Count != y.Count ? x.Count > y.Count : string.CompareOrdinal(x.Value, y.Value) < 0;
        var top = new List<FacetCount>(count + 1);
        for (var i = 0; i < counts.Count; i++)
        {
            var c = counts[i];
            if (c.Count <= 0 || (top.Count == count && !Before(c, top[^1]))) continue;
            var at = top.Count;
            while (at > 0 && Before(c, top[at - 1])) at--;
            top.Insert(at, c);
            if (top.Count > count) top.RemoveAt(count);
        }
        return top;
    }

    /// <summary>
    /// Sorted by label in the UI language (stable: equal labels keep their order). Municipality and language names are
    /// reference data: their order per language is worked out once, and only a value outside it is compared by name.
    /// </summary>
    private static List<(string Value, string Label, int Count, bool Selected)> ByLabel(string facet, List<(string Value, string Label, int Count, bool Selected)> options)
    {
        var ranks = LabelRanks.GetOrAdd((CultureInfo.CurrentCulture.Name, UiLanguages.Current.Code, facet), static key => RanksOf(key.Facet));
        var keys = new int[options.Count];
        var known = true;
        for (var i = 0; i < keys.Length && known; i++) known = ranks.TryGetValue(options[i].Value, out keys[i]);
        var order = new int[options.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (known)
        {
            Array.Sort(order, (x, y) => keys[x] != keys[y] ? keys[x].CompareTo(keys[y]) : x.CompareTo(y));
        }
        else
        {
            var comparer = StringComparer.Create(CultureInfo.CurrentCulture, true);
            Array.Sort(order, (x, y) => comparer.Compare(options[x].Label, options[y].Label) is var c and not 0 ? c : x.CompareTo(y));
        }
        var sorted = new List<(string Value, string Label, int Count, bool Selected)>(order.Length);
        foreach (var i in order) sorted.Add(options[i]);
        return sorted;
    }

    /// <summary>Every municipality's or language's place in label order, in the current languages.</summary>
    private static Dictionary<string, int> RanksOf(string facet)
    {
        IEnumerable<string> values = facet == SearchFacets.Municipality
            ? ReferenceData.MunicipalityNamesByCode.Keys
            : LanguageCatalog.All.Select(l => l.Code.ToLowerInvariant());
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, true);
        // Equal names share a rank, so that their order is the options' own (as a stable sort by name gives).
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        var rank = -1;
        foreach (var (value, label) in values.Distinct(StringComparer.Ordinal).Select(v => (v, Label(facet, v))).OrderBy(x => x.Item2, comparer))
        {
            if (previous is null || comparer.Compare(previous, label) != 0) rank++;
            ranks[value] = rank;
            previous = label;
        }
        return ranks;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Culture, string UiLanguage, string Facet), Dictionary<string, int>> LabelRanks = new();

    /// <summary>A taxonomy facet's codes in the taxonomy's order (fixed reference data, looked up once).</summary>
    private static string[] Codes(string facet) => TaxonomyCodes.GetOrAdd(facet, f =>
    {
        var taxonomy = f switch
        {
            SearchFacets.TargetGroup => ReferenceData.TargetGroups,
            SearchFacets.AgeGroup => ReferenceData.AgeGroups,
            SearchFacets.Layer => ReferenceData.MhpssLayers,
            SearchFacets.Category => ReferenceData.ActivityCategories,
            SearchFacets.Access => ReferenceData.AccessModes,
            _ => throw new ArgumentOutOfRangeException(nameof(facet), f, "Not a taxonomy facet."),
        };
        return [.. ReferenceData.Taxonomies.First(t => t.Name == taxonomy).Terms.Select(t => t.Code)];
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> TaxonomyCodes = new(StringComparer.Ordinal);

    public static string Label(string facet, string value) => facet switch
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
        var url = new System.Text.StringBuilder(path, 128);
        var first = !path.Contains('?', StringComparison.Ordinal);
        foreach (var (key, values) in state)
        {
            // As QueryHelpers.AddQueryString, without a new string per value.
            foreach (var v in values)
            {
                url.Append(first ? '?' : '&').Append(UrlEncoder.Default.Encode(key)).Append('=').Append(UrlEncoder.Default.Encode(v));
                first = false;
            }
        }
        return url.ToString();
    }

    /// <summary>The search on page <paramref name="page"/> (the page number is the address's last parameter, as in <see cref="Link"/>).</summary>
    public string PageUrl(int page)
    {
        var search = searchUrl ??= Link("/sok");
        return page <= 1 ? search : search + (search.Contains('?', StringComparison.Ordinal) ? "&sida=" : "?sida=") + page.ToString(CultureInfo.InvariantCulture);
    }

    private string? searchUrl;

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
