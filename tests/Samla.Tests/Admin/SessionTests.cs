using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Admin;

/// <summary>The app with a clock the test moves: the security-stamp validator and the sign-in cookie read it.</summary>
public sealed class SamlaAppWithClock : SamlaApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = Clock);
        });
    }
}

/// <summary>A sign-in lasts its session: the second factor is kept across security-stamp validations, a deactivation is not.</summary>
public sealed class SessionTests(SamlaAppWithClock app) : IClassFixture<SamlaAppWithClock>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Administrator)]
    public async Task Second_factor_holds_past_several_validation_intervals(string role)
    {
        var email = await app.CreateUserAsync("Testlosen-2026", role);
        using var client = await app.CreateClientSignedInAsync(email, "Testlosen-2026");
        await client.AssertOkAsync("/samordning/tackning");
        for (var i = 1; i <= 4; i++)
        {
            app.Clock.Advance(Interval + TimeSpan.FromSeconds(15));
            using var response = await client.GetAsync("/samordning/tackning");
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"after {i} intervals: {(int)response.StatusCode} {response.Headers.Location}");
        }
        // A long gap between two requests (a coffee break, a meeting) within the cookie's lifetime.
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        await client.AssertOkAsync("/samordning/tackning");
        await client.AssertOkAsync("/admin");
    }

    [Fact]
    public async Task Deactivated_coordinator_is_refused_after_one_interval()
    {
        var email = await app.CreateUserAsync("Testlosen-2026", Roles.Coordinator);
        using var coordinator = await app.CreateClientSignedInAsync(email, "Testlosen-2026");
        await coordinator.AssertOkAsync("/samordning/tackning");
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        var userId = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<SamlaUser>>().FindByEmailAsync(email))!.Id);
        using (var deactivate = await SamlaApp.PostFormAsync(admin, "/admin/anvandare", $"/admin/anvandare?handler=Deactivate&userId={userId}", []))
        {
            await deactivate.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        app.Clock.Advance(Interval + TimeSpan.FromSeconds(1));
        await AssertSentToSignInAsync(coordinator);
        // The admin's own session is untouched.
        await admin.AssertOkAsync("/admin");
    }

    [Fact]
    public async Task Coordinator_deactivated_without_a_new_security_stamp_is_refused_too()
    {
        var email = await app.CreateUserAsync("Testlosen-2026", Roles.Coordinator);
        using var coordinator = await app.CreateClientSignedInAsync(email, "Testlosen-2026");
        await coordinator.AssertOkAsync("/samordning/tackning");
        // E.g. an import or a database fix that sets the flag only.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SamlaUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var stamp = user.SecurityStamp;
            user.IsActive = false;
            await users.UpdateAsync(user);
            Assert.Equal(stamp, (await users.FindByEmailAsync(email))!.SecurityStamp);
            return true;
        });

        app.Clock.Advance(Interval + TimeSpan.FromSeconds(1));
        await AssertSentToSignInAsync(coordinator);
    }

    [Fact]
    public async Task Setup_page_asks_only_for_the_code_when_two_step_is_already_on()
    {
        // A coordinator whose session has no second factor although the account has one (as the lost claim left them).
        var email = await app.CreateUserAsync("Testlosen-2026", Roles.Coordinator, twoFactor: false);
        using var client = app.CreateBrowserClient();
        using (var signIn = await SamlaApp.SignInAsync(client, email, "Testlosen-2026")) await signIn.AssertStatusAsync(HttpStatusCode.Redirect);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SamlaUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var stamp = user.SecurityStamp;
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
            // Turning two-step on changes the security stamp, which now ends every session at once; keep the old stamp
            // to leave this one as the lost claim left it.
            user.SecurityStamp = stamp;
            await users.UpdateAsync(user);
            return true;
        });

        var page = await client.AssertOkAsync(TwoFactorSetupPath);
        Assert.Contains("Tvåstegsverifiering är redan på för ditt konto. Skriv koden", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sätt upp det nu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Att lägga in nyckeln igen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("shared-key", page, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth://", page, StringComparison.Ordinal);

        using (var code = await SamlaApp.PostFormAsync(client, TwoFactorSetupPath, TwoFactorSetupPath, [new("Code", Totp.Code(DemoAccounts.AuthenticatorKey))]))
        {
            await code.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        await client.AssertOkAsync("/samordning/tackning");
    }

    private const string TwoFactorSetupPath = "/konto/tvastegs/aktivera";

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/samordning/tackning");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/logga-in?", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
