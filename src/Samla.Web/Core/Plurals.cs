using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Samla.Web.Core;

/// <summary>
/// Counts in words that agree with the number, by the UI language's CLDR plural rules (cardinal, whole numbers).
/// A text with a count has its "other" form under its key (<c>ServiceCount</c> = "{0} insatser") and a form for each
/// category of the language that differs under <c>Key_category</c> (a language may also give <c>Key_other</c>) (<c>ServiceCount_one</c> = "{0} insats";
/// Arabic also <c>_zero</c>, <c>_two</c>, <c>_few</c>, <c>_many</c>; Ukrainian <c>_few</c>, <c>_many</c>).
/// <c>{0}</c> is the count, written with the language's digit grouping ("1 000", "1,000").
/// </summary>
public static class Plurals
{
    /// <summary>The CLDR categories a UI language distinguishes for whole numbers.</summary>
    public static IReadOnlyList<string> CategoriesOf(string language) => Language(language) switch
    {
        "ar" => ["zero", "one", "two", "few", "many", "other"],
        "uk" => ["one", "few", "many", "other"],
        _ => ["one", "other"],
    };

    /// <summary>The CLDR plural category of a whole number in a language (CLDR 46 rules for the seven UI languages).</summary>
    public static string Category(long n, string language)
    {
        n = Math.Abs(n);
        return Language(language) switch
        {
            // uk: one i%10=1 and i%100!=11; few i%10=2..4 and i%100!=12..14; many the rest of the integers.
            "uk" => (n % 10, n % 100) switch
            {
                (1, not 11) => "one",
                ( >= 2 and <= 4, not (>= 12 and <= 14)) => "few",
                _ => "many",
            },
            // ar: zero n=0; one n=1; two n=2; few n%100=3..10; many n%100=11..99; other.
            "ar" => n switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when n % 100 is >= 3 and <= 10 => "few",
                _ when n % 100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            // prs (fa): one i=0 or n=1; ti: one n=0..1.
            "prs" or "fa" or "ti" => n <= 1 ? "one" : "other",
            // sv, en, so: one n=1.
            _ => n == 1 ? "one" : "other",
        };
    }

    /// <summary>The count in words in the current UI language: <c>t.Plural("ServiceCount", 1)</c> → "1 insats".</summary>
    public static string Plural(this IStringLocalizer t, string key, long count, params object[] more)
    {
        var args = new object[more.Length + 1];
        args[0] = Formats.Number(count);
        more.CopyTo(args, 1);
        return t.PluralFormat(key, count, args);
    }

    /// <summary>
    /// A text whose form follows <paramref name="count"/> but whose arguments are given as they are (the count need not
    /// be <c>{0}</c>): <c>t.PluralFormat("NoResultsRelax", 1, filter, Formats.Number(1))</c>.
    /// </summary>
    public static string PluralFormat(this IStringLocalizer t, string key, long count, params object[] args)
    {
        // The form for the number's category when the language has one, else the key's own ("other") text.
        var agreeing = t[key + "_" + Category(count, CultureInfo.CurrentUICulture.Name)];
        var format = agreeing.ResourceNotFound ? t[key] : agreeing;
        return string.Format(CultureInfo.CurrentCulture, format.Value, args);
    }

    private static string Language(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? language : language[..dash]).ToLowerInvariant();
    }
}
