using Microsoft.Playwright;

namespace Samla.BrowserTests.Pages;

/// <summary>The coordination pages: coverage matrix and map, needs register, preparedness.</summary>
public sealed class CoordinationPages(IPage page)
{
    public const string Coordinator = "samordnare@samla.example";

    public ILocator Heading => page.Locator("h1");
    public ILocator Matrix => page.Locator("table.coverage-matrix");
    public ILocator GapCells => Matrix.Locator("td.cell-gap");
    public ILocator PreparednessNotice => page.Locator(".preparedness-notice");

    public async Task SignInAsync(string email)
    {
        if (email == Coordinator)
        {
            // Coordinators sign in in two steps.
            await TwoStepSignIn.SignInAsync(page, email, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
            return;
        }
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(email, DemoAccounts.Password);
    }

    public async Task GotoAsync(string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response?.Ok, $"{url} answered {response?.Status}");
    }

    /// <summary>Keeps a full-page screenshot for the walk-through in the closing note.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var dir = Path.Combine(Infrastructure.BrowserFixture.ResultsDirectory, "walkthrough");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }
}
