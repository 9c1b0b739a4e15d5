using System.Globalization;
using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Core;

/// <summary>Content in the reader's language with fallback to Swedish (ContentText).</summary>
public sealed class LocalizedContentTests
{
    private static T InCulture<T>(string code, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(code);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    private static readonly Dictionary<string, Dictionary<string, string>> Translations = new()
    {
        ["en"] = new() { ["name"] = "Family support", ["description"] = " " },
        ["ar"] = new() { ["name"] = "دعم الأسرة" },
    };

    [Fact]
    public void Picks_the_readers_language_and_falls_back_to_Swedish()
    {
        Assert.Equal(new Localized("Family support", "en"), InCulture("en", () => ContentText.Pick(Translations, "name", "Familjestöd")));
        Assert.Equal(new Localized("دعم الأسرة", "ar"), InCulture("ar", () => ContentText.Pick(Translations, "name", "Familjestöd")));
        // No Somali translation, and a blank English description: Swedish, marked as Swedish.
        Assert.Equal(new Localized("Familjestöd", "sv"), InCulture("so", () => ContentText.Pick(Translations, "name", "Familjestöd")));
        Assert.Equal(new Localized("Beskrivning", "sv"), InCulture("en", () => ContentText.Pick(Translations, "description", "Beskrivning")));
        Assert.Equal(new Localized("Familjestöd", "sv"), InCulture("sv", () => ContentText.Pick(Translations, "name", "Familjestöd")));
    }

    [Fact]
    public void Terms_and_languages_are_named_for_the_reader()
    {
        var term = new TaxonomyTerm { Code = "families", Name = "Familjer", Translations = new() { ["en"] = "Families" } };
        Assert.Equal("Families", InCulture("en", () => ContentText.TermName(term)));
        Assert.Equal("Familjer", InCulture("uk", () => ContentText.TermName(term)));
        Assert.Equal("arabiska", InCulture("sv", () => ContentText.LanguageName("ar")).ToLowerInvariant());
        Assert.Equal("xx", InCulture("sv", () => ContentText.LanguageName("xx")));
    }
}
