using Microsoft.Playwright;
using Samla.Tests.Infrastructure;

namespace Samla.BrowserTests.Pages;

/// <summary>"Min organisation" in the workspace.</summary>
public sealed class MyOrganizationPage(IPage page)
{
    public async Task<MyOrganizationPage> GotoAsync()
    {
        await page.GotoAsync("/arbetsyta");
        return this;
    }

    public ILocator ServiceRows => page.Locator("table tbody tr");

    public ILocator Row(int index) => ServiceRows.Nth(index);

    public async Task<string> ServiceNameAsync(int index) => (await Row(index).Locator("th a").InnerTextAsync()).Trim();

    public async Task OpenEditAsync(int index) => await Row(index).Locator("th a").ClickAsync();

    public async Task ConfirmAsync(int index) =>
        await Row(index).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Uppgifterna stämmer" }).ClickAsync();

    public ILocator Message => page.Locator("p.notice.ok[role=status]");
}

/// <summary>The service edit form.</summary>
public sealed class EditServicePage(IPage page)
{
    public ILocator Name => page.Locator("#Input_Name");
    public ILocator Email => page.Locator("#Input_Email");
    public ILocator Save => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara insatsen" });
    public ILocator HistoryLink => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Historik", Exact = true });
    public ILocator PublicLink => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Visa den publika sidan" });
    public ILocator Errors => page.Locator(".field-error");
}

/// <summary>Two-step sign-in for administrators and coordinators.</summary>
public static class TwoStepSignIn
{
    public static async Task SignInAsync(IPage page, string email, string password, string key)
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(email, password);
        await page.Locator("#Code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Logga in" }).ClickAsync();
        // Signed in means away from the sign-in pages; waiting for that (not for a load state, which the old page may
        // already have) is what makes the next step safe.
        await page.WaitForURLAsync(url => !url.Contains("/konto/", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
