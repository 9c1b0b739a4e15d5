using Microsoft.Playwright;

namespace Samla.BrowserTests.Pages;

public sealed class SignInPage(IPage page)
{
    public ILocator Email => page.Locator("input[name='Input.Email']");
    public ILocator Password => page.Locator("input[name='Input.Password']");
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Logga in" });
    public ILocator SignOutButton => page.Locator("form[action$='/konto/logga-ut'] button, form[action$='/konto/logga-ut'] [type=submit]");

    public async Task<SignInPage> GotoAsync()
    {
        await page.GotoAsync("/konto/logga-in");
        return this;
    }

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
