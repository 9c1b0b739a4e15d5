using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samla.BrowserTests.Infrastructure;
using Samla.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

/// <summary>What a reader sees of counts and age limits: the noun agrees with the number, an open age range is words.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WordsTests(BrowserFixture browser)
{
    [Fact]
    public Task Service_counts_on_the_organisations_page_agree_with_the_number() => browser.RunAsync(async page =>
    {
        await page.GotoAsync("/organisationer?lang=sv");
        var swedish = await page.Locator("main .card p.muted").AllInnerTextsAsync();
        Assert.NotEmpty(swedish);
        Assert.All(swedish.Where(t => Count().IsMatch(t)), t =>
            Assert.Equal(int.Parse(Count().Match(t).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == 1 ? "insats" : "insatser",
                Count().Match(t).Groups[2].Value));

        // Arabic: 3–10 take the plural خدمات, 11–99 the singular خدمة, one and two have their own words.
        await page.GotoAsync("/organisationer?lang=ar");
        var arabic = await page.Locator("main .card p.muted").AllInnerTextsAsync();
        foreach (var t in arabic.Where(t => Count().IsMatch(t)))
        {
            var n = int.Parse(Count().Match(t).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotEqual(1, n);
            Assert.NotEqual(2, n);
            Assert.Equal(n % 100 is >= 3 and <= 10 ? "خدمات" : "خدمة", Count().Match(t).Groups[2].Value);
        }
    });

    [Theory]
    [InlineData("sv", "Från 18 år", "Upp till 17 år")]
    [InlineData("en", "From age 18", "Up to age 17")]
    [InlineData("ar", "العمر من 18 فما فوق", "العمر حتى 17")]
    [InlineData("prs", "از 18 سال به بالا", "تا 17 سال")]
    [InlineData("ti", "ካብ 18 ዓመት ንላዕሊ", "ክሳብ 17 ዓመት")]
    [InlineData("so", "Da'da 18 iyo ka weyn", "Da'da ilaa 17")]
    [InlineData("uk", "Вік від 18", "Вік до 17")]
    public Task An_open_age_range_is_said_in_words(string language, string from18, string upTo17) => browser.RunAsync(async page =>
    {
        var adults = await browser.WithDbAsync(db => db.Services.AsNoTracking()
            .Where(s => s.IsPublished && s.Status == ServiceStatus.Active && s.MinimumAge == 18 && s.MaximumAge == null)
            .Select(s => s.Id).FirstAsync());
        var young = await browser.WithDbAsync(db => db.Services.AsNoTracking()
            .Where(s => s.IsPublished && s.Status == ServiceStatus.Active && (s.MinimumAge == null || s.MinimumAge == 0) && s.MaximumAge == 17)
            .Select(s => s.Id).FirstAsync());
        foreach (var (id, expected) in new[] { (adults, from18), (young, upTo17) })
        {
            await page.GotoAsync($"/insatser/{id}?lang={language}");
            await Expect(page.Locator(".age-range")).ToHaveTextAsync(expected);
            Assert.DoesNotContain("––", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }
    });

    [Theory]
    [InlineData("sv", "Kommun · Falkenberg")]
    [InlineData("en", "Municipality · Falkenberg")]
    [InlineData("ar", "بلدية · Falkenberg")]
    [InlineData("uk", "Муніципалітет · Falkenberg")]
    public Task An_organisation_page_names_its_kind_in_the_singular_and_the_municipality_by_its_official_name(string language, string kind) => browser.RunAsync(async page =>
    {
        var id = await browser.WithDbAsync(db => db.Organizations.AsNoTracking()
            .Where(o => o.Type == OrganizationType.Municipality && o.Name == "Falkenbergs kommun").Select(o => o.Id).FirstAsync());
        await page.GotoAsync($"/organisationer/{id}?lang={language}");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Falkenbergs kommun");
        await Expect(page.Locator("main h1 + p.muted")).ToHaveTextAsync(kind);
    });

    /// <summary>
    /// Every count a visitor meets (services per organisation, the home page's figures, search hits, one hit too) in all
    /// seven languages takes the form the language's CLDR plural rule asks for. The expected words are written out here
    /// from the rules, not read from the app.
    /// </summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("prs")]
    [InlineData("ti")]
    [InlineData("so")]
    [InlineData("uk")]
    public Task Counts_agree_with_the_number_in_every_language(string lang) => browser.RunAsync(async page =>
    {
        await page.GotoAsync($"/sprak/{lang}?returnUrl=/organisationer");
        var cards = await page.Locator("main .card p.muted").AllInnerTextsAsync();
        Assert.NotEmpty(cards);
        foreach (var text in cards) Assert.Equal(Expected(ServiceWords[lang], text), text);

        await page.GotoAsync("/");
        var figures = page.Locator("ul.stats li");
        Assert.Equal(3, await figures.CountAsync());
        for (var i = 0; i < 3; i++)
        {
            var n = Number(await figures.Nth(i).Locator("strong").InnerTextAsync());
            var noun = (await figures.Nth(i).InnerTextAsync())[(await figures.Nth(i).Locator("strong").InnerTextAsync()).Length..].Trim();
            Assert.Equal(StatWords[lang][i][Category(n, lang)], noun);
        }

        await page.GotoAsync("/sok?q=st%C3%B6d");
        var heading = await page.Locator("#results-heading").InnerTextAsync();
        Assert.Equal(Expected(ResultWords[lang], heading), heading);
        // One hit: a filter option that counts (1).
        var single = page.Locator("#filters li").Filter(new() { Has = page.Locator(".count", new() { HasTextString = "(1)" }) }).First.Locator("input");
        var name = await single.GetAttributeAsync("name");
        var value = await single.GetAttributeAsync("value");
        await page.GotoAsync($"/sok?q=st%C3%B6d&{name}={Uri.EscapeDataString(value!)}");
        heading = await page.Locator("#results-heading").InnerTextAsync();
        Assert.Equal(ResultWords[lang]["one"].Replace("{0}", "1", StringComparison.Ordinal), heading);
    });

    /// <summary>CLDR 46 cardinal rules for whole numbers in the seven UI languages.</summary>
    private static string Category(long n, string lang) => lang switch
    {
        "ar" => n switch { 0 => "zero", 1 => "one", 2 => "two", _ when n % 100 is >= 3 and <= 10 => "few", _ when n % 100 is >= 11 and <= 99 => "many", _ => "other" },
        "uk" => n % 10 == 1 && n % 100 != 11 ? "one" : n % 10 is >= 2 and <= 4 && n % 100 is not (>= 12 and <= 14) ? "few" : "many",
        "prs" or "ti" => n <= 1 ? "one" : "other",
        _ => n == 1 ? "one" : "other",
    };

    /// <summary>The text a count should read as: its number (if it shows one) with the form for its category.</summary>
    private static string Expected(Dictionary<string, string> forms, string text)
    {
        var digits = Digits().Match(text);
        if (!digits.Success) return forms.Values.Contains(text) ? text : $"(a form without a number, one of: {string.Join(" | ", forms.Values)})";
        var category = Category(Number(digits.Value), forms["lang"]);
        return (forms.TryGetValue(category, out var form) ? form : forms["other"]).Replace("{0}", digits.Value, StringComparison.Ordinal);
    }

    private static long Number(string digits) => long.Parse(new string(digits.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Forms(string lang, params (string Category, string Text)[] forms)
    {
        var d = forms.ToDictionary(f => f.Category, f => f.Text);
        d["lang"] = lang;
        return d;
    }

    private static readonly Dictionary<string, Dictionary<string, string>> ServiceWords = new()
    {
        ["sv"] = Forms("sv", ("one", "{0} insats"), ("other", "{0} insatser")),
        ["en"] = Forms("en", ("one", "{0} service"), ("other", "{0} services")),
        ["ar"] = Forms("ar", ("one", "خدمة واحدة"), ("two", "خدمتان"), ("few", "{0} خدمات"), ("many", "{0} خدمة"), ("other", "{0} خدمة")),
        ["prs"] = Forms("prs", ("one", "{0} خدمت"), ("other", "{0} خدمت")),
        ["ti"] = Forms("ti", ("one", "{0} ኣገልግሎት"), ("other", "{0} ኣገልግሎታት")),
        ["so"] = Forms("so", ("one", "{0} adeeg"), ("other", "{0} adeeg")),
        ["uk"] = Forms("uk", ("one", "{0} послуга"), ("few", "{0} послуги"), ("many", "{0} послуг")),
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ResultWords = new()
    {
        ["sv"] = Forms("sv", ("one", "{0} träff"), ("other", "{0} träffar")),
        ["en"] = Forms("en", ("one", "{0} result"), ("other", "{0} results")),
        ["ar"] = Forms("ar", ("one", "نتيجة واحدة"), ("two", "نتيجتان"), ("few", "{0} نتائج"), ("many", "{0} نتيجة"), ("other", "{0} نتيجة")),
        ["prs"] = Forms("prs", ("one", "{0} نتیجه"), ("other", "{0} نتیجه")),
        ["ti"] = Forms("ti", ("one", "{0} ውጽኢት"), ("other", "{0} ውጽኢት")),
        ["so"] = Forms("so", ("one", "{0} natiijo"), ("other", "{0} natiijo")),
        ["uk"] = Forms("uk", ("one", "{0} результат"), ("few", "{0} результати"), ("many", "{0} результатів")),
    };

    /// <summary>The home page's three figures (services, organisations, municipalities with support): the noun under each number.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>[]> StatWords = new()
    {
        ["sv"] = [Forms("sv", ("one", "insats"), ("other", "insatser")), Forms("sv", ("one", "organisation"), ("other", "organisationer")), Forms("sv", ("one", "kommun med stöd"), ("other", "kommuner med stöd"))],
        ["en"] = [Forms("en", ("one", "service"), ("other", "services")), Forms("en", ("one", "organisation"), ("other", "organisations")), Forms("en", ("one", "municipality with support"), ("other", "municipalities with support"))],
        ["ar"] = [Forms("ar", ("zero", "خدمة"), ("one", "خدمة"), ("two", "خدمتان"), ("few", "خدمات"), ("many", "خدمة"), ("other", "خدمة")),
                  Forms("ar", ("zero", "جهة"), ("one", "جهة"), ("two", "جهتان"), ("few", "جهات"), ("many", "جهة"), ("other", "جهة")),
                  Forms("ar", ("zero", "بلدية فيها دعم"), ("one", "بلدية فيها دعم"), ("two", "بلديتان فيهما دعم"), ("few", "بلديات فيها دعم"), ("many", "بلدية فيها دعم"), ("other", "بلدية فيها دعم"))],
        ["prs"] = [Forms("prs", ("one", "خدمت"), ("other", "خدمت")), Forms("prs", ("one", "نهاد"), ("other", "نهاد")), Forms("prs", ("one", "کمون دارای حمایت"), ("other", "کمون دارای حمایت"))],
        ["ti"] = [Forms("ti", ("one", "ኣገልግሎት"), ("other", "ኣገልግሎታት")), Forms("ti", ("one", "ትካል"), ("other", "ትካላት")), Forms("ti", ("one", "ደገፍ ዘለዎ ምምሕዳር ከተማ"), ("other", "ደገፍ ዘለዎም ምምሕዳራት ከተማ"))],
        ["so"] = [Forms("so", ("one", "adeeg"), ("other", "adeegyo")), Forms("so", ("one", "hay'ad"), ("other", "hay'ado")), Forms("so", ("one", "degmo leh taageero"), ("other", "degmooyin leh taageero"))],
        ["uk"] = [Forms("uk", ("one", "послуга"), ("few", "послуги"), ("many", "послуг")), Forms("uk", ("one", "організація"), ("few", "організації"), ("many", "організацій")),
                  Forms("uk", ("one", "муніципалітет із підтримкою"), ("few", "муніципалітети з підтримкою"), ("many", "муніципалітетів із підтримкою"))],
    };

    [GeneratedRegex(@"\d[\d\u00a0\u202f ,.]*\d|\d")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(\d+)\s+(\S+)$")]
    private static partial Regex Count();
}
