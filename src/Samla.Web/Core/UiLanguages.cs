using System.Globalization;

namespace Samla.Web.Core;

/// <summary>The seven UI languages, in the order the language menu shows them.</summary>
public static class UiLanguages
{
    public const string Default = "sv";
    public const string CookieName = "samla.lang";

    public sealed record UiLanguage(string Code, string NativeName, bool RightToLeft);

    public static readonly IReadOnlyList<UiLanguage> All =
    [
        new("sv", "Svenska", false),
        new("en", "English", false),
        new("ar", "العربية", true),
        new("prs", "دری", true),
        new("ti", "ትግርኛ", false),
        new("so", "Soomaali", false),
        new("uk", "Українська", false),
    ];

    public static UiLanguage Current => Find(CultureInfo.CurrentUICulture.Name) ?? All[0];

    /// <summary>What separates the items of a list in running text: the Arabic comma ("، ") in Arabic and Dari, else ", ".</summary>
    public static string ListSeparator => Current.RightToLeft ? "، " : ", ";

    /// <summary>
    /// The culture a request in this UI language formats with: named by the language code (so the resources and the
    /// language menu match it) but writing dates and numbers as people of that language in Sweden read them. English is
    /// British (17 Oct 2026, 14:05, not 10/17/2026); Dari takes Afghan Persian's names and grouping with the Gregorian
    /// calendar (ICU knows no "prs" formats, and dates must match the Swedish calendar). See <see cref="Formats"/>.
    /// </summary>
    public static CultureInfo Culture(string code)
    {
        var culture = new CultureInfo(code);
        var formats = code switch
        {
            "sv" => new CultureInfo("sv-SE"),
            "en" => new CultureInfo("en-GB"),
            "prs" => new CultureInfo("fa-AF"),
            _ => null,
        };
        if (formats is not null)
        {
            var dates = (DateTimeFormatInfo)formats.DateTimeFormat.Clone();
            if (dates.Calendar is not GregorianCalendar) dates.Calendar = new GregorianCalendar();
            culture.DateTimeFormat = dates;
            culture.NumberFormat = (NumberFormatInfo)formats.NumberFormat.Clone();
        }
        return culture;
    }

    /// <summary>The language of a code ("ar") or of a culture name ("ar-SE"), or null. Asked several times per rendered item: no allocation.</summary>
    public static UiLanguage? Find(string? code)
    {
        if (code is null) return null;
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Code, code, StringComparison.OrdinalIgnoreCase)) return All[i];
        }
        for (var i = 0; i < All.Count; i++)
        {
            var c = All[i].Code;
            if (code.Length > c.Length && code[c.Length] == '-' && code.StartsWith(c, StringComparison.OrdinalIgnoreCase)) return All[i];
        }
        return null;
    }
}
