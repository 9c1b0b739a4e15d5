using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Editor_signs_in_through_the_form_and_sees_the_sign_out_button() => browser.RunAsync(async page =>
    {
        var signIn = await new SignInPage(page).GotoAsync();
        await signIn.SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        await Expect(signIn.SignOutButton).ToBeVisibleAsync();
    });

    [Fact]
    public Task Wrong_password_keeps_the_visitor_on_the_form() => browser.RunAsync(async page =>
    {
        var signIn = await new SignInPage(page).GotoAsync();
        await signIn.SignInAsync(DemoAccounts.Editor + ".fel", "Inte-ratt-losen-1");
        await Expect(signIn.Email).ToBeVisibleAsync();
        await Expect(signIn.SignOutButton).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Editor_signs_out() => browser.RunAsync(async page =>
    {
        var signIn = await new SignInPage(page).GotoAsync();
        await signIn.SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        await signIn.SignOutButton.ClickAsync();
        await Expect(signIn.SignOutButton).ToHaveCountAsync(0);
    });
}
