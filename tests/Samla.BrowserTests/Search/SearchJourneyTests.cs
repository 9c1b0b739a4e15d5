using Samla.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests.Search;

[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Search_with_filters_narrows_the_list_and_keeps_the_state_in_the_url() => browser.RunAsync(async page =>
    {
        var search = await new SearchPage(page).GotoAsync("?q=samtal");
        var before = await search.Results.CountAsync();
        Assert.True(before > 0);

        await search.Filter("malgrupp", "refugees").CheckAsync();
        await search.Filter("kommun", "1380").CheckAsync();
        await search.ApplyFilters.ClickAsync();
        await page.WaitForURLAsync("**/sok?*kommun=1380*");
        Assert.Contains("malgrupp=refugees", page.Url, StringComparison.Ordinal);
        Assert.Contains("q=samtal", page.Url, StringComparison.Ordinal);
        await Expect(search.Filter("kommun", "1380")).ToBeCheckedAsync();
        await Expect(search.ResultLinks.First).ToBeVisibleAsync();

        // The shared link shows the same list.
        var url = page.Url;
        var names = await search.ResultLinks.AllInnerTextsAsync();
        await page.GotoAsync(url);
        Assert.Equal(names, await search.ResultLinks.AllInnerTextsAsync());
    });

    [Fact]
    public Task No_results_offer_a_link_that_removes_the_most_restrictive_filter() => browser.RunAsync(async page =>
    {
        var search = await new SearchPage(page).GotoAsync("?malgrupp=undocumented&kommun=1381");
        await Expect(search.Results).ToHaveCountAsync(0);
        var relax = page.Locator(".results .notice a");
        await relax.ClickAsync();
        await Expect(search.ResultLinks.First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Switching_to_Arabic_keeps_the_search_and_lays_it_out_right_to_left() => browser.RunAsync(async page =>
    {
        await new SearchPage(page).GotoAsync("?q=samtal&malgrupp=refugees");
        await page.Locator(".lang-menu summary").ClickAsync();
        await page.Locator(".lang-menu a[hreflang=ar]").ClickAsync();
        await page.WaitForURLAsync("**/sok?q=samtal&malgrupp=refugees");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#filters-heading")).ToHaveTextAsync("حدّد بحثك");
        // Right to left: the filters' checkboxes sit at the right edge of their labels.
        var box = await page.Locator("input[name=malgrupp]").First.BoundingBoxAsync();
        var label = await page.Locator("input[name=malgrupp] + label").First.BoundingBoxAsync();
        Assert.True(box!.X > label!.X, "checkbox should be right of its label in RTL");
    });

    [Fact]
    public Task Keyboard_only_from_the_home_page_to_a_service() => browser.RunAsync(async page =>
    {
        await page.GotoAsync("/");
        await TabUntilAsync(page, "input[name=q]");
        await page.Keyboard.TypeAsync("samtalsgrupp");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/sok?q=samtalsgrupp");
        await TabUntilAsync(page, "ol.hits a");
        var href = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + href);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Filters_are_usable_with_the_keyboard() => browser.RunAsync(async page =>
    {
        await new SearchPage(page).GotoAsync("?q=samtal");
        await TabUntilAsync(page, "input[name=malgrupp]");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, "section.filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/sok?*malgrupp=*");
    });

    [Fact]
    public Task Print_views_of_the_list_and_of_a_service() => browser.RunAsync(async page =>
    {
        var search = await new SearchPage(page).GotoAsync("?q=samtal&malgrupp=refugees");
        await search.PrintLink.ClickAsync();
        await page.WaitForURLAsync("**/sok/utskrift?q=samtal&malgrupp=refugees");
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(page.Locator(".print-hits > li").First).ToBeVisibleAsync();
        await Expect(page.Locator(".main-nav")).ToHaveCountAsync(0);

        await page.Locator(".print-hits h3 a").First.ClickAsync();
        await page.WaitForURLAsync("**/insatser/*");
        await page.Locator("a[href$='/utskrift']").ClickAsync();
        await page.WaitForURLAsync("**/insatser/*/utskrift");
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator(".no-print").First).ToBeHiddenAsync();
    });

    internal static async Task TabUntilAsync(Microsoft.Playwright.IPage page, string selector, int max = 200)
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
