using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Samla.Web.Features.Search;

/// <summary>One word of a query: its unstemmed (folded) form for prefixes and typos, and what <see cref="SwedishLexicon"/> makes of it.</summary>
public sealed record QueryWord(string Raw, string[] Terms, string[] Parts)
{
    /// <summary>The main term (the first lemma's), for logs and caches.</summary>
    public string Stem => Terms[0];
}

/// <summary>
/// Swedish-aware text analysis: lower case, Swedish stop words out, å/ä/ö (and other accents) folded to a/a/o, then
/// <see cref="SwedishLexicon"/>: each word becomes its lemma's term, and a compound also gives its parts' terms at the
/// same position ("traumamottagningen" → traumamottagning, trauma, mottagning), so that a query with the parts joined,
/// split or inflected differently meets it. The unstemmed ("raw") form, with c/k spellings merged, feeds typo and prefix matching.
/// </summary>
public sealed class SwedishTextAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private enum Mode
    {
        /// <summary>Folded words, spelling variants merged: prefixes and typos.</summary>
        Raw,
        /// <summary>Lemma and part terms.</summary>
        Stemmed,
        /// <summary>Folded words as written: a query's words before the lexicon sees them.</summary>
        Folded,
    }

    private readonly Mode mode;

    private static readonly CharArraySet OtherStopWords = new(Version, OtherScripts.StopWords.ToList(), ignoreCase: false);

    public SwedishTextAnalyzer(bool stem) : this(stem ? Mode.Stemmed : Mode.Raw)
    {
    }

    private SwedishTextAnalyzer(Mode mode) => this.mode = mode;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new StopFilter(Version, stream, Lucene.Net.Analysis.Sv.SwedishAnalyzer.DefaultStopSet);
        stream = new StopFilter(Version, stream, OtherStopWords);
        stream = new ASCIIFoldingFilter(stream);
        if (mode != Mode.Folded) stream = new MorphologyFilter(stream, mode == Mode.Stemmed);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>
    /// One for every query: an analyzer keeps its tokenizer per thread and reuses it, where a new one per query built
    /// (and threw away) a tokenizer with its buffers each time.
    /// </summary>
    private static readonly SwedishTextAnalyzer QueryAnalyzer = new(Mode.Folded);

    /// <summary>A query's words in order, stop words removed.</summary>
    public static IReadOnlyList<QueryWord> Words(string text)
    {
        var result = new List<QueryWord>();
        using var stream = QueryAnalyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            var forms = SwedishLexicon.Analyze(word);
            result.Add(new QueryWord(SwedishLexicon.Spelling(word), forms.Terms, forms.Parts));
        }
        stream.End();
        return result;
    }

    /// <summary>
    /// Stemmed: replaces each word with its terms (lemma first, then other lemmas and a compound's parts, at the same
    /// position). Raw: the word with spelling variants merged.
    /// </summary>
    private sealed class MorphologyFilter : TokenFilter
    {
        private readonly bool stem;
        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute position;
        private readonly Queue<string> pending = new();
        private State? state;

        public MorphologyFilter(TokenStream input, bool stem) : base(input)
        {
            this.stem = stem;
            term = AddAttribute<ICharTermAttribute>();
            position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (pending.Count > 0)
            {
                RestoreState(state);
                term.SetEmpty().Append(pending.Dequeue());
                position.PositionIncrement = 0;
                return true;
            }
            if (!m_input.IncrementToken()) return false;
            var word = term.ToString();
            if (!stem)
            {
                term.SetEmpty().Append(SwedishLexicon.Spelling(word));
                return true;
            }
            var forms = SwedishLexicon.Analyze(word);
            term.SetEmpty().Append(forms.Terms[0]);
            for (var i = 1; i < forms.Terms.Length; i++) pending.Enqueue(forms.Terms[i]);
            foreach (var part in forms.Parts)
            {
                if (!forms.Terms.Contains(part, StringComparer.Ordinal)) pending.Enqueue(part);
            }
            if (pending.Count > 0) state = CaptureState();
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            pending.Clear();
            state = null;
        }
    }
}
