using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Samla.Web.Features.Search;

/// <summary>One public service as the index sees it (built from the database by <see cref="SearchIndexLoader"/>).</summary>
public sealed record IndexedService(
    Guid Id,
    string Name,
    string? AlternateName,
    string Description,
    string Summary,
    Dictionary<string, Dictionary<string, string>> Translations,
    Guid OrganizationId,
    string OrganizationName,
    Dictionary<string, Dictionary<string, string>> OrganizationTranslations,
    int? MinimumAge,
    int? MaximumAge,
    DateOnly? AssuredDate,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets,
    string ExtraText);

/// <summary>
/// An immutable snapshot of all public services: a Lucene index (in memory) for the free text, and one bit set
/// per filter value for filters and facet counts. Searches never lock; a new snapshot replaces the old one whole.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private const string OrdField = "ord";
    private const string NameField = "name";
    private const string NameRawField = "name_raw";
    private const string OrgField = "org";
    private const string TextField = "text";
    private const string TextRawField = "text_raw";

    // Constant scores per kind of match: a match in the name always outranks one in the description.
    private const float NameExact = 10f, NamePrefix = 6f, NameFuzzy = 5f, OrgExact = 4f, TextExact = 2f, TextPrefix = 1.2f, TextFuzzy = 1f;

    private static readonly (string Name, int From, int To)[] AgeGroupRanges =
        [("children", 0, 12), ("youth", 13, 17), ("adults", 18, 64), ("older-adults", 65, 150)];

    // What a result list needs per slot; the texts fed to Lucene are not kept.
    private readonly SearchHit[] docs;
    private readonly Dictionary<string, Dictionary<string, Bits>> facetBits;
    private readonly int[] minAge, maxAge;
    private readonly int[] byName, byVerified, nameRank;
    private const int MaxCachedClauses = 4_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(MatchKind, string, string), Bits> clauseCache = new();
    private readonly LuceneDirectory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public int Count => docs.Length;

    public DateTime BuiltAt { get; }

    private SearchIndex(SearchHit[] docs, Dictionary<string, Dictionary<string, Bits>> facetBits, int[] minAge, int[] maxAge,
        LuceneDirectory directory, DateTime builtAt)
    {
        this.docs = docs;
        this.facetBits = facetBits;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.directory = directory;
        BuiltAt = builtAt;
        var n = docs.Length;
        byName = Enumerable.Range(0, n)
            .OrderBy(i => docs[i].Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), CompareOptions.IgnoreCase))
            .ThenBy(i => docs[i].Id)
            .ToArray();
        nameRank = new int[n];
        for (var r = 0; r < n; r++) nameRank[byName[r]] = r;
        byVerified = Enumerable.Range(0, n)
            .OrderByDescending(i => docs[i].AssuredDate ?? DateOnly.MinValue)
            .ThenBy(i => nameRank[i])
            .ToArray();
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
    }

    /// <summary>Builds an index from services in any order: results never depend on it (ties are broken by name, then id).</summary>
    public static SearchIndex Build(IEnumerable<IndexedService> services, DateTime builtAt)
    {
        using var builder = new Builder();
        foreach (var s in services) builder.Add(s);
        return builder.Build(builtAt);
    }

    /// <summary>
    /// Adds services one at a time: each is written to Lucene and reduced to its result-list slot as it comes, so a
    /// build never holds every service's full text at once (at 100 000 services that is the difference between
    /// streaming the rows and keeping hundreds of megabytes of descriptions alive until the end).
    /// </summary>
    public sealed class Builder : IDisposable
    {
        private readonly List<SearchHit> docs = [];
        private readonly List<int> minAge = [], maxAge = [];
        private readonly Dictionary<string, Dictionary<string, List<int>>> slots =
            SearchFacets.Counted.ToDictionary(f => f, _ => new Dictionary<string, List<int>>(StringComparer.Ordinal), StringComparer.Ordinal);
        private readonly LuceneDirectory directory = new RAMDirectory();
        private IndexWriter? writer;
        private bool built;

        public Builder() =>
            writer = new IndexWriter(directory, new IndexWriterConfig(SwedishTextAnalyzer.Version, Analyzer()) { OpenMode = OpenMode.CREATE });

        public void Add(IndexedService service)
        {
            var slot = docs.Count;
            docs.Add(ToHit(service));
            foreach (var (facet, values) in service.Facets)
            {
                if (!slots.TryGetValue(facet, out var byValue)) continue;
                foreach (var v in values)
                {
                    if (!byValue.TryGetValue(v, out var list)) byValue[v] = list = [];
                    list.Add(slot);
                }
            }
            var (from, to) = AgeRange(service);
            minAge.Add(from);
            maxAge.Add(to);
            writer!.AddDocument(ToDocument(slot, service));
        }

        public SearchIndex Build(DateTime builtAt)
        {
            writer!.Commit();
            writer.Dispose();
            writer = null;
            var n = docs.Count;
            var bits = slots.ToDictionary(f => f.Key, f => f.Value.ToDictionary(v => v.Key, v =>
            {
                var b = new Bits(n);
                foreach (var slot in v.Value) b.Set(slot);
                return b;
            }, StringComparer.Ordinal), StringComparer.Ordinal);
            built = true;
            return new SearchIndex([.. docs], bits, [.. minAge], [.. maxAge], directory, builtAt);
        }

        public void Dispose()
        {
            writer?.Dispose();
            if (!built) directory.Dispose();
        }
    }

    private static Lucene.Net.Analysis.Analyzer Analyzer()
    {
        var stemmed = new SwedishTextAnalyzer(stem: true);
        var raw = new SwedishTextAnalyzer(stem: false);
        return new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(stemmed, new Dictionary<string, Lucene.Net.Analysis.Analyzer>
        {
            [NameRawField] = raw,
            [TextRawField] = raw,
        });
    }

    /// <summary>
    /// Scores are constant per kind of match (see <see cref="MatchText"/>), so the index needs to know only which
    /// documents hold a term: no frequencies, positions or norms, which keeps 100 000 services small in memory.
    /// </summary>
    private static readonly FieldType MatchOnly = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    };

    private static Document ToDocument(int ord, IndexedService s)
    {
        var names = string.Join(" ", new[] { s.Name, s.AlternateName }
            .Concat(s.Translations.Values.Select(t => t.GetValueOrDefault("name")))
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        var text = s.Description + " " + s.ExtraText;
        var org = string.Join(" ", new[] { s.OrganizationName }.Concat(s.OrganizationTranslations.Values.Select(t => t.GetValueOrDefault("name"))).Where(x => !string.IsNullOrWhiteSpace(x)));
        return
        [
            new NumericDocValuesField(OrdField, ord),
            new Field(NameField, names, MatchOnly),
            new Field(NameRawField, names, MatchOnly),
            new Field(OrgField, org, MatchOnly),
            new Field(TextField, text, MatchOnly),
            new Field(TextRawField, text, MatchOnly),
        ];
    }

    /// <summary>A service's age range in years: its own minimum/maximum, else that of its age groups, else all ages.</summary>
    private static (int From, int To) AgeRange(IndexedService d)
    {
        var groups = d.Facets.GetValueOrDefault(SearchFacets.AgeGroup) ?? [];
        var ranges = AgeGroupRanges.Where(r => groups.Contains(r.Name)).ToList();
        var from = d.MinimumAge ?? (ranges.Count > 0 ? ranges.Min(r => r.From) : 0);
        var to = d.MaximumAge ?? (ranges.Count > 0 ? ranges.Max(r => r.To) : 150);
        return (from, to);
    }

    /// <summary>Age group codes for a service: all four when it names none (open to all ages).</summary>
    public static IReadOnlyList<string> AgeGroupsOrAll(IReadOnlyList<string> groups) =>
        groups.Count > 0 ? groups : [.. AgeGroupRanges.Select(r => r.Name)];

    public SearchResult Search(SearchRequest request, SearchSynonyms? synonyms = null)
    {
        var n = docs.Length;
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(1, request.Page);

        TextHits? textHits = null;
        Bits text;
        if (request.HasText && SwedishTextAnalyzer.Words(request.Text!) is { Count: > 0 } words)
        {
            textHits = MatchText(words, synonyms ?? SearchSynonyms.Default);
            text = textHits.Matched;
        }
        else
        {
            text = Bits.All(n);
        }

        // One bit set per active filter; each dimension's facet counts ignore that dimension's own filter.
        var filters = new Dictionary<string, Bits>(StringComparer.Ordinal);
        AddAny(filters, SearchFacets.TargetGroup, request.TargetGroups);
        AddAny(filters, SearchFacets.Municipality, request.Municipalities);
        AddAny(filters, SearchFacets.AgeGroup, request.AgeGroups);
        AddAny(filters, SearchFacets.Layer, request.Layers);
        AddAny(filters, SearchFacets.Category, request.Categories);
        AddAny(filters, SearchFacets.Language, request.Languages);
        if (request.FreeOnly) AddAny(filters, SearchFacets.Cost, ["free"]);
        AddAny(filters, SearchFacets.Access, request.AccessModes);
        AddAny(filters, SearchFacets.Weekday, request.Weekdays.Select(d => d.ToUpperInvariant()).ToList());
        if (request.Age is { } age)
        {
            var bits = new Bits(n);
            for (var i = 0; i < n; i++) if (minAge[i] <= age && age <= maxAge[i]) bits.Set(i);
            filters[SearchFacets.Age] = bits;
        }

        var matched = text.Clone();
        foreach (var f in filters.Values) matched.And(f);

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        var without = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var facet in request.CountFacets ? SearchFacets.Counted.Append(SearchFacets.Age) : [])
        {
            Bits baseSet;
            if (filters.ContainsKey(facet))
            {
                baseSet = text.Clone();
                foreach (var (other, bits) in filters) if (other != facet) baseSet.And(bits);
                without[facet] = baseSet.Count();
            }
            else
            {
                baseSet = matched;
            }
            if (facetBits.TryGetValue(facet, out var values))
            {
                facets[facet] = values
                    .Select(kv => new FacetCount(kv.Key, baseSet.CountAnd(kv.Value)))
                    .OrderBy(c => c.Value, StringComparer.Ordinal)
                    .ToList();
            }
        }

        var total = matched.Count();
        var hits = PageOf(request, textHits, matched, (page - 1) * pageSize, pageSize);
        return new SearchResult(total, page, pageSize, hits, facets, without) { AllWords = textHits?.AllWords ?? true };
    }

    private void AddAny(Dictionary<string, Bits> filters, string facet, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var bits = new Bits(docs.Length);
        var byValue = facetBits[facet];
        foreach (var v in values.Distinct(StringComparer.Ordinal))
        {
            if (byValue.TryGetValue(v, out var b)) bits.Or(b);
        }
        filters[facet] = bits;
    }

    /// <summary>One page of the matched services in the requested order, without sorting more than needed.</summary>
    private List<SearchHit> PageOf(SearchRequest request, TextHits? textHits, Bits matched, int skip, int take)
    {
        var page = new List<SearchHit>(take);
        if (request.Sort == SearchSort.Verified || textHits is null)
        {
            // Precomputed orders: walk them and keep the matched slots of the requested page.
            var sequence = request.Sort == SearchSort.Verified ? byVerified : byName;
            var seen = 0;
            foreach (var i in sequence)
            {
                if (!matched.Get(i)) continue;
                if (seen++ < skip) continue;
                page.Add(textHits is null ? docs[i] : docs[i] with { Score = textHits.ScoreOf(i) });
                if (page.Count == take) break;
            }
            return page;
        }
        // Relevance: score descending, then name.
        // Scores take few distinct values (sums of a handful of weights), so instead of sorting every match, find the
        // lowest score that still reaches the page, sort the few matches above it, and take that score's ties in name
        // order straight from the precomputed name order.
        var scores = System.Buffers.ArrayPool<float>.Shared.Rent(docs.Length);
        try
        {
            var levels = new Dictionary<float, int>();
            matched.ForEach(slot =>
            {
                var score = textHits.ScoreOf(slot);
                scores[slot] = score;
                levels[score] = levels.GetValueOrDefault(score) + 1;
            });
            var needed = skip + take;
            var above = 0;
            var threshold = float.NegativeInfinity;
            foreach (var level in levels.Keys.OrderByDescending(l => l))
            {
                threshold = level;
                if (above + levels[level] >= needed) break;
                above += levels[level];
            }
            var ordered = new List<int>(Math.Min(needed, docs.Length));
            var higher = new List<int>(above);
            matched.ForEach(slot =>
            {
                if (scores[slot] > threshold) higher.Add(slot);
            });
            higher.Sort((x, y) => scores[x] != scores[y] ? scores[y].CompareTo(scores[x]) : nameRank[x].CompareTo(nameRank[y]));
            ordered.AddRange(higher);
            foreach (var slot in byName)
            {
                if (ordered.Count >= needed) break;
                if (matched.Get(slot) && scores[slot] == threshold) ordered.Add(slot);
            }
            foreach (var slot in ordered.Skip(skip).Take(take)) page.Add(docs[slot] with { Score = scores[slot] });
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scores);
        }
        return page;
    }

    private enum MatchKind
    {
        Exact,
        Prefix,
        Typo,
    }

    /// <summary>
    /// The documents of one (kind, field, word). The snapshot never changes, so these are cached: people search for
    /// the same few hundred words, and a cached word costs nothing. Bounded (about 12 KB each at 100 000 services).
    /// </summary>
    private Bits Collect(MatchKind kind, string field, string word)
    {
        if (clauseCache.TryGetValue((kind, field, word), out var cached)) return cached;
        var term = new Term(field, word);
        Query query = kind switch
        {
            MatchKind.Prefix => new PrefixQuery(term) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE },
            // One typo (an edit or a swap of two letters) in words of five letters or more.
            MatchKind.Typo => new FuzzyQuery(term, 1, 0, 50, true) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE },
            _ => new TermQuery(term),
        };
        var bits = new Bits(docs.Length);
        searcher.Search(new ConstantScoreQuery(query), new SlotCollector(bits));
        if (clauseCache.Count >= MaxCachedClauses) clauseCache.Clear();
        clauseCache[(kind, field, word)] = bits;
        return bits;
    }

    private static SearchHit ToHit(IndexedService d) => new(
        d.Id, d.Name, d.Summary, d.Translations, d.OrganizationId, d.OrganizationName, d.OrganizationTranslations, d.AssuredDate,
        d.Facets.GetValueOrDefault(SearchFacets.TargetGroup) ?? [],
        d.Facets.GetValueOrDefault(SearchFacets.Access) ?? [],
        d.Facets.GetValueOrDefault(SearchFacets.Cost) ?? [],
        d.Facets.GetValueOrDefault(SearchFacets.Layer) ?? [],
        d.Facets.GetValueOrDefault(SearchFacets.Municipality) ?? [],
        0f);

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    /// <summary>Marks the slot of every document a query finds (the "ord" doc value maps Lucene's document to the slot).</summary>
    private sealed class SlotCollector(Bits hits) : ICollector
    {
        private NumericDocValues? ords;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => ords = context.AtomicReader.GetNumericDocValues(OrdField);

        public void Collect(int doc) => hits.Set((int)ords!.Get(doc));
    }
}
