using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;

namespace Samla.BrowserTests.Search;

/// <summary>axe-core and a 360 px phone screen on every public page kind, in Swedish and in Arabic.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, string> PageKinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var lang in new[] { "sv", "ar" })
        {
            foreach (var kind in new[] { "home", "search", "search-none", "service", "organisation", "search-print", "service-print" })
            {
                data.Add(kind, lang);
            }
        }
        return data;
    }

    private static async Task OpenAsync(IPage page, string kind, string lang)
    {
        var url = kind switch
        {
            "home" => "/",
            "search" => "/sok?q=samtal&malgrupp=refugees",
            "search-none" => "/sok?q=samtal&malgrupp=undocumented&kommun=1381",
            "search-print" => "/sok/utskrift?q=samtal&malgrupp=refugees",
            "service" => await SearchPage.FirstResultAsync(page, "?q=samtalsgrupp"),
            "service-print" => await SearchPage.FirstResultAsync(page, "?q=samtalsgrupp") + "/utskrift",
            "organisation" => (await OrganisationOfFirstResultAsync(page)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var response = await page.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
        Assert.True(response?.Ok, $"{url} answered {response?.Status}");
    }

    private static async Task<string> OrganisationOfFirstResultAsync(IPage page)
    {
        await page.GotoAsync(await SearchPage.FirstResultAsync(page, "?q=samtalsgrupp"));
        return (await page.Locator(".breadcrumbs a[href^='/organisationer/']").First.GetAttributeAsync("href"))!;
    }

    [Theory]
    [MemberData(nameof(PageKinds))]
    public Task Page_kind_has_no_WCAG_21_AA_violations(string kind, string lang) => browser.RunAsync(async page =>
    {
        await OpenAsync(page, kind, lang);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        await Accessibility.AssertNoViolationsAsync(page);
    }, $"Axe_{kind}_{lang}");

    [Theory]
    [MemberData(nameof(PageKinds))]
    public Task Page_kind_fits_a_360_px_screen_without_horizontal_scrolling(string kind, string lang) => browser.RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(360, 740);
        await OpenAsync(page, kind, lang);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{kind} ({lang}) is {width} px wide at a 360 px viewport");
    }, $"Phone_{kind}_{lang}");
}
