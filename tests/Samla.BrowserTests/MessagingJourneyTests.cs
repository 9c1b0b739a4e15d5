using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

/// <summary>The running app's own outbox worker delivers an invitation; /admin/utskick shows it sent; axe in Swedish and Arabic UI.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessagingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Invitation_goes_through_the_outbox_and_shows_as_sent() => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        await page.GotoAsync("/admin/anvandare");
        var email = $"utskick-{Guid.NewGuid():N}@samla.example";
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_DisplayName").FillAsync("Ny Läsare");
        await page.Locator("#Input_Role").SelectOptionAsync("Reader");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skicka inbjudan" }).ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync(email);
        await browser.WaitForMailAsync(email); // the background worker, not the test, sent it

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Utskick", Exact = true }).ClickAsync();
        var row = page.Locator("tbody tr", new PageLocatorOptions { HasText = email });
        await Expect(row).ToContainTextAsync("Skickat");
        await Expect(row).ToContainTextAsync("invitation");
        await Accessibility.AssertNoViolationsAsync(page);

        // Staff pages are written in Swedish and English: in Arabic UI they stay Swedish and left to right, with a
        // note in Arabic that says so (mixed right-to-left Swedish text would be scrambled).
        await page.GotoAsync("/admin/utskick?Status=Sent&lang=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator(".staff-language-note[lang=ar][dir=rtl]")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    });
}
