using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Signed_in_user_finds_their_sessions_on_the_account_page(string lang) => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(DemoAccounts.Editor);
        await page.Locator("a.user-name").ClickAsync();
        await page.WaitForURLAsync("**/konto");
        await Expect(pages.Heading).ToHaveTextAsync("Mitt konto");
        await Expect(page.Locator("table tbody tr").Filter(new LocatorFilterOptions { HasText = "den här enheten" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Logga ut överallt" })).ToBeVisibleAsync();
        if (lang != "sv") await pages.GotoAsync("/konto?lang=" + lang);
        await Accessibility.AssertNoViolationsAsync(page);
    });
}
