using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Samla.Web.Features.Search;

/// <summary>What search makes of one (lower-case, ASCII-folded) word: its index terms and, for a compound, its parts' terms.</summary>
/// <param name="Terms">The terms of the whole word: its lemmas (usually one), normalised (see <see cref="SwedishLexicon.Term"/>).</param>
/// <param name="Parts">For a compound, one term per part (modifier first, head last); empty otherwise.</param>
public sealed record WordForms(string[] Terms, string[] Parts);

/// <summary>
/// Swedish morphology from the Hunspell dictionary shipped in Lexicon/ (see its README): lemmas of inflected words and the
/// parts of compounds, on ASCII-folded words so that "motesplatser" and "mötesplatser" agree. Loaded once per process
/// (about 2 s); every word's analysis is cached, since a corpus and its queries repeat the same few hundred thousand words.
/// </summary>
public static class SwedishLexicon
{
    private const int MinCompound = 7, MinHead = 4, MinModifier = 3, MaxCached = 400_000;

    private sealed class Data
    {
        public required Dictionary Hunspell { get; init; }
        /// <summary>Base forms that stand alone.</summary>
        public required HashSet<string> Words { get; init; }
        /// <summary>Forms that may begin a compound (compound-begin or compound-only flags), e.g. "föräldra", "hälso".</summary>
        public required HashSet<string> Modifiers { get; init; }
    }

    private static readonly Lazy<Data> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, WordForms> Cache = new(StringComparer.Ordinal);
    private static readonly ThreadLocal<Lemmatizer> Lemmatizers = new(() => new Lemmatizer(Loaded.Value.Hunspell));

    /// <summary>Loads the dictionary now (otherwise the first analysis does).</summary>
    public static void Warm() => _ = Loaded.Value;

    private static Data Load()
    {
        var aff = Folded("sv_SE.aff.gz");
        var dic = Folded("sv_SE.dic.gz");
        var words = new HashSet<string>(StringComparer.Ordinal);
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new StringReader(dic))
        {
            reader.ReadLine(); // the word count
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                var word = (slash < 0 ? line : line[..slash]).ToLowerInvariant();
                var flags = slash < 0 ? "" : line[(slash + 1)..];
                if (word.Length == 0 || flags.Contains('%', StringComparison.Ordinal)) continue;
                // X compound begin, U compound middle, Z only in compounds (see COMPOUND* in the .aff).
                if (flags.Contains('X', StringComparison.Ordinal) || flags.Contains('Z', StringComparison.Ordinal) || flags.Contains('U', StringComparison.Ordinal)) modifiers.Add(word);
                if (!flags.Contains('Z', StringComparison.Ordinal)) words.Add(word);
            }
        }
        using var affStream = new MemoryStream(Encoding.UTF8.GetBytes(aff));
        using var dicStream = new MemoryStream(Encoding.UTF8.GetBytes(dic));
        var hunspell = new Dictionary(affStream, [dicStream], ignoreCase: true);
        return new Data { Hunspell = hunspell, Words = words, Modifiers = modifiers };
    }

    /// <summary>An embedded dictionary file, ASCII-folded line by line the way <see cref="ASCIIFoldingFilter"/> folds words.</summary>
    private static string Folded(string file)
    {
        using var stream = typeof(SwedishLexicon).Assembly.GetManifestResourceStream($"Samla.Web.Features.Search.Lexicon.{file}")
            ?? throw new InvalidOperationException($"Embedded resource {file} missing");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Fold(reader.ReadToEnd());
    }

    internal static string Fold(string text)
    {
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    /// <summary>
    /// The final form of a lemma in the index: spelling variants merged (c before a/o/u/l/r or at the end is k, ck is k:
    /// café/kafé, check/kolla stay apart) and then the Snowball Swedish stemmer, so that words the dictionary does not know
    /// still meet their inflections.
    /// </summary>
    public static string Term(string lemma)
    {
        var stemmer = new SwedishStemmer();
        stemmer.SetCurrent(Spelling(lemma));
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>Spelling variants merged (see <see cref="Term"/>); also applied to the unstemmed forms used for prefixes and typos.</summary>
    public static string Spelling(string word)
    {
        if (!word.Contains('c', StringComparison.Ordinal)) return word;
        var b = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c != 'c')
            {
                b.Append(c);
                continue;
            }
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (next == 'k') continue; // ck → k
            b.Append(next is '\0' or 'a' or 'o' or 'u' or 'l' or 'r' ? 'k' : 'c');
        }
        return b.ToString();
    }

    /// <summary>The analysis of one lower-case, ASCII-folded word (cached).</summary>
    public static WordForms Analyze(string word)
    {
        if (Cache.TryGetValue(word, out var cached)) return cached;
        var forms = Compute(word);
        if (Cache.Count >= MaxCached) Cache.Clear();
        Cache[word] = forms;
        return forms;
    }

    private static WordForms Compute(string word)
    {
        if (OtherScripts.Term(word) is { } other) return new WordForms([other], []);
        if (word.Length < 3 || !word.All(char.IsAsciiLetterLower)) return new WordForms([Fallback(word)], []);
        var lemmas = Lemmas(word);
        var known = lemmas.Count > 0;
        string[] terms = known ? [.. lemmas.Select(Spelling).Distinct(StringComparer.Ordinal)] : [Fallback(word)];
        var parts = Split(word, known ? MinModifier + 1 : MinModifier, depth: 0);
        return new WordForms(terms, parts is null ? [] : [.. parts.Select(p => Loaded.Value.Words.Contains(p) ? Spelling(p) : Fallback(p))]);
    }

    /// <summary>
    /// The term of a word the dictionary does not know: its Snowball stem, marked so that it never equals a lemma (a known
    /// word's lemma is exact; stems of unknown words only meet other stems, "ptsd", "asylsokandes" → "~asylsok").
    /// </summary>
    public static string Fallback(string word) => "~" + Term(word);

    /// <summary>A compound's parts as lemmas, longest known head first; null when the word is not a compound the dictionary explains.</summary>
    /// <remarks>A word the dictionary knows as a whole is split only with a longer first part ("mötes|platser", not "för|svunna").</remarks>
    private static List<string>? Split(string word, int minModifier, int depth)
    {
        if (word.Length < MinCompound || depth > 2) return null;
        var data = Loaded.Value;
        for (var i = minModifier; i <= word.Length - MinHead; i++)
        {
            var head = word[i..];
            var headLemmas = Lemmas(head).Where(data.Words.Contains).ToList();
            if (headLemmas.Count == 0) continue;
            var modifier = ModifierLemma(word[..i]);
            if (modifier is null) continue;
            var parts = Split(modifier, MinModifier + 1, depth + 1) ?? [modifier];
            parts.Add(headLemmas[0]);
            return parts;
        }
        return null;
    }

    /// <summary>The lemma of a compound's first part as written in the compound: "mötes" → "möte", "föräldra" → "förälder", "hälso" → "hälsa".</summary>
    private static string? ModifierLemma(string modifier)
    {
        var data = Loaded.Value;
        string? form = null;
        if (data.Words.Contains(modifier) || data.Modifiers.Contains(modifier)) form = modifier;
        else if (modifier.Length > MinModifier && modifier[^1] is 's' or '-' && (data.Words.Contains(modifier[..^1]) || data.Modifiers.Contains(modifier[..^1]))) form = modifier[..^1];
        if (form is null) return null;
        if (data.Words.Contains(form)) return form;
        // A compound-only form: find the word it stands for.
        string[] candidates = form switch
        {
            _ when form.EndsWith("ra", StringComparison.Ordinal) => [form[..^2] + "er", form + "r", form[..^1]],
            _ when form[^1] is 'o' or 'e' or 'u' => [form[..^1] + "a", form[..^1]],
            _ when form.EndsWith('s') => [form[..^1] + "e", form[..^1], form + "a"],
            _ => [form + "a", form + "e", form + "er"],
        };
        return candidates.FirstOrDefault(data.Words.Contains) ?? form;
    }

    /// <summary>The lemmas Hunspell gives a word: empty when it does not know the word.</summary>
    private static List<string> Lemmas(string word)
    {
        // A base form is its own lemma (the folded dictionary also finds "ratt" in "rätta"; keep "ratt" itself).
        if (Loaded.Value.Words.Contains(word)) return [word];
        var stems = Lemmatizers.Value!.Stems(word);
        if (stems.Count == 1 && stems[0] == word) return [];
        return [.. stems.Where(s => s.Length >= 3 && Loaded.Value.Words.Contains(s))];
    }

    /// <summary>A reusable Hunspell pipeline for one thread.</summary>
    private sealed class Lemmatizer
    {
        private readonly KeywordTokenizer tokenizer;
        private readonly HunspellStemFilter filter;
        private readonly ICharTermAttribute term;

        public Lemmatizer(Dictionary dictionary)
        {
            tokenizer = new KeywordTokenizer(new StringReader(""));
            filter = new HunspellStemFilter(tokenizer, dictionary, dedup: true, longestOnly: false);
            term = filter.AddAttribute<ICharTermAttribute>();
        }

        public List<string> Stems(string word)
        {
            tokenizer.SetReader(new StringReader(word));
            filter.Reset();
            var stems = new List<string>(2);
            while (filter.IncrementToken()) stems.Add(term.ToString());
            filter.End();
            filter.Dispose();
            return stems;
        }
    }
}
