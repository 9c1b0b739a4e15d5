using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Home_page_shows_one_heading_and_a_search_box() => browser.RunAsync(async page =>
    {
        var home = await new HomePage(page).GotoAsync();
        await Expect(home.Heading).ToHaveCountAsync(1);
        await Expect(home.Heading).ToBeVisibleAsync();
        await Expect(home.SearchBox).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
    });

    [Fact]
    public Task Visitor_goes_from_the_organisations_list_to_a_service() => browser.RunAsync(async page =>
    {
        var organisations = await new OrganisationsPage(page).GotoAsync();
        var organisation = await organisations.OpenAsync(DemoAccounts.HalmstadMunicipality);
        await Expect(organisation.Heading).ToHaveTextAsync(DemoAccounts.HalmstadMunicipality);

        var serviceName = (await organisation.ServiceLinks.First.InnerTextAsync()).Trim();
        var service = await organisation.OpenFirstServiceAsync();
        await Expect(service.Heading).ToBeVisibleAsync();
        await Expect(service.Heading).ToContainTextAsync(serviceName);
    });

    [Fact]
    public Task Searching_from_the_home_page_lists_results() => browser.RunAsync(async page =>
    {
        var home = await new HomePage(page).GotoAsync();
        await home.SearchBox.FillAsync("föräldrastöd");
        await home.SearchBox.PressAsync("Enter");
        await page.WaitForURLAsync("**/sok?*");
        await Expect(page.Locator("main a[href^='/insatser/']").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task First_Tab_focuses_the_skip_link() => browser.RunAsync(async page =>
    {
        var home = await new HomePage(page).GotoAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(home.SkipLink).ToBeFocusedAsync();
        await Expect(home.SkipLink).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task Arabic_page_is_right_to_left() => browser.RunAsync(async page =>
    {
        await new HomePage(page).GotoAsync("?lang=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
    });
}
