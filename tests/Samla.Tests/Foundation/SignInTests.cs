using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;

namespace Samla.Tests.Foundation;

public sealed class SignInTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private const string TestPassword = "Testlosen-2026";

    [Fact]
    public async Task Sign_in_page_has_the_form_with_an_antiforgery_token()
    {
        using var client = app.CreateBrowserClient();
        var body = await client.AssertOkAsync("/konto/logga-in");
        Assert.Matches("<input\\b[^>]*name=\"Input.Email\"", body);
        Assert.Matches("<input\\b[^>]*name=\"Input.Password\"[^>]*|<input\\b[^>]*type=\"password\"[^>]*name=\"Input.Password\"", body);
        Assert.NotNull(Html.AntiforgeryToken(body));
        Assert.Contains("Logga in", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Editor)]
    [InlineData(DemoAccounts.OtherEditor)]
    [InlineData(DemoAccounts.Reader)]
    public async Task Demo_account_signs_in_and_lands_on_home(string email)
    {
        using var client = app.CreateBrowserClient();
        using var response = await SamlaApp.SignInAsync(client, email, DemoAccounts.Password);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("samla.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_returns_to_the_ReturnUrl()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = app.CreateBrowserClient();
        using var response = await SamlaApp.SignInAsync(client, email, TestPassword, returnUrl: "/organisationer");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/organisationer", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_never_returns_to_another_site()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = app.CreateBrowserClient();
        using var response = await SamlaApp.SignInAsync(client, email, TestPassword, returnUrl: "https://evil.example/");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_the_form_again_with_an_error()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = app.CreateBrowserClient();
        using var response = await SamlaApp.SignInAsync(client, email, "Fel-losenord-2026");
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Matches("<input\\b[^>]*name=\"Input.Email\"", body);
        Assert.Matches("validation-summary-errors|field-validation-error|role=\"alert\"|class=\"[^\"]*error", body);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("samla.auth=", StringComparison.Ordinal)));
        Assert.Equal(1, await FailedCountAsync(email));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = app.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SamlaApp.SignInAsync(client, email, $"Fel-losenord-{i}");
            await wrong.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var right = await SamlaApp.SignInAsync(client, email, TestPassword);
        await right.AssertStatusAsync(HttpStatusCode.OK);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, $"LockoutEnd is {lockoutEnd}");
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = app.CreateBrowserClient();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await SamlaApp.SignInAsync(client, email, $"Fel-losenord-{i}");
            await wrong.AssertStatusAsync(HttpStatusCode.OK);
        }
        using var right = await SamlaApp.SignInAsync(client, email, TestPassword);
        await right.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sign_in_without_antiforgery_token_is_refused()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = app.CreateBrowserClient();
        using var form = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", TestPassword)]);
        using var response = await client.PostAsync("/konto/logga-in", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var email = await app.CreateUserAsync(TestPassword);
        using var client = await app.CreateClientSignedInAsync(email, TestPassword);
        var home = await client.AssertOkAsync("/");
        Assert.Contains("/konto/logga-ut", home, StringComparison.Ordinal);

        using var signOut = await SamlaApp.PostFormAsync(client, "/", "/konto/logga-ut", []);
        await signOut.AssertStatusAsync(HttpStatusCode.Redirect);

        var after = await client.AssertOkAsync("/");
        Assert.DoesNotContain("/konto/logga-ut", after, StringComparison.Ordinal);
    }

    private Task<int> FailedCountAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync());
}
