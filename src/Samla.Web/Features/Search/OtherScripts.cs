using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Fa;

namespace Samla.Web.Features.Search;

/// <summary>
/// Light analysis of words in the UI's other scripts, so that a query in Arabic, Dari or Ukrainian meets the forms the
/// index has (the term names, translated names and descriptions): Arabic script is normalised (Persian and Arabic letter
/// variants, hamza forms, diacritics) and lightly stemmed (the article and common prefixes and suffixes: الأطفال, أطفال →
/// اطفال); Cyrillic words lose their case endings (дітей, діти → діт). Terms are marked like other non-lexicon terms ("~").
/// </summary>
public static class OtherScripts
{
    /// <summary>Short function words of the UI's other languages that would otherwise count as query words ("підтримка для дітей").</summary>
    public static readonly IReadOnlyList<string> StopWords =
    [
        // Ukrainian
        "для", "і", "й", "та", "в", "у", "з", "із", "на", "до", "про", "що", "як", "або",
        // Arabic
        "في", "من", "إلى", "الى", "على", "عن", "مع", "و", "أو", "او",
        // Dari
        "برای", "در", "از", "به", "با", "که", "یا",
    ];

    private static readonly ArabicNormalizer ArabicNormalizer = new();
    private static readonly ArabicStemmer ArabicStemmer = new();
    private static readonly PersianNormalizer PersianNormalizer = new();

    // Longest first: Ukrainian noun and adjective endings (and the Russian ones they share).
    private static readonly string[] CyrillicEndings = [.. new[]
    {
        "ього", "ьому", "ями", "ами", "ові", "еві", "єві", "ого", "ому", "ими", "іми",
        "ів", "їв", "ей", "ій", "ий", "их", "іх", "ям", "ам", "ях", "ах", "ою", "ею", "єю", "ом", "ем", "ої",
        "а", "я", "и", "і", "ї", "у", "ю", "о", "е", "є", "ь", "й",
    }.OrderByDescending(e => e.Length)];

    /// <summary>The term of a word in Arabic script or Cyrillic; null for any other word.</summary>
    public static string? Term(string word)
    {
        if (word.Length == 0) return null;
        if (word.Any(IsArabic)) return "~" + Arabic(word);
        if (word.Any(IsCyrillic)) return "~" + Cyrillic(word);
        return null;
    }

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static string Arabic(string word)
    {
        var chars = word.ToCharArray();
        var length = PersianNormalizer.Normalize(chars, chars.Length);
        length = ArabicNormalizer.Normalize(chars, length);
        length = ArabicStemmer.Stem(chars, length);
        return new string(chars, 0, length);
    }

    private static string Cyrillic(string word)
    {
        // Apostrophes inside Ukrainian words (п'ять) and the Russian ё are spelled several ways.
        var w = word.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal).Replace('ё', 'е');
        foreach (var ending in CyrillicEndings)
        {
            if (w.Length - ending.Length >= 3 && w.EndsWith(ending, StringComparison.Ordinal)) return w[..^ending.Length];
        }
        return w;
    }
}
