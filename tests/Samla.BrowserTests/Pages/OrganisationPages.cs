using Microsoft.Playwright;

namespace Samla.BrowserTests.Pages;

public sealed class OrganisationsPage(IPage page)
{
    public ILocator OrganisationLinks => page.Locator("main a[href^='/organisationer/']");

    public async Task<OrganisationsPage> GotoAsync()
    {
        await page.GotoAsync("/organisationer");
        return this;
    }

    public async Task<OrganisationPage> OpenAsync(string name)
    {
        await OrganisationLinks.Filter(new LocatorFilterOptions { HasText = name }).First.ClickAsync();
        await page.WaitForURLAsync("**/organisationer/*");
        return new OrganisationPage(page);
    }
}

public sealed class OrganisationPage(IPage page)
{
    public ILocator Heading => page.Locator("h1");
    public ILocator ServiceLinks => page.Locator("main a[href^='/insatser/']");

    public async Task<ServicePage> OpenFirstServiceAsync()
    {
        await ServiceLinks.First.ClickAsync();
        await page.WaitForURLAsync("**/insatser/*");
        return new ServicePage(page);
    }
}

public sealed class ServicePage(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public async Task<ServicePage> GotoAsync(Guid id)
    {
        await page.GotoAsync($"/insatser/{id}");
        return this;
    }
}
