using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;

namespace Samla.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?lang=ar")]
    [InlineData("/organisationer")]
    [InlineData("/konto/logga-in")]
    public Task Page_has_no_WCAG_21_AA_violations(string url) => browser.RunAsync(async page =>
    {
        var response = await page.GotoAsync(url);
        Assert.True(response?.Ok, $"{url} answered {response?.Status}");
        await Accessibility.AssertNoViolationsAsync(page);
    }, "Accessibility_of_" + (url == "/" ? "home" : url));

    [Fact]
    public Task Organisation_page_has_no_WCAG_21_AA_violations() => browser.RunAsync(async page =>
    {
        await OpenHalmstadAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
    });

    [Fact]
    public Task Service_page_has_no_WCAG_21_AA_violations() => browser.RunAsync(async page =>
    {
        var organisation = await OpenHalmstadAsync(page);
        await organisation.OpenFirstServiceAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    });

    private static async Task<OrganisationPage> OpenHalmstadAsync(Microsoft.Playwright.IPage page)
    {
        var organisations = await new OrganisationsPage(page).GotoAsync();
        return await organisations.OpenAsync(DemoAccounts.HalmstadMunicipality);
    }
}
