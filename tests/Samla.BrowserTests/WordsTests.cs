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
    [InlineData("sv", "Från 18 år")]
    [InlineData("en", "From age 18")]
    [InlineData("ar", "العمر من 18 فما فوق")]
    public Task An_open_age_range_is_said_in_words(string language, string expected) => browser.RunAsync(async page =>
    {
        var id = await browser.WithDbAsync(db => db.Services.AsNoTracking()
            .Where(s => s.IsPublished && s.Status == ServiceStatus.Active && s.MinimumAge == 18 && s.MaximumAge == null)
            .Select(s => s.Id).FirstAsync());
        await page.GotoAsync($"/insatser/{id}?lang={language}");
        await Expect(page.Locator(".age-range")).ToHaveTextAsync(expected);
        Assert.DoesNotContain("––", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    });

    [GeneratedRegex(@"^(\d+)\s+(\S+)$")]
    private static partial Regex Count();
}
