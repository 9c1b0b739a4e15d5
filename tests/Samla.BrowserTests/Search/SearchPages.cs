using Microsoft.Playwright;

namespace Samla.BrowserTests.Search;

/// <summary>The search page as a user sees it.</summary>
public sealed class SearchPage(IPage page)
{
    public ILocator SearchBox => page.Locator("main input[name=q]");
    public ILocator Results => page.Locator("ol.hits > li");
    public ILocator ResultLinks => page.Locator("ol.hits h3 a");
    public ILocator ResultsHeading => page.Locator("#results-heading");
    public ILocator ApplyFilters => page.Locator("section.filters button[type=submit]");
    public ILocator PrintLink => page.Locator("a[href^='/sok/utskrift']");

    public ILocator Filter(string key, string value) => page.Locator($"input[name='{key}'][value='{value}']");

    public async Task<SearchPage> GotoAsync(string query = "")
    {
        await page.GotoAsync("/sok" + query);
        return this;
    }

    /// <summary>Path of the first result of a search (to open service pages without knowing ids).</summary>
    public static async Task<string> FirstResultAsync(IPage page, string query)
    {
        var search = await new SearchPage(page).GotoAsync(query);
        return (await search.ResultLinks.First.GetAttributeAsync("href"))!;
    }
}
