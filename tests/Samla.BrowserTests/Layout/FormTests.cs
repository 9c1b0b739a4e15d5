using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests.Layout;

/// <summary>
/// What a person meets when a form fails or when they press Enter: the error summary takes focus and links to each
/// field, every invalid field is marked (red border and aria-invalid), required fields say so, Enter in a text field
/// saves (not "Preview"), and the needs form speaks the page's language rather than the browser's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormTests(BrowserFixture browser)
{
    /// <summary>The border colour of an invalid field (--bad-ink).</summary>
    private const string BadInk = "rgb(138, 28, 28)";

    [Fact]
    public Task Failed_save_of_a_service_focuses_an_error_summary_that_links_to_each_invalid_field() => browser.RunAsync(async page =>
    {
        await SignInAsEditorAsync(page);
        await OpenLastServiceAsync(page);
        var edit = new EditServicePage(page);
        await Expect(page.Locator("label[for=Input_Name]")).ToContainTextAsync("(obligatoriskt)");
        await Expect(edit.Name).ToHaveAttributeAsync("aria-required", "true");

        await edit.Name.FillAsync("");
        await page.Locator("#Input_Description").FillAsync("");
        await edit.Email.FillAsync("inte-en-adress");
        await edit.Save.ClickAsync();

        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        foreach (var id in new[] { "Input_Name", "Input_Description", "Input_Email" })
        {
            await Expect(summary.Locator($"a[href='#{id}']")).ToHaveCountAsync(1);
            var field = page.Locator("#" + id);
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Equal(BadInk, await field.EvaluateAsync<string>("el => getComputedStyle(el).borderTopColor"));
        }

        await summary.Locator("a[href='#Input_Name']").ClickAsync();
        await Expect(edit.Name).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        // Following the link moves the keyboard to the field: the next Tab goes on from there, not from the top.
        var after = await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
        Assert.True(after is "Input_Name" or "Input_AlternateName", $"focus went to '{after}' after the link to Namn");
    });

    [Fact]
    public Task Enter_in_the_name_field_saves_the_service_rather_than_previewing_it() => browser.RunAsync(async page =>
    {
        await SignInAsEditorAsync(page);
        var url = await OpenLastServiceAsync(page);
        var edit = new EditServicePage(page);
        var oldName = await edit.Name.InputValueAsync();
        var newName = oldName + " (Enter)";

        await edit.Name.FillAsync(newName);
        await edit.Name.PressAsync("Enter");
        await Expect(page.Locator("p.notice.ok[role=status]")).ToContainTextAsync("sparad");
        await Expect(page.Locator("#preview")).ToHaveCountAsync(0);

        await page.GotoAsync(url);
        await Expect(edit.Name).ToHaveValueAsync(newName);
        await edit.Name.FillAsync(oldName);
        await edit.Name.PressAsync("Enter");
        await Expect(page.Locator("p.notice.ok[role=status]")).ToContainTextAsync("sparad");
    });

    [Fact]
    public Task Enter_in_the_profile_name_saves_and_the_breadcrumb_names_the_organisation() => browser.RunAsync(async page =>
    {
        await SignInAsEditorAsync(page);
        await page.GotoAsync("/arbetsyta");
        var organisation = (await page.Locator("h1").InnerTextAsync()).Split(':', 2)[^1].Trim();
        await page.Locator("main a[href$='/profil']").First.ClickAsync();
        await Expect(page.Locator("nav.breadcrumbs li").Nth(1)).ToHaveTextAsync(organisation);

        await page.Locator("#Input_Name").PressAsync("Enter");
        await Expect(page.Locator("#preview")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1")).ToContainTextAsync(organisation);
        Assert.DoesNotContain("/profil", page.Url, StringComparison.Ordinal);
    });

    [Theory]
    [InlineData("sv", "Välj…", "Skriv en rubrik")]
    [InlineData("en", "Choose…", "Enter a title")]
    public Task The_needs_form_starts_empty_and_answers_in_the_page_language_not_with_browser_bubbles(string lang, string choose, string titleError) => browser.RunAsync(async page =>
    {
        await SignInAsEditorAsync(page);
        await page.GotoAsync($"/sprak/{lang}?returnUrl=/samordning/behov/nytt");
        Assert.Equal("", await page.Locator("form.need-form").GetAttributeAsync("novalidate"));
        var raisedBy = page.Locator("#Input_RaisedBy");
        var options = await raisedBy.Locator("option").CountAsync();
        if (options > 2)
        {
            // More than one organisation to choose from: no guess.
            await Expect(raisedBy).ToHaveValueAsync("");
            await Expect(raisedBy.Locator("option").First).ToHaveTextAsync(choose);
        }

        // Nor is the severity guessed: it weighs most in the priority.
        await Expect(page.Locator("input[name='Input.Severity']:checked")).ToHaveCountAsync(0);

        await page.Locator("form.need-form button[type=submit]").ClickAsync();
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("a[href='#Input_Title']")).ToContainTextAsync(titleError);
        // The summary reads like the form (title first, severity after who raised it) and leads to a choice it can focus.
        var links = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal("#Input_Title", links[0]);
        Assert.Equal("#severity-1", links[^1]);
        await Expect(page.Locator("#Input_Title")).ToHaveAttributeAsync("aria-invalid", "true");
    });

    [Fact]
    public Task Linking_a_service_to_a_need_starts_at_Choose_and_says_so_when_nothing_is_chosen() => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, CoordinationPages.Coordinator, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        await page.GotoAsync("/samordning/behov");
        await page.Locator("main table a[href^='/samordning/behov/']").First.ClickAsync();
        var select = page.Locator("#ServiceId");
        await Expect(select).ToHaveValueAsync("");
        await Expect(select.Locator("option").First).ToHaveTextAsync("Välj…");

        // The button sits right beside its field at 1280 px.
        await page.SetViewportSizeAsync(1280, 900);
        var field = await select.BoundingBoxAsync();
        var button = await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Koppla", Exact = true }).BoundingBoxAsync();
        Assert.True(button!.X - (field!.X + field.Width) < 40, $"the button is {button.X - (field.X + field.Width)} px from its field");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Koppla", Exact = true }).ClickAsync();
        await Expect(page.Locator("#error-summary a[href='#ServiceId']")).ToContainTextAsync("Välj en insats");
    });

    private static async Task SignInAsEditorAsync(IPage page)
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
    }

    /// <summary>Opens the edit page of the editor's last service (the journey tests use the first ones); returns its URL.</summary>
    private static async Task<string> OpenLastServiceAsync(IPage page)
    {
        var organization = await new MyOrganizationPage(page).GotoAsync();
        await organization.ServiceRows.Last.Locator("th a").ClickAsync();
        await page.WaitForURLAsync("**/arbetsyta/insatser/**");
        return new Uri(page.Url).PathAndQuery;
    }
}
