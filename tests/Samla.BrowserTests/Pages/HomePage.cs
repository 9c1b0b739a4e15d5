using Microsoft.Playwright;

namespace Samla.BrowserTests.Pages;

public sealed class HomePage(IPage page)
{
    public ILocator Heading => page.Locator("h1");
    public ILocator SearchForm => page.Locator("form[role=search]");
    public ILocator SearchBox => SearchForm.Locator("input[name=q]");
    public ILocator SkipLink => page.Locator("a.skip-link[href='#main']");

    public async Task<HomePage> GotoAsync(string query = "")
    {
        await page.GotoAsync("/" + query);
        return this;
    }
}
