using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Samla.Web.Features.Search;

/// <summary>
/// Swedish-aware text analysis: lower case, Swedish stop words out, å/ä/ö (and other accents) folded to
/// a/a/o, then the Snowball Swedish stemmer. Folding comes before stemming so that "motesplats" and
/// "mötesplats" give the same stem. The unstemmed ("raw") form feeds typo and prefix matching.
/// </summary>
public sealed class SwedishTextAnalyzer(bool stem) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new StopFilter(Version, stream, Lucene.Net.Analysis.Sv.SwedishAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        if (stem) stream = new Lucene.Net.Analysis.Snowball.SnowballFilter(stream, new SwedishStemmer());
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>A query's words: (raw folded form, stemmed form), in order, stop words removed.</summary>
    public static IReadOnlyList<(string Raw, string Stem)> Words(string text)
    {
        var result = new List<(string, string)>();
        using var analyzer = new SwedishTextAnalyzer(stem: false);
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stemmer = new SwedishStemmer();
        while (stream.IncrementToken())
        {
            var raw = term.ToString();
            stemmer.SetCurrent(raw);
            stemmer.Stem();
            result.Add((raw, stemmer.Current));
        }
        stream.End();
        return result;
    }
}
