using Samla.Web.Data;

namespace Samla.Web.Features.Search;

/// <summary>
/// Free text: how a query's words become bit sets and scores. Each word (or phrase a synonym names) is a unit; a unit
/// matches through its best kind of match: in the name, the organisation or the description, as the exact lemma, a
/// prefix, one typo, the parts of a compound, a synonym, or a place or language the word names. A document's score is,
/// per unit, the weight of its best kind of match, summed over the units. Documents with every unit come first; when no
/// document has them all, those with most units are shown instead (<see cref="SearchResult.AllWords"/> is false).
/// </summary>
public sealed partial class SearchIndex
{
    private const float NameParts = 5.5f, PlaceOrLanguage = 3f, TextParts = 1.5f, ModifierOnly = 0.4f;

    /// <summary>An age-group name ("barn", "діти", "أطفال") of a service for one or two age groups, or for three or four: below any match in the text.</summary>
    private const float AgeFocus = 0.9f, AgeBroad = 0.6f;

    /// <summary>Units matched beyond this weigh more than any score (partial results rank by how many units they have).</summary>
    private const float PerUnit = 1000f;

    private TextHits MatchText(IReadOnlyList<QueryWord> words, SearchSynonyms synonyms, Scratch scratch)
    {
        var units = new List<Unit>();
        for (var i = 0; i < words.Count;)
        {
            var (length, alternatives) = synonyms.Match(words, i);
            if (length == 0)
            {
                units.Add(new Unit([new Option([WordMatch(words[i])], 1f)], 1));
                i++;
                continue;
            }
            units.Add(SynonymUnit(words, i, length, alternatives, synonyms));
            i += length;
        }

        // Only the snapshot's live slots (updates retire slots; facet bit sets also hold retired and newer ones).
        var all = scratch.CopyOf(alive);
        foreach (var u in units) all.And(u.Any);
        if (units.Count == 1 || all.Count() > 0) return new TextHits(all, units, allWords: true);
        var some = scratch.Empty();
        foreach (var u in units) some.Or(u.Any);
        some.And(alive);
        return new TextHits(some, units, allWords: false);
    }

    private const float SynonymFactor = 0.8f;

    /// <summary>
    /// The unit of a word or phrase that a synonym group names, with its alternatives. Kept like the words (bounded, per
    /// snapshot and synonym list): its set of documents is the union of every alternative's, costly to make again.
    /// </summary>
    private Unit SynonymUnit(IReadOnlyList<QueryWord> words, int start, int length, IReadOnlyList<QueryWord[]> alternatives, SearchSynonyms synonyms)
    {
        var key = (synonyms, string.Join('\u0003', Enumerable.Range(start, length).Select(k => WordKey(words[k]))));
        if (unitCache.TryGetValue(key, out var cached)) return cached;
        var options = new List<Option> { new([.. words.Skip(start).Take(length).Select(WordMatch)], 1f) };
        foreach (var phrase in alternatives) options.Add(new Option([.. phrase.Select(WordMatch)], SynonymFactor));
        var unit = new Unit([.. options], length);
        if (unitCache.Count >= MaxCachedWords) unitCache.Clear();
        unitCache[key] = unit;
        return unit;
    }

    private static string WordKey(QueryWord w) => string.Join('\u0001', w.Raw, string.Join('\u0002', w.Terms), string.Join('\u0002', w.Parts));

    /// <summary>
    /// One word's kinds of match, best first. A word's matches never change within a snapshot, and people search for the
    /// same few hundred words, so they are kept (bounded, like the clauses): a repeated word costs no new bit sets.
    /// </summary>
    private Word WordMatch(QueryWord w)
    {
        var key = WordKey(w);
        if (wordCache.TryGetValue(key, out var cached)) return cached;
        var word = MatchWord(w);
        if (wordCache.Count >= MaxCachedWords) wordCache.Clear();
        wordCache[key] = word;
        return word;
    }

    private Word MatchWord(QueryWord w)
    {
        var clauses = new List<(Bits Bits, float Weight)>(12);
        void Add(Bits? bits, float weight)
        {
            if (bits is not null) clauses.Add((bits, weight));
        }
        Add(AnyOf(MatchKind.Exact, NameField, w.Terms), NameExact);
        Add(w.Raw.Length >= 4 ? Collect(MatchKind.Prefix, NameRawField, w.Raw) : null, NamePrefix);
        if (w.Parts.Length > 1)
        {
            Add(AllOf(w.Parts, NameField), NameParts);
        }
        Add(w.Raw.Length >= 5 ? Collect(MatchKind.Typo, NameRawField, w.Raw) : null, NameFuzzy);
        Add(AnyOf(MatchKind.Exact, OrgField, w.Terms), OrgExact);
        Add(PlaceOrLanguageOf(w), PlaceOrLanguage);
        Add(AnyOf(MatchKind.Exact, TextField, w.Terms), TextExact);
        if (w.Parts.Length > 1)
        {
            Add(AllOf(w.Parts, null), TextParts);
        }
        Add(w.Raw.Length >= 4 ? Collect(MatchKind.Prefix, TextRawField, w.Raw) : null, TextPrefix);
        Add(w.Raw.Length >= 5 ? Collect(MatchKind.Typo, TextRawField, w.Raw) : null, TextFuzzy);
        Add(AnyOf(MatchKind.Exact, AgeFocusField, w.Terms), AgeFocus);
        Add(AnyOf(MatchKind.Exact, AgeBroadField, w.Terms), AgeBroad);
        var any = new Bits(docs.Length);
        foreach (var (bits, _) in clauses) any.Or(bits);
        if (w.Parts.Length > 1 && any.Count() == 0)
        {
            // A compound found in no way still tells what it is about through its first part: "yogagrupp" → yoga.
            Add(Collect(MatchKind.Exact, NameField, w.Parts[0]), ModifierOnly * 2);
            Add(Anywhere(w.Parts[0]), ModifierOnly);
            foreach (var (bits, _) in clauses) any.Or(bits);
        }
        clauses.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        return new Word(any, [.. clauses]);
    }

    private Bits AnyOf(MatchKind kind, string field, string[] terms)
    {
        if (terms.Length == 1) return Collect(kind, field, terms[0]);
        var bits = new Bits(docs.Length);
        foreach (var t in terms) bits.Or(Collect(kind, field, t));
        return bits;
    }

    /// <summary>Documents with every part (in the given field, or anywhere when null).</summary>
    private Bits AllOf(string[] parts, string? field)
    {
        var bits = Bits.All(docs.Length);
        foreach (var p in parts) bits.And(field is null ? Anywhere(p) : Collect(MatchKind.Exact, field, p));
        return bits;
    }

    private Bits Anywhere(string term)
    {
        var bits = Collect(MatchKind.Exact, NameField, term).Clone();
        bits.Or(Collect(MatchKind.Exact, OrgField, term));
        bits.Or(Collect(MatchKind.Exact, TextField, term));
        return bits;
    }

    /// <summary>The services in a municipality or in a language the word names ("Halmstad", "arabiska"): what the filter would find.</summary>
    private Bits? PlaceOrLanguageOf(QueryWord w)
    {
        if (!PlacesAndLanguages.Value.TryGetValue(w.Raw, out var target)
            && !(w.Raw.Length > 4 && w.Raw[^1] == 's' && PlacesAndLanguages.Value.TryGetValue(w.Raw[..^1], out target)))
        {
            return null;
        }
        return facetBits.TryGetValue(target.Facet, out var byValue) && byValue.TryGetValue(target.Value, out var bits) ? bits : null;
    }

    /// <summary>Municipality names and language names (Swedish and English) as raw query words → the filter value they stand for.</summary>
    private static readonly Lazy<Dictionary<string, (string Facet, string Value)>> PlacesAndLanguages = new(() =>
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        static string Key(string name) => SwedishLexicon.Spelling(SwedishLexicon.Fold(name.ToLowerInvariant()));
        foreach (var l in LanguageCatalog.All)
        {
            foreach (var name in new[] { l.Swedish, l.English })
            {
                if (!name.Contains(' ', StringComparison.Ordinal)) map.TryAdd(Key(name), (SearchFacets.Language, l.Code.ToLowerInvariant()));
            }
        }
        foreach (var (code, name) in ReferenceData.MunicipalityNamesByCode)
        {
            if (!name.Contains(' ', StringComparison.Ordinal)) map.TryAdd(Key(name), (SearchFacets.Municipality, code));
        }
        return map;
    });

    /// <summary>One word's kinds of match, best first (weights descending), and the documents any of them finds. Shared (cached): never changed.</summary>
    private sealed record Word(Bits Any, (Bits Bits, float Weight)[] Clauses)
    {
        public float ScoreOf(int slot)
        {
            foreach (var (bits, weight) in Clauses)
            {
                if (bits.Get(slot)) return weight;
            }
            return 0f;
        }

        /// <summary>
        /// <see cref="ScoreOf"/> of every slot in <paramref name="matched"/>, written to <paramref name="scores"/>[slot], a clause
        /// at a time over the bit sets: each slot takes the weight of the first clause that has it, and 0 when none has.
        /// <paramref name="remaining"/> is scratch space at least as long as <paramref name="matched"/>.
        /// </summary>
        public void WriteScores(ReadOnlySpan<ulong> matched, Span<ulong> remaining, float[] scores)
        {
            matched.CopyTo(remaining);
            foreach (var (bits, weight) in Clauses)
            {
                var clause = bits.Words;
                var n = Math.Min(clause.Length, matched.Length);
                for (var i = 0; i < n; i++)
                {
                    var hit = clause[i] & remaining[i];
                    if (hit == 0) continue;
                    remaining[i] &= ~hit;
                    Write(scores, i, hit, weight);
                }
            }
            for (var i = 0; i < matched.Length; i++)
            {
                if (remaining[i] != 0) Write(scores, i, remaining[i], 0f);
            }
        }

        private static void Write(float[] scores, int word, ulong hit, float weight)
        {
            while (hit != 0)
            {
                scores[(word << 6) + System.Numerics.BitOperations.TrailingZeroCount(hit)] = weight;
                hit &= hit - 1;
            }
        }
    }

    /// <summary>One way to match a unit: all its words (the query's own, or a synonym's), scored at a factor.</summary>
    private sealed record Option(Word[] Words, float Factor)
    {
        /// <summary>The sum of its words' scores, at its factor, for a unit of <paramref name="length"/> query words; 0 unless every word matches.</summary>
        public float ScoreOf(int slot, int length)
        {
            var sum = 0f;
            foreach (var w in Words)
            {
                var s = w.ScoreOf(slot);
                if (s == 0f) return 0f;
                sum += s;
            }
            return Factor * sum * length / Words.Length;
        }
    }

    /// <summary>A query word, or a phrase of query words a synonym names, with its ways to match. Never changed once made (shared).</summary>
    private sealed class Unit
    {
        private readonly Option[] options;
        private readonly int length;

        public Unit(Option[] options, int length)
        {
            this.options = options;
            this.length = length;
            Levels = LevelsOf(options, length);
            if (options is [{ Words: [var only] }])
            {
                // One word: its own set (only read from here on).
                Any = only.Any;
                return;
            }
            Any = null!;
            foreach (var o in options)
            {
                var all = o.Words[0].Any.Clone();
                for (var i = 1; i < o.Words.Length; i++) all.And(o.Words[i].Any);
                if (Any is null) Any = all;
                else Any.Or(all);
            }
        }

        public Bits Any { get; }

        /// <summary>
        /// The one-word options' clauses as score levels, highest first (a stable order): a slot's score from them is the
        /// first level that has it, as <see cref="ScoreOf"/> gives it, because each word's clauses come best first. Null when
        /// a word's clauses do not (then the levels would not give the same scores). Weightless clauses are left out: a slot
        /// they alone find scores 0.
        /// </summary>
        public (Bits Bits, float Score)[]? Levels { get; }

        /// <summary>The options of several words (synonym phrases): their slots are few, and scored one by one.</summary>
        public IEnumerable<Option> Phrases => options.Where(o => o.Words.Length > 1);

        private static (Bits Bits, float Score)[]? LevelsOf(Option[] options, int length)
        {
            var levels = new List<(Bits Bits, float Score)>();
            foreach (var o in options)
            {
                if (o.Words is not [var word]) continue;
                for (var k = 0; k < word.Clauses.Length; k++)
                {
                    var (bits, weight) = word.Clauses[k];
                    if (k > 0 && weight > word.Clauses[k - 1].Weight) return null;
                    // The same sum in the same order as Option.ScoreOf and ScoreAll.
                    var score = o.Factor * (0f + weight) * length / o.Words.Length;
                    if (weight > 0f && score > 0f) levels.Add((bits, score));
                }
            }
            return [.. levels.OrderByDescending(l => l.Score)];
        }

        /// <summary>The word, when the unit is one word of the query itself (no synonym): its score is then its word's.</summary>
        public Word? Single => options is [{ Factor: 1f, Words: [var w] }] && length == 1 ? w : null;

        /// <summary>
        /// <see cref="ScoreOf"/> of every slot in <paramref name="slots"/> (the set bits of <paramref name="matched"/>), written to
        /// <paramref name="best"/>[slot], with the same sums in the same order. Each option looks only at the slots that have
        /// all its words (a synonym's are few); a one-word option is scored a clause at a time over the bit sets.
        /// <paramref name="candidates"/> is scratch space as long as <paramref name="matched"/>.
        /// </summary>
        public void ScoreAll(ReadOnlySpan<int> slots, ReadOnlySpan<ulong> matched, Span<ulong> candidates, float[] best)
        {
            foreach (var slot in slots) best[slot] = 0f;
            foreach (var o in options)
            {
                matched.CopyTo(candidates);
                foreach (var w in o.Words)
                {
                    var any = w.Any.Words;
                    for (var i = 0; i < candidates.Length; i++) candidates[i] &= i < any.Length ? any[i] : 0UL;
                }
                if (o.Words is [var only])
                {
                    foreach (var (bits, weight) in only.Clauses)
                    {
                        var clause = bits.Words;
                        var n = Math.Min(clause.Length, candidates.Length);
                        for (var i = 0; i < n; i++)
                        {
                            var hit = clause[i] & candidates[i];
                            if (hit == 0) continue;
                            candidates[i] &= ~hit;
                            // A weightless first clause leaves the slot without a score from this option (as ScoreOf).
                            if (weight <= 0f) continue;
                            var score = o.Factor * (0f + weight) * length / o.Words.Length;
                            while (hit != 0)
                            {
                                var slot = (i << 6) + System.Numerics.BitOperations.TrailingZeroCount(hit);
                                hit &= hit - 1;
                                best[slot] = Math.Max(best[slot], score);
                            }
                        }
                    }
                    continue;
                }
                for (var i = 0; i < candidates.Length; i++)
                {
                    for (var hit = candidates[i]; hit != 0; hit &= hit - 1)
                    {
                        var slot = (i << 6) + System.Numerics.BitOperations.TrailingZeroCount(hit);
                        var score = o.ScoreOf(slot, length);
                        if (score > 0f) best[slot] = Math.Max(best[slot], score);
                    }
                }
            }
        }

        public float ScoreOf(int slot)
        {
            var best = 0f;
            foreach (var o in options) best = Math.Max(best, o.ScoreOf(slot, length));
            return best;
        }
    }

    /// <summary>The documents matching the text, and the units that score them.</summary>
    private sealed class TextHits(Bits matched, List<Unit> units, bool allWords)
    {
        public Bits Matched { get; } = matched;

        public bool AllWords { get; } = allWords;

        /// <summary>Phrase slots scored one by one at most; past this the levels are not worth it.</summary>
        private const int MaxPhraseSlots = 2048;

        /// <summary>
        /// The first <paramref name="needed"/> of <paramref name="matched"/> in relevance order (score descending, then name),
        /// with their scores, without scoring every match: for a text of one unit, the slots of a score are a bit set (its
        /// clauses', less the levels above), so only the levels down to the page's lowest score are made, and only the
        /// page's slots are visited. The few slots a synonym phrase finds are scored one by one. Null when the text is not
        /// one such unit (then every match is scored).
        /// </summary>
        public List<(int Slot, float Score)>? First(Bits matched, int needed, int[] nameRank, Scratch scratch)
        {
            if (!AllWords || units is not [var unit] || unit.Levels is not { } levels) return null;
            Bits? phraseSlots = null;
            foreach (var phrase in unit.Phrases)
            {
                var all = scratch.CopyOf(matched);
                foreach (var w in phrase.Words) all.And(w.Any);
                if (phraseSlots is null) phraseSlots = all;
                else phraseSlots.Or(all);
            }
            var phrased = new List<(int Slot, float Score)>();
            if (phraseSlots is not null)
            {
                if (phraseSlots.Count() > MaxPhraseSlots) return null;
                ForEachSlot(phraseSlots, slot => phrased.Add((slot, ScoreOf(slot))));
                phrased.Sort((x, y) => y.Score.CompareTo(x.Score));
            }
            var remaining = scratch.CopyOf(matched);
            if (phraseSlots is not null) remaining.AndNot(phraseSlots);

            // Walk the scores from the highest: each level's slots (a bit set) and the phrase slots of that score, until
            // the page is reached. The level reaching it gives the ties; those above are all on the page.
            var above = new List<(Bits Bits, float Score)>();
            var p = 0;
            var count = 0;
            (Bits? Bits, float Score) last;
            var k = 0;
            var zero = false;
            while (true)
            {
                // The next score: the next level's, or a phrase slot's above it; after the levels, 0 (what no level has).
                var levelScore = k < levels.Length ? levels[k].Score : 0f;
                var score = p < phrased.Count && phrased[p].Score > levelScore ? phrased[p].Score : levelScore;
                Bits? set = null;
                if (score == levelScore)
                {
                    set = scratch.Empty();
                    if (k < levels.Length)
                    {
                        for (; k < levels.Length && levels[k].Score == score; k++) count += set.MoveFrom(remaining, levels[k].Bits);
                    }
                    else
                    {
                        set.CopyFrom(remaining);
                        count += set.Count();
                        zero = true;
                    }
                }
                while (p < phrased.Count && phrased[p].Score == score)
                {
                    p++;
                    count++;
                }
                last = (set, score);
                if (count >= needed || zero) break;
                if (set is not null) above.Add((set, score));
            }

            var threshold = last.Score;
            var ordered = new List<(int Slot, float Score)>(needed);
            foreach (var (bits, score) in above) ForEachSlot(bits, slot => ordered.Add((slot, score)));
            foreach (var x in phrased)
            {
                if (x.Score > threshold) ordered.Add(x);
            }
            ordered.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : nameRank[x.Slot].CompareTo(nameRank[y.Slot]));
            var ties = needed - ordered.Count;
            if (ties > 0)
            {
                // The first ties in name order: a bounded heap that drops the last in name order.
                var heap = new PriorityQueue<int, int>(ties + 1);
                void Offer(int slot)
                {
                    var rank = nameRank[slot];
                    if (heap.Count < ties) heap.Enqueue(slot, -rank);
                    else if (heap.TryPeek(out _, out var worst) && rank < -worst) heap.DequeueEnqueue(slot, -rank);
                }
                if (last.Bits is { } tied) ForEachSlot(tied, Offer);
                foreach (var x in phrased)
                {
                    if (x.Score == threshold) Offer(x.Slot);
                }
                var first = new (int, float)[heap.Count];
                for (var i = first.Length - 1; i >= 0; i--) first[i] = (heap.Dequeue(), threshold);
                ordered.AddRange(first);
            }
            return ordered;
        }

        private static void ForEachSlot(Bits bits, Action<int> action)
        {
            var words = bits.Words;
            for (var i = 0; i < words.Length; i++)
            {
                for (var w = words[i]; w != 0; w &= w - 1) action((i << 6) + System.Numerics.BitOperations.TrailingZeroCount(w));
            }
        }

        public float ScoreOf(int slot)
        {
            var score = 0f;
            var count = 0;
            foreach (var u in units)
            {
                var s = u.ScoreOf(slot);
                if (s <= 0f) continue;
                score += s;
                count++;
            }
            return AllWords ? score : count * PerUnit + score;
        }

        /// <summary>
        /// <see cref="ScoreOf"/> of every slot in <paramref name="slots"/> (ascending), written to <paramref name="scores"/>[slot]:
        /// the same sums in the same order, but every word is scored a clause at a time over the bit sets (each slot takes
        /// the weight of the first clause that has it) instead of asking every clause about every slot.
        /// </summary>
        public void ScoreAll(ReadOnlySpan<int> slots, Bits matched, float[] scores)
        {
            foreach (var slot in slots) scores[slot] = 0f;
            var pool = System.Buffers.ArrayPool<float>.Shared;
            var counts = AllWords ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(scores.Length);
            var words = matched.Words;
            var remaining = System.Buffers.ArrayPool<ulong>.Shared.Rent(words.Length);
            float[]? unit = null;
            try
            {
                if (counts is not null) foreach (var slot in slots) counts[slot] = 0;
                foreach (var u in units)
                {
                    unit ??= pool.Rent(scores.Length);
                    if (u.Single is { } single)
                    {
                        // One word of the query: its score is its word's.
                        single.WriteScores(words, remaining, unit);
                    }
                    else
                    {
                        u.ScoreAll(slots, words, remaining.AsSpan(0, words.Length), unit);
                    }
                    foreach (var slot in slots)
                    {
                        var s = unit[slot];
                        if (s <= 0f) continue;
                        scores[slot] += s;
                        if (counts is not null) counts[slot]++;
                    }
                }
                if (counts is not null) foreach (var slot in slots) scores[slot] = counts[slot] * PerUnit + scores[slot];
            }
            finally
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(remaining);
                if (counts is not null) System.Buffers.ArrayPool<byte>.Shared.Return(counts);
                if (unit is not null) pool.Return(unit);
            }
        }
    }
}
