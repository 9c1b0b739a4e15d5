using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>A piece of content in the reader's language, or in Swedish when no translation exists.</summary>
public readonly record struct Localized(string Text, string Lang)
{
    /// <summary>The text's own direction, for <c>dir="@x.Dir"</c> beside <c>lang="@x.Lang"</c>: Swedish fallback on an Arabic page reads left to right.</summary>
    public string Dir => UiLanguages.Find(Lang)?.RightToLeft == true ? "rtl" : "ltr";
}

/// <summary>Picks translated content fields (PROFILE.md x_translations) with fallback to Swedish.</summary>
public static class ContentText
{
    public static Localized Pick(Dictionary<string, Dictionary<string, string>> translations, string field, string swedish)
    {
        var lang = UiLanguages.Current.Code;
        if (lang != UiLanguages.Default
            && translations.TryGetValue(lang, out var fields)
            && fields.TryGetValue(field, out var text)
            && !string.IsNullOrWhiteSpace(text))
        {
            return new Localized(text, lang);
        }
        return new Localized(swedish, UiLanguages.Default);
    }

    /// <summary>A taxonomy term's name in the UI language (terms carry their own translations).</summary>
    public static string TermName(TaxonomyTerm term)
    {
        var lang = UiLanguages.Current.Code;
        return lang != UiLanguages.Default && term.Translations.TryGetValue(lang, out var name) && !string.IsNullOrWhiteSpace(name)
            ? name
            : term.Name;
    }

    /// <summary>A language's name for the reader: Swedish name in Swedish, English in English, else the language's own name.</summary>
    public static string LanguageName(string code, string? fallback = null)
    {
        var entry = LanguageCatalog.Find(code);
        if (entry is null) return fallback ?? code;
        return UiLanguages.Current.Code switch
        {
            "sv" => entry.Swedish,
            "en" => entry.English,
            _ => entry.Native,
        };
    }
}
