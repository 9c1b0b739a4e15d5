namespace Samla.Web.Features.Search;

/// <summary>
/// Domain synonyms: groups of words or phrases that mean the same to someone searching ("papperslösa, tillståndslösa,
/// gömda"; "sfi, svenska för invandrare"). A query's word or phrase that is a member of a group also matches the other
/// members (scored a little below the member itself). The groups come from synonyms.sv.txt in the repository plus those a
/// coordinator adds at /samordning/synonymer (<see cref="SearchSynonymGroup"/>); a snapshot is immutable and replaced whole when
/// they change (<see cref="ServiceSearch.RefreshSynonymsAsync"/>).
/// </summary>
public sealed class SearchSynonyms
{
    private const string FileName = "synonyms.sv.txt";

    /// <summary>Member → the other members of its groups, keyed by the member's first term.</summary>
    private readonly Dictionary<string, List<(QueryWord[] Member, List<QueryWord[]> Others)>> byFirstTerm = new(StringComparer.Ordinal);

    /// <summary>Each member as written in its group (for <see cref="Explain"/>).</summary>
    private readonly Dictionary<QueryWord[], string> textOf = new(ReferenceEqualityComparer.Instance);

    public SearchSynonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        var count = 0;
        foreach (var group in groups)
        {
            var members = new List<QueryWord[]>();
            foreach (var text in group)
            {
                var words = SwedishTextAnalyzer.Words(text).ToArray();
                if (words.Length == 0) continue;
                members.Add(words);
                textOf[words] = text.Trim();
            }
            if (members.Count < 2) continue;
            count++;
            foreach (var member in members)
            {
                var others = members.Where(o => !ReferenceEquals(o, member) && !SameTerms(o, member)).ToList();
                if (!byFirstTerm.TryGetValue(member[0].Stem, out var list)) byFirstTerm[member[0].Stem] = list = [];
                list.Add((member, others));
            }
        }
        GroupCount = count;
    }

    public int GroupCount { get; }

    /// <summary>The groups in synonyms.sv.txt only.</summary>
    public static SearchSynonyms Default => FromFile.Value;

    private static readonly Lazy<SearchSynonyms> FromFile = new(() => new SearchSynonyms(FileGroups!.Value));

    /// <summary>The groups of synonyms.sv.txt (embedded): one group a line, members separated by commas, # comments.</summary>
    public static readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> FileGroups = new(() =>
    {
        using var stream = typeof(SearchSynonyms).Assembly.GetManifestResourceStream($"Samla.Web.Features.Search.{FileName}")
            ?? throw new InvalidOperationException($"Embedded resource {FileName} missing");
        using var reader = new StreamReader(stream!);
        return Parse(reader.ReadToEnd());
    });

    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text) =>
        [.. text.Split('\n')
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.Length > 0)
            .Select(l => (IReadOnlyList<string>)[.. l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)])];

    /// <summary>
    /// The longest member of a group that the query's words spell from <paramref name="start"/>: how many words it covers
    /// and the other members to try instead (0 and none when no member starts there).
    /// </summary>
    public (int Length, IReadOnlyList<QueryWord[]> Alternatives) Match(IReadOnlyList<QueryWord> words, int start)
    {
        var (length, _, alternatives) = MatchMember(words, start);
        return (length, alternatives);
    }

    private (int Length, QueryWord[]? Member, IReadOnlyList<QueryWord[]> Alternatives) MatchMember(IReadOnlyList<QueryWord> words, int start)
    {
        if (!byFirstTerm.TryGetValue(words[start].Stem, out var candidates)) return (0, null, []);
        QueryWord[]? matched = null;
        var length = 0;
        var alternatives = new List<QueryWord[]>();
        foreach (var (member, others) in candidates.OrderByDescending(c => c.Member.Length))
        {
            if (member.Length > words.Count - start) continue;
            var same = true;
            for (var k = 0; k < member.Length && same; k++) same = member[k].Stem == words[start + k].Stem;
            if (!same) continue;
            if (length == 0)
            {
                length = member.Length;
                matched = member;
            }
            if (member.Length != length) break;
            foreach (var o in others)
            {
                if (!alternatives.Any(a => SameTerms(a, o))) alternatives.Add(o);
            }
        }
        return (length, matched, alternatives);
    }

    /// <summary>What a query's words expand to: each word or phrase a group names, with the other members it also finds.</summary>
    public IReadOnlyList<(string Words, IReadOnlyList<string> Alternatives)> Explain(string query)
    {
        var words = SwedishTextAnalyzer.Words(query);
        var result = new List<(string, IReadOnlyList<string>)>();
        for (var i = 0; i < words.Count;)
        {
            var (length, member, alternatives) = MatchMember(words, i);
            if (length == 0)
            {
                i++;
                continue;
            }
            // As the group spells it (the query's words are folded: "hemlos").
            result.Add((TextOf(member!), [.. alternatives.Select(TextOf)]));
            i += length;
        }
        return result;
    }

    private string TextOf(QueryWord[] member) => textOf.GetValueOrDefault(member) ?? string.Join(' ', member.Select(w => w.Raw));

    private static bool SameTerms(QueryWord[] a, QueryWord[] b) => a.Length == b.Length && a.Zip(b).All(p => p.First.Stem == p.Second.Stem);
}
