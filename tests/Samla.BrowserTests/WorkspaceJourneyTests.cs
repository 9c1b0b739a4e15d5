using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class WorkspaceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Editor_edits_a_service_sees_it_in_public_confirms_another_and_restores_the_old_version() => browser.RunAsync(async page =>
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var organization = await new MyOrganizationPage(page).GotoAsync();
        var oldName = await organization.ServiceNameAsync(0);
        await organization.OpenEditAsync(0);

        var edit = new EditServicePage(page);
        var newName = oldName + " – uppdaterad";
        await edit.Name.FillAsync(newName);
        await edit.Save.ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync("sparad");

        await edit.PublicLink.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(newName);

        await organization.GotoAsync();
        var other = await organization.ServiceNameAsync(1);
        await organization.ConfirmAsync(1);
        await Expect(organization.Message).ToContainTextAsync(other);

        await page.GotoAsync("/arbetsyta");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = newName, Exact = true }).First.ClickAsync();
        await edit.HistoryLink.ClickAsync();
        await page.Locator("button", new PageLocatorOptions { HasTextRegex = RestoreButton() }).Last.ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync("återställd");
        await page.GotoAsync("/arbetsyta");
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = oldName, Exact = true }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Invited_editor_sets_a_password_from_the_mailed_link() => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        await page.GotoAsync("/admin/anvandare");
        var email = $"ny-{Guid.NewGuid():N}@samla.example";
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_DisplayName").FillAsync("Ny Redaktör");
        await page.Locator("#Input_Role").SelectOptionAsync("Editor");
        await page.GetByLabel(DemoAccounts.HalmstadMunicipality, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skicka inbjudan" }).ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync(email);

        var mail = await browser.WaitForMailAsync(email);
        var link = LinkPattern().Match(mail).Value;
        var invited = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var newPage = await invited.NewPageAsync();
        await newPage.GotoAsync(new Uri(link).PathAndQuery);
        await newPage.Locator("#Password").FillAsync("Mitt-nya-losen-2026");
        await newPage.Locator("#ConfirmPassword").FillAsync("Mitt-nya-losen-2026");
        await newPage.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara lösenordet" }).ClickAsync();
        await Expect(newPage.Locator("p.notice.ok")).ToContainTextAsync("Ditt lösenord är sparat");
        await new SignInPage(newPage).GotoAsync();
        await new SignInPage(newPage).SignInAsync(email, "Mitt-nya-losen-2026");
        await newPage.GotoAsync("/arbetsyta");
        await Expect(newPage.Locator("h1")).ToContainTextAsync(DemoAccounts.HalmstadMunicipality);
        await invited.CloseAsync();
    });

    [Fact]
    public Task Workspace_pages_have_no_WCAG_21_AA_violations() => browser.RunAsync(async page =>
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var organization = await new MyOrganizationPage(page).GotoAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await organization.OpenEditAsync(2);
        var editUrl = page.Url;
        await Accessibility.AssertNoViolationsAsync(page);

        var edit = new EditServicePage(page);
        await edit.Name.FillAsync("");
        await edit.Email.FillAsync("inte-en-adress");
        await edit.Save.ClickAsync();
        await Expect(edit.Errors.First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync(editUrl + "/historik");
        await Accessibility.AssertNoViolationsAsync(page);

        // A conflict: the same form saved in another tab first.
        await page.GotoAsync(editUrl);
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(editUrl);
        await new EditServicePage(other).Name.FillAsync("Ändrad i en annan flik");
        await new EditServicePage(other).Save.ClickAsync();
        await Expect(other.Locator("p.notice.ok")).ToBeVisibleAsync();
        await edit.Name.FillAsync("Ändrad i den här fliken");
        await edit.Save.ClickAsync();
        await Expect(page.Locator("#conflict")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        foreach (var url in new[] { "platser", "kontakter", "profil" })
        {
            await page.GotoAsync("/arbetsyta");
            await page.GotoAsync(page.Url + "/" + url);
            await Accessibility.AssertNoViolationsAsync(page);
        }
    });

    [Fact]
    public Task Admin_pages_have_no_WCAG_21_AA_violations() => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        foreach (var url in new[] { "/admin", "/admin/organisationer", "/admin/anvandare", "/admin/logg", "/konto/tvastegs/aktivera" })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            await Accessibility.AssertNoViolationsAsync(page);
        }
    });

    [GeneratedRegex("^Återställ version")]
    private static partial Regex RestoreButton();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
