using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Search;

/// <summary>Reads every public service from the database in a handful of flat queries and shapes it for the index.</summary>
public static class SearchIndexLoader
{
    /// <summary>
    /// Every public service, shaped for the index, one at a time: the child rows (terms, areas, places, languages,
    /// schedules) are gathered first as small per-service lists, then the services themselves are streamed, so the
    /// full texts of 100 000 services are never in memory at once.
    /// </summary>
    public static IAsyncEnumerable<IndexedService> ReadAsync(SamlaDbContext db, CancellationToken ct) => ReadAsync(db, null, ct);

    /// <summary>
    /// The services among <paramref name="only"/> that are public now, shaped for the index (an update: every query
    /// is by those ids, so it costs what they cost, whatever the number of services).
    /// </summary>
    public static async Task<List<IndexedService>> ReadSomeAsync(SamlaDbContext db, IReadOnlyCollection<Guid> only, CancellationToken ct)
    {
        var result = new List<IndexedService>(only.Count);
        foreach (var chunk in only.Chunk(500))
        {
            await foreach (var s in ReadAsync(db, chunk, ct)) result.Add(s);
        }
        return result;
    }

    private static async IAsyncEnumerable<IndexedService> ReadAsync(SamlaDbContext db, Guid[]? only, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var serviceRows = only is null ? db.Services.AsNoTracking() : db.Services.AsNoTracking().Where(s => only.Contains(s.Id));
        var orgRows = db.Organizations.AsNoTracking().WherePublic();
        if (only is not null) orgRows = orgRows.Where(o => serviceRows.Any(s => s.OrganizationId == o.Id));
        var organizations = await orgRows
            .Select(o => new { o.Id, o.Name, o.Translations })
            .ToDictionaryAsync(o => o.Id, ct);
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Select(t => new { t.Id, t.Code, t.ParentId, Taxonomy = t.Taxonomy.Name })
            .ToDictionaryAsync(t => t.Id, ct);

        // Child rows are streamed, not listed: at 100 000 services they are millions of rows.
        var facets = new Dictionary<Guid, List<(string Facet, string Value)>>();
        await foreach (var id in serviceRows.WherePublic().Select(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            facets[id] = new List<(string, string)>(12);
        }
        void Add(Guid serviceId, string facet, string? value)
        {
            if (value is null || !facets.TryGetValue(serviceId, out var f)) return;
            var pair = (facet, string.Intern(value));
            if (!f.Contains(pair)) f.Add(pair);
        }
        await foreach (var a in db.ServiceAttributes.AsNoTracking().Only(only, a => only!.Contains(a.ServiceId)).Select(a => new { a.ServiceId, a.TaxonomyTermId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!terms.TryGetValue(a.TaxonomyTermId, out var term)) continue;
            var facet = FacetOf(term.Taxonomy);
            if (facet is null) continue;
            Add(a.ServiceId, facet, term.Code);
            // A parent category matches its children: index every ancestor too.
            for (var p = term.ParentId; p is { } pid && terms.TryGetValue(pid, out var parent); p = parent.ParentId)
            {
                Add(a.ServiceId, facet, parent.Code);
            }
        }

        await foreach (var a in db.ServiceAreas.AsNoTracking().Only(only, a => only!.Contains(a.ServiceId)).Select(a => new { a.ServiceId, a.MunicipalityCode }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(a.ServiceId, SearchFacets.Municipality, a.MunicipalityCode);
        }
        var places = await db.ServiceAtLocations.AsNoTracking()
            .Only(only, x => only!.Contains(x.ServiceId))
            .Select(x => new { x.Id, x.ServiceId, x.Location.MunicipalityCode })
            .ToListAsync(ct);
        foreach (var p in places) Add(p.ServiceId, SearchFacets.Municipality, p.MunicipalityCode);
        await foreach (var l in db.Languages.AsNoTracking().Only(only, l => only!.Contains(l.ServiceId)).Select(l => new { l.ServiceId, l.Code }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Add(l.ServiceId, SearchFacets.Language, l.Code.ToLowerInvariant());
        }
        var serviceOfPlace = places.ToDictionary(p => p.Id, p => p.ServiceId);
        var scheduleRows = db.Schedules.AsNoTracking().Where(s => s.Byday != null);
        if (only is not null)
        {
            Guid?[] serviceIds = [.. only.Select(id => (Guid?)id)];
            Guid?[] placeIds = [.. serviceOfPlace.Keys.Select(id => (Guid?)id)];
            scheduleRows = scheduleRows.Where(s => serviceIds.Contains(s.ServiceId) || placeIds.Contains(s.ServiceAtLocationId));
        }
        var schedules = scheduleRows
            .Select(s => new { s.ServiceId, s.ServiceAtLocationId, s.Byday })
            .AsAsyncEnumerable();
        await foreach (var s in schedules.WithCancellation(ct))
        {
            var serviceId = s.ServiceId ?? (s.ServiceAtLocationId is { } sal ? serviceOfPlace.GetValueOrDefault(sal) : (Guid?)null);
            if (serviceId is null) continue;
            foreach (var day in s.Byday!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // "1TH" (first Thursday of the month) is a Thursday too.
                if (day.Length >= 2) Add(serviceId.Value, SearchFacets.Weekday, day[^2..].ToUpperInvariant());
            }
        }

        var services = serviceRows.WherePublic()
            .Select(s => new
            {
                s.Id, s.Name, s.AlternateName, s.Description, s.ApplicationProcess, s.FeesDescription, s.Translations,
                s.OrganizationId, s.MinimumAge, s.MaximumAge, s.AssuredDate,
            })
            .AsAsyncEnumerable();
        await foreach (var s in services.WithCancellation(ct))
        {
            if (!organizations.TryGetValue(s.OrganizationId, out var org)) continue;
            var description = PlainText(s.Description);
            // A service published after the first pass has no child rows gathered yet; the next refresh completes it.
            var facetLists = (facets.GetValueOrDefault(s.Id) ?? [])
                .GroupBy(p => p.Facet, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
            facets.Remove(s.Id);
            // Only the age groups the service states make their names searchable ("barn" must not find every service
            // that names none); for the filters, naming none means open to every age.
            var statedAgeGroups = facetLists.GetValueOrDefault(SearchFacets.AgeGroup) ?? [];
            if (!facetLists.ContainsKey(SearchFacets.AgeGroup)) facetLists[SearchFacets.AgeGroup] = SearchIndex.AgeGroupsOrAll([]);
            yield return new IndexedService(
                s.Id,
                s.Name,
                s.AlternateName,
                description,
                Shorten(description),
                SummarizeTranslations(s.Translations),
                s.OrganizationId,
                string.Intern(org.Name),
                org.Translations.Count == 0 ? NoTranslations : org.Translations,
                s.MinimumAge,
                s.MaximumAge,
                s.AssuredDate,
                facetLists,
                ExtraText(s.ApplicationProcess, s.FeesDescription, s.Translations, facetLists))
            {
                StatedAgeGroups = statedAgeGroups,
            };
        }
    }

    /// <summary>The filter when reading some services, nothing when reading all.</summary>
    private static IQueryable<T> Only<T>(this IQueryable<T> rows, Guid[]? only, System.Linq.Expressions.Expression<Func<T, bool>> filter) =>
        only is null ? rows : rows.Where(filter);

    private static string? FacetOf(string taxonomy) => taxonomy switch
    {
        ReferenceData.TargetGroups => SearchFacets.TargetGroup,
        ReferenceData.AgeGroups => SearchFacets.AgeGroup,
        ReferenceData.MhpssLayers => SearchFacets.Layer,
        ReferenceData.ActivityCategories => SearchFacets.Category,
        ReferenceData.Costs => SearchFacets.Cost,
        ReferenceData.AccessModes => SearchFacets.Access,
        _ => null,
    };

    /// <summary>Searchable words beyond name and description: how to get it, fees, translated descriptions, and its category and target-group names in every UI language.</summary>
    private static string ExtraText(string? applicationProcess, string? fees, Dictionary<string, Dictionary<string, string>> translations,
        IReadOnlyDictionary<string, IReadOnlyList<string>> facets)
    {
        var parts = new List<string>();
        foreach (var fields in translations.Values)
        {
            if (fields.TryGetValue("description", out var d)) parts.Add(PlainText(d));
        }
        if (applicationProcess is not null) parts.Add(PlainText(applicationProcess));
        if (fees is not null) parts.Add(fees);
        foreach (var (facet, taxonomy) in new[] { (SearchFacets.Category, ReferenceData.ActivityCategories), (SearchFacets.TargetGroup, ReferenceData.TargetGroups) })
        {
            foreach (var code in facets.GetValueOrDefault(facet) ?? [])
            {
                parts.AddRange(ReferenceData.TermNames(taxonomy, code).Values);
            }
        }
        return string.Join(" ", parts);
    }

    private static readonly System.Buffers.SearchValues<char> MarkdownSyntax = System.Buffers.SearchValues.Create("*_[]#>`<|~\\\n");

    /// <summary>Markdown as plain text; text without any Markdown syntax is taken as it is (most descriptions: saves the parser at 100 000 services).</summary>
    internal static string PlainText(string markdown) =>
        markdown.AsSpan().IndexOfAny(MarkdownSyntax) < 0 ? markdown.Trim() : SafeMarkdown.ToPlainText(markdown);

    internal static string Summarize(string markdown) => Shorten(PlainText(markdown));

    private static string Shorten(string text)
    {
        var plain = text.ReplaceLineEndings(" ");
        if (plain.Length <= 180) return plain;
        var cut = plain.LastIndexOf(' ', 179);
        return plain[..(cut > 0 ? cut : 179)] + "…";
    }

    private static readonly Dictionary<string, Dictionary<string, string>> NoTranslations = [];

    /// <summary>Keeps translated names, and translated descriptions shortened to summaries (all a result list needs).</summary>
    private static Dictionary<string, Dictionary<string, string>> SummarizeTranslations(Dictionary<string, Dictionary<string, string>> translations)
    {
        if (translations.Count == 0) return NoTranslations;
        var copy = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (lang, fields) in translations)
        {
            var f = new Dictionary<string, string>(StringComparer.Ordinal);
            if (fields.TryGetValue("name", out var name)) f["name"] = name;
            if (fields.TryGetValue("description", out var description)) f["description"] = Summarize(description);
            copy[lang] = f;
        }
        return copy;
    }
}
