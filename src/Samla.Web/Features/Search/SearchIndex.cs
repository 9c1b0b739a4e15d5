using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Samla.Web.Data;
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
    string ExtraText)
{
    /// <summary>
    /// The age groups the service itself states (its age-group facet is all four when it states none, for the filters):
    /// only these make its age-group names searchable.
    /// </summary>
    public IReadOnlyList<string> StatedAgeGroups { get; init; } = [];
}

/// <summary>
/// A snapshot of all public services: a Lucene index (in memory) for the free text, and one bit set per filter value
/// for filters and facet counts. Searches never lock and never see a snapshot change under them.
/// </summary>
/// <remarks>
/// Each service has a slot (its bit in every bit set, its entry in the result-list arrays). A snapshot is the set of
/// live slots (<see cref="alive"/>) plus its sort orders and Lucene reader; what it shares with the snapshots made from
/// it (the per-slot arrays, the facet bit sets, the Lucene writer) is only ever appended to. An update
/// (<see cref="Apply"/>) retires the slots of the changed services and appends fresh ones: a slot an older snapshot
/// does not count as alive is invisible to it, so it stays consistent while searches finish on it. Retired slots are
/// reclaimed by the next full build, which the owner starts when they pile up (<see cref="DeadSlots"/>).
/// </remarks>
public sealed partial class SearchIndex : IDisposable
{
    private const string OrdField = "ord";
    private const string IdField = "id";
    private const string NameField = "name";
    private const string NameRawField = "name_raw";
    private const string OrgField = "org";
    private const string TextField = "text";
    private const string TextRawField = "text_raw";
    // Age-group names in every UI language, only of services that state age groups: of those that state one or two
    // ("for children") and of those that state three or four (open to nearly every age), weighed apart.
    private const string AgeFocusField = "age_focus";
    private const string AgeBroadField = "age_broad";

    // Constant scores per kind of match: a match in the name always outranks one in the description.
    private const float NameExact = 10f, NamePrefix = 6f, NameFuzzy = 5f, OrgExact = 4f, TextExact = 2f, TextPrefix = 1.2f, TextFuzzy = 1f;

    private static readonly (string Name, int From, int To)[] AgeGroupRanges =
        [("children", 0, 12), ("youth", 13, 17), ("adults", 18, 64), ("older-adults", 65, 150)];

    private static readonly StringComparer NameComparer = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), CompareOptions.IgnoreCase);

    // What a result list needs per slot (its length is the capacity; slots past the used ones are empty); the texts
    // fed to Lucene are not kept.
    private readonly SearchHit[] docs;
    private readonly Dictionary<string, Dictionary<string, Bits>> facetBits;
    // For facet counts: per dimension its values in order, each as its non-empty words (see SparseBits).
    private readonly Dictionary<string, (string Value, SparseBits Words)[]> counting;
    // The same values' names alone, shared by every answer's counts (see FacetCounts).
    private readonly Dictionary<string, string[]> countingValues;
    // The same values' ids (see Store.ValueIds), by dimension index in SearchFacets.Counted; each slot's values as ids
    // (Store.SlotValues); and what each way of counting costs (see CountBySlots).
    private readonly int[][] countingIds;
    private readonly int[] idCount;
    private readonly int[][] slotValues;
    private readonly long[] countingWords;
    private readonly long countingEntries;
    private readonly int[] minAge, maxAge;
    private readonly Bits alive;
    private readonly int[] byName, byVerified, nameRank;
    private const int MaxCachedClauses = 4_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(MatchKind, string, string), Bits> clauseCache = new();
    private const int MaxCachedWords = 512;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Word> wordCache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(SearchSynonyms Synonyms, string Words), Unit> unitCache = new();

    /// <summary>
    /// Bit sets a search makes for itself (the text's matches, a union of filter values, a facet's base set), handed to the
    /// next search of this snapshot instead of allocated anew: each is as long as the snapshot (12 KB at 100 000 services),
    /// and a search makes several. At most 64 are kept (about 0.8 MB at 100 000 services); more are left to the collector.
    /// </summary>
    private readonly Bits?[] spareSets = new Bits?[64];

    /// <summary>The bit sets one search took (all given back when it ends: none leaves <see cref="Search"/>).</summary>
    private sealed class Scratch(SearchIndex index) : IDisposable
    {
        private readonly List<Bits> taken = new(8);

        public Bits CopyOf(Bits source)
        {
            var bits = Take();
            bits.CopyFrom(source);
            return bits;
        }

        public Bits Empty()
        {
            var bits = Take();
            bits.ClearAll();
            return bits;
        }

        private Bits Take()
        {
            // Lock-free: a slot is emptied by whoever swaps its set out first (searches run on every core at once).
            var spare = index.spareSets;
            Bits? bits = null;
            for (var i = 0; i < spare.Length && bits is null; i++)
            {
                if (spare[i] is not null) bits = Interlocked.Exchange(ref spare[i], null);
            }
            bits ??= new Bits(index.alive.Length);
            taken.Add(bits);
            return bits;
        }

        public void Dispose()
        {
            var spare = index.spareSets;
            foreach (var bits in taken)
            {
                for (var i = 0; i < spare.Length; i++)
                {
                    if (spare[i] is null && Interlocked.CompareExchange(ref spare[i], bits, null) is null) break;
                }
            }
        }
    }
    private readonly Store store;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    /// <summary>Live services in this snapshot.</summary>
    public int Count => byName.Length;

    /// <summary>Slots of services replaced or removed since the last full build (reclaimed by the next one).</summary>
    public int DeadSlots { get; }

    public DateTime BuiltAt { get; }

    /// <summary>
    /// What the snapshots of one full build share and append to: the per-slot arrays, the facet bit sets (all of one
    /// capacity), the Lucene writer, and which slot holds which service. Changed only by <see cref="Apply"/>, which its
    /// owner calls one at a time.
    /// </summary>
    private sealed class Store(LuceneDirectory directory, IndexWriter writer) : IDisposable
    {
        public LuceneDirectory Directory { get; } = directory;
        public IndexWriter Writer { get; } = writer;
        public SearchHit[] Docs = [];
        public int[] MinAge = [], MaxAge = [];
        public Dictionary<string, Dictionary<string, Bits>> FacetBits = [];
        public Dictionary<Guid, int> SlotOf = [];
        /// <summary>Per dimension (index in <see cref="SearchFacets.Counted"/>): an id for every value, in order of first sight.</summary>
        public Dictionary<string, int>[] ValueIds = [];
        /// <summary>Per slot: its facet values, each once, as <see cref="Pack"/>ed dimension and value id.</summary>
        public int[][] SlotValues = [];
        public int Used;
        public int Dead;

        public void Dispose()
        {
            Writer.Dispose();
            Directory.Dispose();
        }
    }

    private SearchIndex(Store store, Dictionary<string, (string, SparseBits)[]> counting, Bits alive, int[] byName, int[] byVerified, int[] nameRank,
        DirectoryReader reader, DateTime builtAt)
    {
        this.store = store;
        this.counting = counting;
        countingValues = counting.ToDictionary(c => c.Key, c => Array.ConvertAll(c.Value, v => v.Item1), StringComparer.Ordinal);
        slotValues = store.SlotValues;
        idCount = [.. store.ValueIds.Select(v => v.Count)];
        countingIds = new int[SearchFacets.Counted.Count][];
        countingWords = new long[SearchFacets.Counted.Count];
        for (var d = 0; d < countingIds.Length; d++)
        {
            var values = this.counting.GetValueOrDefault(SearchFacets.Counted[d]) ?? [];
            var ids = store.ValueIds[d];
            countingIds[d] = [.. values.Select(v => ids[v.Value])];
            countingWords[d] = values.Sum(v => (long)v.Words.WordCount);
            countingEntries += values.Sum(v => (long)v.Words.BitCount);
        }
        docs = store.Docs;
        facetBits = store.FacetBits;
        minAge = store.MinAge;
        maxAge = store.MaxAge;
        this.alive = alive;
        this.byName = byName;
        this.byVerified = byVerified;
        this.nameRank = nameRank;
        this.reader = reader;
        searcher = new IndexSearcher(reader);
        DeadSlots = store.Dead;
        BuiltAt = builtAt;
    }

    /// <summary>Builds an index from services in any order: results never depend on it (ties are broken by name, then id).</summary>
    public static SearchIndex Build(IEnumerable<IndexedService> services, DateTime builtAt)
    {
        using var builder = new Builder();
        foreach (var s in services) builder.Add(s);
        return builder.Build(builtAt);
    }

    private static int CompareByName(SearchHit[] docs, int x, int y)
    {
        var c = NameComparer.Compare(docs[x].Name, docs[y].Name);
        return c != 0 ? c : docs[x].Id.CompareTo(docs[y].Id);
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
        private readonly Dictionary<Guid, int> slotOf = [];
        private readonly LuceneDirectory directory = new RAMDirectory();
        private IndexWriter? writer;
        private bool built;

        public Builder() =>
            writer = new IndexWriter(directory, new IndexWriterConfig(SwedishTextAnalyzer.Version, Analyzer()) { OpenMode = OpenMode.CREATE });

        public void Add(IndexedService service)
        {
            // The same service twice (a row read twice while it changed): the first one is kept.
            if (slotOf.ContainsKey(service.Id)) return;
            var slot = docs.Count;
            slotOf[service.Id] = slot;
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
            var n = docs.Count;
            // Room for updates before the arrays and bit sets have to grow.
            var capacity = n + n / 8 + 256;
            var store = new Store(directory, writer!)
            {
                Docs = new SearchHit[capacity],
                MinAge = new int[capacity],
                MaxAge = new int[capacity],
                SlotOf = slotOf,
                Used = n,
            };
            docs.CopyTo(store.Docs);
            minAge.CopyTo(store.MinAge);
            maxAge.CopyTo(store.MaxAge);
            store.FacetBits = slots.ToDictionary(f => f.Key, f => f.Value.ToDictionary(v => v.Key, v =>
            {
                var b = new Bits(capacity);
                foreach (var slot in v.Value) b.Set(slot);
                return b;
            }, StringComparer.Ordinal), StringComparer.Ordinal);
            // Each slot's values as ids, for counting facets slot by slot (see CountBySlots).
            store.ValueIds = [.. SearchFacets.Counted.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
            var perSlot = new List<int>?[n];
            for (var d = 0; d < SearchFacets.Counted.Count; d++)
            {
                foreach (var (value, list) in slots[SearchFacets.Counted[d]])
                {
                    var packed = Pack(d, store.ValueIds[d].Count);
                    store.ValueIds[d][value] = store.ValueIds[d].Count;
                    var previous = -1;
                    foreach (var slot in list)
                    {
                        // A service that names a value twice has it once.
                        if (slot == previous) continue;
                        previous = slot;
                        (perSlot[slot] ??= []).Add(packed);
                    }
                }
            }
            store.SlotValues = new int[capacity][];
            for (var i = 0; i < n; i++) store.SlotValues[i] = perSlot[i] is { } values ? [.. values] : [];
            var alive = new Bits(capacity);
            for (var i = 0; i < n; i++) alive.Set(i);
            var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
            writer = null;
            built = true;
            var byName = Enumerable.Range(0, n)
                .OrderBy(i => store.Docs[i].Name, NameComparer)
                .ThenBy(i => store.Docs[i].Id)
                .ToArray();
            var nameRank = new int[capacity];
            for (var r = 0; r < n; r++) nameRank[byName[r]] = r;
            var byVerified = Enumerable.Range(0, n)
                .OrderByDescending(i => store.Docs[i].AssuredDate ?? DateOnly.MinValue)
                .ThenBy(i => nameRank[i])
                .ToArray();
            return new SearchIndex(store, Counting(store.FacetBits, null, null), alive, byName, byVerified, nameRank, reader, builtAt);
        }

        public void Dispose()
        {
            if (built) return;
            writer?.Dispose();
            directory.Dispose();
        }
    }

    /// <summary>
    /// A new snapshot with the services <paramref name="changed"/> brought up to date: each one's old slot is retired,
    /// and those in <paramref name="fresh"/> (the ones that are public now) get a new slot. Costs what the changed
    /// services cost plus a copy of the sort orders; never a pass over every service's text. Not thread-safe: the
    /// owner applies one change set at a time, to the newest snapshot.
    /// </summary>
    public SearchIndex Apply(IReadOnlyCollection<Guid> changed, IReadOnlyList<IndexedService> fresh, DateTime at)
    {
        var s = store;
        var retired = new HashSet<int>();
        foreach (var id in changed.Concat(fresh.Select(f => f.Id)))
        {
            if (!s.SlotOf.Remove(id, out var slot)) continue;
            retired.Add(slot);
            s.Dead++;
            s.Writer.DeleteDocuments(new Term(IdField, Key(id)));
        }
        var unique = fresh.DistinctBy(f => f.Id).ToList();
        if (s.Used + unique.Count > s.Docs.Length) Grow(s, s.Used + unique.Count);
        var capacity = s.Docs.Length;
        var live = new Bits(capacity);
        live.Or(alive, alive.Length);
        foreach (var slot in retired) live.Clear(slot);

        var added = new List<int>(unique.Count);
        var touched = new HashSet<(string, string)>();
        foreach (var service in unique)
        {
            var slot = s.Used++;
            s.SlotOf[service.Id] = slot;
            s.Docs[slot] = ToHit(service);
            var packed = new List<int>();
            var (from, to) = AgeRange(service);
            s.MinAge[slot] = from;
            s.MaxAge[slot] = to;
            foreach (var (facet, values) in service.Facets)
            {
                if (!s.FacetBits.TryGetValue(facet, out var byValue)) continue;
                foreach (var v in values)
                {
                    if (!byValue.TryGetValue(v, out var bits))
                    {
                        // A value no snapshot has seen: the dictionaries that searches read are copied, never changed.
                        byValue = new Dictionary<string, Bits>(byValue, StringComparer.Ordinal) { [v] = bits = new Bits(capacity) };
                        s.FacetBits = new Dictionary<string, Dictionary<string, Bits>>(s.FacetBits, StringComparer.Ordinal) { [facet] = byValue };
                    }
                    bits.Set(slot);
                    touched.Add((facet, v));
                    var d = DimensionOf(facet);
                    if (!s.ValueIds[d].TryGetValue(v, out var id)) s.ValueIds[d][v] = id = s.ValueIds[d].Count;
                    if (!packed.Contains(Pack(d, id))) packed.Add(Pack(d, id));
                }
            }
            s.SlotValues[slot] = [.. packed];
            s.Writer.AddDocument(ToDocument(slot, service));
            live.Set(slot);
            added.Add(slot);
        }

        var newReader = DirectoryReader.OpenIfChanged(reader, s.Writer, applyAllDeletes: true);
        if (newReader is null)
        {
            reader.IncRef();
            newReader = reader;
        }

        // Sort orders: the old ones without the retired slots, the new slots inserted where they belong.
        var docsNow = s.Docs;
        int CompareName(int x, int y) => CompareByName(docsNow, x, y);
        added.Sort(CompareName);
        var names = Merge(byName, retired, added, CompareName);
        var rank = new int[capacity];
        for (var r = 0; r < names.Length; r++) rank[names[r]] = r;
        int CompareVerified(int x, int y)
        {
            var c = (s.Docs[y].AssuredDate ?? DateOnly.MinValue).CompareTo(s.Docs[x].AssuredDate ?? DateOnly.MinValue);
            return c != 0 ? c : rank[x].CompareTo(rank[y]);
        }
        added.Sort(CompareVerified);
        var verified = Merge(byVerified, retired, added, CompareVerified);
        return new SearchIndex(s, Counting(s.FacetBits, counting, touched), live, names, verified, rank, newReader, at);
    }

    /// <summary>The counting sets: all of them, or those of <paramref name="touched"/> values anew and the rest as they were.</summary>
    private static Dictionary<string, (string, SparseBits)[]> Counting(Dictionary<string, Dictionary<string, Bits>> facetBits,
        Dictionary<string, (string Value, SparseBits Words)[]>? before, HashSet<(string, string)>? touched) =>
        facetBits.ToDictionary(f => f.Key, f =>
        {
            var old = before?.GetValueOrDefault(f.Key)?.ToDictionary(v => v.Value, v => v.Words, StringComparer.Ordinal);
            return f.Value.OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => (v.Key, old is not null && touched is not null && !touched.Contains((f.Key, v.Key)) && old.TryGetValue(v.Key, out var kept)
                    ? kept : new SparseBits(v.Value)))
                .ToArray();
        }, StringComparer.Ordinal);

    /// <summary>An order without <paramref name="retired"/>, with <paramref name="added"/> (sorted the same way) merged in.</summary>
    private static int[] Merge(int[] order, HashSet<int> retired, List<int> added, Comparison<int> compare)
    {
        var kept = retired.Count == 0 ? order : Array.FindAll(order, i => !retired.Contains(i));
        if (added.Count == 0) return kept == order ? (int[])order.Clone() : kept;
        var result = new int[kept.Length + added.Count];
        int from = 0, to = 0;
        foreach (var a in added)
        {
            // Binary search for the first kept entry after the new one: k log n comparisons, the rest block copies.
            int lo = from, hi = kept.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (compare(kept[mid], a) <= 0) lo = mid + 1;
                else hi = mid;
            }
            Array.Copy(kept, from, result, to, lo - from);
            to += lo - from;
            from = lo;
            result[to++] = a;
        }
        Array.Copy(kept, from, result, to, kept.Length - from);
        return result;
    }

    /// <summary>Bigger arrays and bit sets for the snapshots to come (the older ones keep theirs).</summary>
    private static void Grow(Store s, int needed)
    {
        var capacity = needed + needed / 8 + 256;
        var docs = new SearchHit[capacity];
        Array.Copy(s.Docs, docs, s.Used);
        var min = new int[capacity];
        Array.Copy(s.MinAge, min, s.Used);
        var max = new int[capacity];
        Array.Copy(s.MaxAge, max, s.Used);
        var values = new int[capacity][];
        Array.Copy(s.SlotValues, values, s.Used);
        s.FacetBits = s.FacetBits.ToDictionary(f => f.Key, f => f.Value.ToDictionary(v => v.Key, v =>
        {
            var b = new Bits(capacity);
            b.Or(v.Value, v.Value.Length);
            return b;
        }, StringComparer.Ordinal), StringComparer.Ordinal);
        s.Docs = docs;
        s.MinAge = min;
        s.MaxAge = max;
        s.SlotValues = values;
    }

    private static string Key(Guid id) => id.ToString("N");

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

    /// <summary>An age group's names in the seven UI languages, without the years ("Barn (0–12 år)" → "Barn").</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> AgeGroupNames = new(StringComparer.Ordinal);

    internal static string AgeGroupText(IReadOnlyList<string> groups) => string.Join(" ", groups.Select(code => AgeGroupNames.GetOrAdd(code, c =>
        string.Join(" ", ReferenceData.TermNames(ReferenceData.AgeGroups, c).Values
            .Select(name => name.Split('(')[0].Trim())
            .Distinct(StringComparer.Ordinal)))));

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
            new StringField(IdField, Key(s.Id), Field.Store.NO),
            new Field(NameField, names, MatchOnly),
            new Field(NameRawField, names, MatchOnly),
            new Field(OrgField, org, MatchOnly),
            new Field(TextField, text, MatchOnly),
            new Field(TextRawField, text, MatchOnly),
            new Field(s.StatedAgeGroups.Count <= 2 ? AgeFocusField : AgeBroadField, AgeGroupText(s.StatedAgeGroups), MatchOnly),
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
        var stage = System.Diagnostics.Stopwatch.GetTimestamp();
        using var scratch = new Scratch(this);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(1, request.Page);

        TextHits? textHits = null;
        Bits text;
        if (request.HasText && SwedishTextAnalyzer.Words(request.Text!) is { Count: > 0 } words)
        {
            textHits = MatchText(words, synonyms ?? SearchSynonyms.Default, scratch);
            text = textHits.Matched;
        }
        else
        {
            // Never changed below (only copied), so the snapshot's own set serves.
            text = alive;
        }
        SearchStages.Add(SearchStage.Text, ref stage);

        // One bit set per active filter; each dimension's facet counts ignore that dimension's own filter.
        var filters = new Dictionary<string, Bits>(SearchFacets.Counted.Count + 1, StringComparer.Ordinal);
        AddAny(filters, SearchFacets.TargetGroup, request.TargetGroups, scratch);
        AddAny(filters, SearchFacets.Municipality, request.Municipalities, scratch);
        AddAny(filters, SearchFacets.AgeGroup, request.AgeGroups, scratch);
        AddAny(filters, SearchFacets.Layer, request.Layers, scratch);
        AddAny(filters, SearchFacets.Category, request.Categories, scratch);
        AddAny(filters, SearchFacets.Language, request.Languages, scratch);
        if (request.FreeOnly) AddAny(filters, SearchFacets.Cost, ["free"], scratch);
        AddAny(filters, SearchFacets.Access, request.AccessModes, scratch);
        AddAny(filters, SearchFacets.Weekday, request.Weekdays.Select(d => d.ToUpperInvariant()).ToList(), scratch);
        if (request.Age is { } age) filters[SearchFacets.Age] = AgeSet(age);

        var matched = filters.Count == 0 ? text : scratch.CopyOf(text);
        foreach (var f in filters.Values) matched.And(f);
        SearchStages.Add(SearchStage.Filters, ref stage);

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(SearchFacets.Counted.Count + 1, StringComparer.Ordinal);
        var without = new Dictionary<string, int>(filters.Count, StringComparer.Ordinal);
        var total = matched.Count();
        var bySlots = request.CountFacets ? CountBySlots(matched, total, filters) : null;
        foreach (var facet in request.CountFacets ? SearchFacets.Counted.Append(SearchFacets.Age) : [])
        {
            Bits baseSet;
            if (ReferenceEquals(text, alive) && (filters.Count == 0 || (filters.Count == 1 && filters.ContainsKey(facet))))
            {
                // No text, and no filter but (perhaps) this dimension's own: the counts over every service.
                var (all, aliveCount) = Everything();
                if (filters.Count == 1) without[facet] = aliveCount;
                if (all.TryGetValue(facet, out var counted)) facets[facet] = counted;
                continue;
            }
            if (filters.ContainsKey(facet))
            {
                baseSet = scratch.CopyOf(text);
                foreach (var (other, bits) in filters) if (other != facet) baseSet.And(bits);
                without[facet] = baseSet.Count();
            }
            else if (bySlots?.GetValueOrDefault(facet) is { } counted)
            {
                facets[facet] = counted;
                continue;
            }
            else
            {
                baseSet = matched;
            }
            if (counting.TryGetValue(facet, out var values))
            {
                var counts = new int[values.Length];
                for (var k = 0; k < values.Length; k++) counts[k] = values[k].Words.CountAnd(baseSet);
                facets[facet] = new FacetCounts(countingValues[facet], counts);
            }
        }

        SearchStages.Add(SearchStage.Facets, ref stage);
        var hits = PageOf(request, textHits, matched, total, (page - 1) * pageSize, pageSize, scratch);
        SearchStages.Add(SearchStage.Paging, ref stage);
        return new SearchResult(total, page, pageSize, hits, facets, without) { AllWords = textHits?.AllWords ?? true };
    }

    /// <summary>
    /// The facet counts over every service of the snapshot, and how many there are: what the search page shows before
    /// any text or filter (and, for a dimension, while only its own filter is chosen). Made once per snapshot.
    /// </summary>
    private AllCounts Everything()
    {
        if (everything is { } known) return known;
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(counting.Count, StringComparer.Ordinal);
        foreach (var (facet, values) in counting)
        {
            var counts = new int[values.Length];
            for (var k = 0; k < values.Length; k++) counts[k] = values[k].Words.CountAnd(alive);
            facets[facet] = new FacetCounts(countingValues[facet], counts);
        }
        // Two searches at once may both make it: the same counts, and either is kept.
        return everything = new AllCounts(facets, alive.Count());
    }

    private sealed record AllCounts(Dictionary<string, IReadOnlyList<FacetCount>> Facets, int Total);

    private AllCounts? everything;

    private static int Pack(int dimension, int id) => (dimension << 24) | id;

    private static int DimensionOf(string facet)
    {
        for (var d = 0; d < SearchFacets.Counted.Count; d++) if (SearchFacets.Counted[d] == facet) return d;
        throw new ArgumentOutOfRangeException(nameof(facet), facet, "Not a counted dimension.");
    }

    /// <summary>
    /// The counts of the dimensions without a filter of their own (their base set is <paramref name="matched"/>), counted
    /// slot by slot: each matched slot adds one to each of its values. Null when the bit sets are cheaper: counting a value
    /// there costs its non-empty words whatever matched, so slot by slot wins when the matches are fewer than about the
    /// words divided by the values a slot has (most text searches), and loses for broad ones.
    /// </summary>
    private Dictionary<string, IReadOnlyList<FacetCount>>? CountBySlots(Bits matched, int total, Dictionary<string, Bits> filters)
    {
        var dimensions = countingIds.Length;
        var open = new bool[dimensions];
        long words = 0;
        for (var d = 0; d < dimensions; d++)
        {
            open[d] = !filters.ContainsKey(SearchFacets.Counted[d]);
            if (open[d]) words += countingWords[d];
        }
        if (2L * total * countingEntries >= words * Math.Max(1, Count)) return null;
        var counts = new int[dimensions][];
        for (var d = 0; d < dimensions; d++) counts[d] = open[d] ? new int[idCount[d]] : [];
        var w = matched.Words;
        for (var i = 0; i < w.Length; i++)
        {
            var word = w[i];
            while (word != 0)
            {
                var slot = (i << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                foreach (var packed in slotValues[slot])
                {
                    var d = packed >>> 24;
                    if (open[d]) counts[d][packed & 0xFFFFFF]++;
                }
            }
        }
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(dimensions, StringComparer.Ordinal);
        for (var d = 0; d < dimensions; d++)
        {
            if (!open[d] || !counting.TryGetValue(SearchFacets.Counted[d], out var values)) continue;
            var ids = countingIds[d];
            var list = new int[values.Length];
            for (var k = 0; k < values.Length; k++) list[k] = counts[d][ids[k]];
            result[SearchFacets.Counted[d]] = new FacetCounts(countingValues[SearchFacets.Counted[d]], list);
        }
        return result;
    }

    /// <summary>
    /// The services whose age range includes <paramref name="age"/>: made once per age and snapshot (ages are few, 0–130,
    /// like a filter's values), and only read from then on.
    /// </summary>
    private Bits AgeSet(int age) => age is >= 0 and <= MaxAge ? ageSets.GetOrAdd(age, static (a, index) => index.MakeAgeSet(a), this) : MakeAgeSet(age);

    private const int MaxAge = 150;

    private Bits MakeAgeSet(int age)
    {
        var bits = new Bits(alive.Length);
        for (var i = 0; i < docs.Length; i++) if (minAge[i] <= age && age <= maxAge[i]) bits.Set(i);
        return bits;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Bits> ageSets = new();

    /// <summary>The services with any of <paramref name="values"/>. Filter sets are only read: one value's set is the index's own.</summary>
    private void AddAny(Dictionary<string, Bits> filters, string facet, IReadOnlyList<string> values, Scratch scratch)
    {
        if (values.Count == 0) return;
        var byValue = facetBits[facet];
        if (values.Count == 1 && byValue.TryGetValue(values[0], out var only))
        {
            filters[facet] = only;
            return;
        }
        var bits = scratch.Empty();
        foreach (var v in values.Distinct(StringComparer.Ordinal))
        {
            if (byValue.TryGetValue(v, out var b)) bits.Or(b);
        }
        filters[facet] = bits;
    }

    /// <summary>
    /// Matches from which a relevance page of a one-unit text is found from its score levels (see TextHits.First) rather
    /// than by scoring every match: below it, scoring them all costs less than making the levels' bit sets.
    /// Tests set it to compare both ways.
    /// </summary>
    internal int LevelsFrom { get; set; } = 2048;

    /// <summary>Relevance pages found from score levels (for tests).</summary>
    internal long LevelAnswers => Interlocked.Read(ref levelAnswers);

    private long levelAnswers;

    /// <summary>One page of the matched services in the requested order, without sorting more than needed.</summary>
    private List<SearchHit> PageOf(SearchRequest request, TextHits? textHits, Bits matched, int total, int skip, int take, Scratch scratch)
    {
        var page = new List<SearchHit>(take);
        var needed = skip + take;
        if (request.Sort == SearchSort.Verified || textHits is null)
        {
            var verified = request.Sort == SearchSort.Verified;
            // Few matches: pick the page's from them (a walk of the whole order would look at every service to find them).
            if ((long)total * total < (long)byName.Length * needed)
            {
                Comparison<int> order = verified ? VerifiedOrder : (x, y) => nameRank[x].CompareTo(nameRank[y]);
                foreach (var i in First(matched, total, needed, order).Skip(skip)) page.Add(textHits is null ? docs[i] : docs[i] with { Score = textHits.ScoreOf(i) });
                return page;
            }
            // Precomputed orders: walk them and keep the matched slots of the requested page.
            var sequence = verified ? byVerified : byName;
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
        if (total >= LevelsFrom && textHits.First(matched, needed, nameRank, scratch) is { } levelled)
        {
            // One unit of text: the page found from its score levels (see TextHits.First).
            Interlocked.Increment(ref levelAnswers);
            for (var i = skip; i < levelled.Count && i < needed; i++) page.Add(docs[levelled[i].Slot] with { Score = levelled[i].Score });
            return page;
        }
        // Scores take few distinct values (sums of a handful of weights), so instead of sorting every match, find the
        // lowest score that still reaches the page, sort the few matches above it, and take that score's first ties in
        // name order.
        var scores = System.Buffers.ArrayPool<float>.Shared.Rent(docs.Length);
        var slots = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, total));
        try
        {
            var matches = slots.AsSpan(0, matched.CopyTo(slots));
            textHits.ScoreAll(matches, matched, scores);
            var threshold = Threshold(matches, scores, needed);
            var ordered = new List<int>(Math.Min(needed, matches.Length));
            foreach (var slot in matches)
            {
                if (scores[slot] > threshold) ordered.Add(slot);
            }
            ordered.Sort((x, y) => scores[x] != scores[y] ? scores[y].CompareTo(scores[x]) : nameRank[x].CompareTo(nameRank[y]));
            var ties = needed - ordered.Count;
            if (ties > 0)
            {
                // The first ties in name order: a bounded heap that drops the last in name order.
                var heap = new PriorityQueue<int, int>(Math.Min(ties, matches.Length) + 1);
                foreach (var slot in matches)
                {
                    if (scores[slot] != threshold) continue;
                    var rank = nameRank[slot];
                    if (heap.Count < ties) heap.Enqueue(slot, -rank);
                    else if (heap.TryPeek(out _, out var last) && rank < -last) heap.DequeueEnqueue(slot, -rank);
                }
                var first = new int[heap.Count];
                for (var i = first.Length - 1; i >= 0; i--) first[i] = heap.Dequeue();
                ordered.AddRange(first);
            }
            for (var i = skip; i < ordered.Count && i < needed; i++) page.Add(docs[ordered[i]] with { Score = scores[ordered[i]] });
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(slots);
            System.Buffers.ArrayPool<float>.Shared.Return(scores);
        }
        return page;
    }

    /// <summary>
    /// The lowest score that still reaches the first <paramref name="needed"/> matches (the matches above it are fewer than
    /// needed). Scores take few distinct values, so they are counted in a short list, with a dictionary only past 32.
    /// </summary>
    private static float Threshold(ReadOnlySpan<int> matches, float[] scores, int needed)
    {
        Span<float> values = stackalloc float[32];
        Span<int> counts = stackalloc int[32];
        var distinct = 0;
        Dictionary<float, int>? many = null;
        foreach (var slot in matches)
        {
            var score = scores[slot];
            if (many is not null)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(many, score, out _)++;
                continue;
            }
            var at = values[..distinct].IndexOf(score);
            if (at >= 0)
            {
                counts[at]++;
            }
            else if (distinct < values.Length)
            {
                values[distinct] = score;
                counts[distinct++] = 1;
            }
            else
            {
                many = new Dictionary<float, int>(2 * distinct);
                for (var i = 0; i < distinct; i++) many[values[i]] = counts[i];
                many[score] = 1;
            }
        }
        var levels = many?.Select(kv => (kv.Key, kv.Value)).ToArray() ?? ToArray(values[..distinct], counts[..distinct]);
        Array.Sort(levels, (x, y) => y.Item1.CompareTo(x.Item1));
        var above = 0;
        var threshold = float.NegativeInfinity;
        foreach (var (level, count) in levels)
        {
            threshold = level;
            if (above + count >= needed) break;
            above += count;
        }
        return threshold;

        static (float, int)[] ToArray(ReadOnlySpan<float> values, ReadOnlySpan<int> counts)
        {
            var levels = new (float, int)[values.Length];
            for (var i = 0; i < levels.Length; i++) levels[i] = (values[i], counts[i]);
            return levels;
        }
    }

    /// <summary>The order of <see cref="byVerified"/>: last confirmed first, then by name.</summary>
    private int VerifiedOrder(int x, int y)
    {
        var c = (docs[y].AssuredDate ?? DateOnly.MinValue).CompareTo(docs[x].AssuredDate ?? DateOnly.MinValue);
        return c != 0 ? c : nameRank[x].CompareTo(nameRank[y]);
    }

    /// <summary>The first <paramref name="count"/> matched slots in <paramref name="order"/>, in that order.</summary>
    private static int[] First(Bits matched, int total, int count, Comparison<int> order)
    {
        var slots = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, total));
        try
        {
            var matches = slots.AsSpan(0, matched.CopyTo(slots));
            // A heap whose top is the last kept in the order; a slot before it replaces it.
            var reverse = Comparer<int>.Create((x, y) => order(y, x));
            var heap = new PriorityQueue<int, int>(Math.Min(count, matches.Length) + 1, reverse);
            foreach (var slot in matches)
            {
                if (heap.Count < count) heap.Enqueue(slot, slot);
                else if (heap.TryPeek(out var last, out _) && order(slot, last) < 0) heap.DequeueEnqueue(slot, slot);
            }
            var first = new int[heap.Count];
            for (var i = first.Length - 1; i >= 0; i--) first[i] = heap.Dequeue();
            return first;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(slots);
        }
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

    /// <summary>Lets go of this snapshot's reader (the store stays with the snapshots made from it).</summary>
    public void Dispose() => reader.DecRef();

    /// <summary>Lets go of this snapshot and of everything its full build made (when a new full build replaced it).</summary>
    public void DisposeAll()
    {
        reader.DecRef();
        store.Dispose();
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
