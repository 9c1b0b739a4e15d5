using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;
using Samla.Web.Features.Account;

namespace Samla.Tests.Account;

/// <summary>
/// Sessions end on the server: a copy of the cookie is worthless after sign-out; a user ends one or all of their sessions;
/// deactivation and new roles end them at once (not after the one-minute validation); a lockout is told by mail.
/// </summary>
public sealed partial class ServerSessionTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private const string Password = "Testlosen-2026";

    [GeneratedRegex("name=\"sessionId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SessionIdField();

    /// <summary>Signs in through the form and returns the raw sign-in cookie (what a thief would copy).</summary>
    private async Task<(HttpClient Browser, string Cookie)> SignInCapturingCookieAsync(string email)
    {
        var browser = app.CreateBrowserClient();
        using var response = await SamlaApp.SignInAsync(browser, email, Password);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("samla.auth", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));
        Assert.False(string.IsNullOrEmpty(cookie), "The sign-in set no samla.auth cookie.");
        return (browser, cookie);
    }

    /// <summary>A client that sends only the copied cookie (another machine).</summary>
    private HttpClient WithCopiedCookie(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task AssertSignedOutAsync(HttpClient client, string url = "/konto")
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/konto/logga-in", StringComparison.Ordinal) == true,
            $"{url}: expected a redirect to sign-in, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_no_longer_works()
    {
        var email = await app.CreateUserAsync(Password, Roles.Reader);
        var (browser, cookie) = await SignInCapturingCookieAsync(email);
        using (browser)
        using (var thief = WithCopiedCookie(cookie))
        {
            await thief.AssertOkAsync("/konto");
            using (var signOut = await SamlaApp.PostFormAsync(browser, "/konto/logga-ut", "/konto/logga-ut", []))
            {
                await signOut.AssertStatusAsync(HttpStatusCode.Redirect);
            }

            await AssertSignedOutAsync(thief);
            await AssertSignedOutAsync(thief, "/samordning/tackning");
        }
        var userId = await UserIdAsync(email);
        Assert.True(await app.WithDbAsync(db => db.Set<UserSession>().AllAsync(s => s.UserId != userId || s.EndedAt != null)));
    }

    [Fact]
    public async Task A_user_sees_their_sessions_ends_one_and_then_all()
    {
        var email = await app.CreateUserAsync(Password, Roles.Reader);
        var (laptop, _) = await SignInCapturingCookieAsync(email);
        var (phone, _) = await SignInCapturingCookieAsync(email);
        var (tablet, _) = await SignInCapturingCookieAsync(email);
        using (laptop)
        using (phone)
        using (tablet)
        {
            var page = await laptop.AssertOkAsync("/konto");
            Assert.Contains("den här enheten", page, StringComparison.Ordinal);
            var others = SessionIdField().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
            Assert.Equal(2, others.Count);

            // Another user cannot end this user's session by its id.
            var strangerEmail = await app.CreateUserAsync(Password, Roles.Reader);
            var (stranger, _) = await SignInCapturingCookieAsync(strangerEmail);
            using (stranger)
            {
                foreach (var id in others)
                {
                    using var forged = await SamlaApp.PostFormAsync(stranger, "/konto", "/konto?handler=End", [new("sessionId", id.ToString())]);
                    await forged.AssertStatusAsync(HttpStatusCode.OK);
                }
            }
            await phone.AssertOkAsync("/konto");
            await tablet.AssertOkAsync("/konto");

            // End one: exactly that device is signed out.
            var phoneSession = await app.WithDbAsync(db => db.Set<UserSession>().AsNoTracking()
                .Where(s => others.Contains(s.Id) && s.EndedAt == null).OrderBy(s => s.CreatedAt).Select(s => s.Id).FirstAsync());
            using (var end = await SamlaApp.PostFormAsync(laptop, "/konto", "/konto?handler=End", [new("sessionId", phoneSession.ToString())]))
            {
                Assert.Contains("Inloggningen är avslutad.", await end.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
            }
            await AssertSignedOutAsync(phone);
            await tablet.AssertOkAsync("/konto");
            await laptop.AssertOkAsync("/konto");

            // End all: every device, this one included.
            using (var all = await SamlaApp.PostFormAsync(laptop, "/konto", "/konto?handler=EndAll", []))
            {
                await all.AssertStatusAsync(HttpStatusCode.Redirect);
            }
            await AssertSignedOutAsync(tablet);
            await AssertSignedOutAsync(laptop);
        }
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_sessions_at_once()
    {
        var email = await app.CreateUserAsync(Password, Roles.Editor);
        var (editor, cookie) = await SignInCapturingCookieAsync(email);
        using var copy = WithCopiedCookie(cookie);
        using (editor)
        {
            await editor.AssertOkAsync("/konto");
            using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
            var userId = await UserIdAsync(email);
            using (var deactivate = await SamlaApp.PostFormAsync(admin, "/admin/anvandare", $"/admin/anvandare?handler=Deactivate&userId={userId}", []))
            {
                await deactivate.AssertStatusAsync(HttpStatusCode.Redirect);
            }

            // No clock moved: the very next request is refused, on any copy of the cookie.
            await AssertSignedOutAsync(editor);
            await AssertSignedOutAsync(copy);
            await admin.AssertOkAsync("/admin");
        }
    }

    [Fact]
    public async Task Changing_a_users_roles_ends_their_sessions_at_once()
    {
        var email = await app.CreateUserAsync(Password, Roles.Reader);
        var (user, _) = await SignInCapturingCookieAsync(email);
        using (user)
        {
            await user.AssertOkAsync("/samordning/tackning");
            using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
            var userId = await UserIdAsync(email);
            var organizationId = await app.WithDbAsync(db => db.Organizations.Where(o => o.IsActive).Select(o => o.Id).FirstAsync());
            var page = $"/admin/anvandare/{userId}";
            using (var save = await SamlaApp.PostFormAsync(admin, page, page,
                [new("SelectedRoles", Roles.Editor), new("SelectedOrganizations", organizationId.ToString())]))
            {
                await save.AssertStatusAsync(HttpStatusCode.Redirect);
            }
            Assert.True(await app.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<SamlaUser>>();
                return await users.IsInRoleAsync((await users.FindByIdAsync(userId))!, Roles.Editor);
            }));

            await AssertSignedOutAsync(user, "/samordning/tackning");
        }
    }

    [Fact]
    public async Task A_lockout_is_told_to_the_user_by_mail_once()
    {
        var email = await app.CreateUserAsync(Password, Roles.Editor);
        using var attacker = app.CreateBrowserClient();
        for (var i = 0; i < 6; i++)
        {
            using var attempt = await SamlaApp.SignInAsync(attacker, email, "Fel-losenord-2026");
            await attempt.AssertStatusAsync(HttpStatusCode.OK);
        }

        var mail = await app.ReadMailAsync(email);
        var locked = Assert.Single(mail, m => m.Subject?.Contains("låst", StringComparison.Ordinal) == true);
        Assert.Contains(email, locked.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("svensk tid", locked.TextBody ?? "", StringComparison.Ordinal);
        // The lockout itself is kept: the right password does not get in now.
        using var owner = app.CreateBrowserClient();
        using var refused = await SamlaApp.SignInAsync(owner, email, Password);
        Assert.Contains("låst", await refused.AssertStatusAsync(HttpStatusCode.OK), StringComparison.OrdinalIgnoreCase);
        Assert.Single(await app.ReadMailAsync(email), m => m.Subject?.Contains("låst", StringComparison.Ordinal) == true);
    }
}

/// <summary>The app with low failed-sign-in limits (the shared fixture lifts them so that tests may sign in freely).</summary>
public sealed class SamlaAppWithSignInLimits : SamlaApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samla:RateLimits:FailedSignIns:PerAddress:PermitLimit", "3");
        builder.UseSetting("Samla:RateLimits:FailedSignIns:PerNetwork:PermitLimit", "8");
    }
}

/// <summary>Failed sign-ins are limited per address and per network, before the lockout can be reached in a burst.</summary>
public sealed class SignInLimitTests(SamlaAppWithSignInLimits app) : IClassFixture<SamlaAppWithSignInLimits>
{
    private const string Password = "Testlosen-2026";

    /// <summary>All test requests come from one (unknown) network: each test starts from no failures.</summary>
    private Task ForgetFailuresAsync() => app.WithDbAsync(db => db.Set<SignInFailure>().ExecuteDeleteAsync());

    [Fact]
    public async Task Failed_sign_ins_are_limited_per_address_then_per_network_and_the_account_is_not_locked()
    {
        await ForgetFailuresAsync();
        var target = await app.CreateUserAsync(Password, Roles.Editor);
        using var attacker = app.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await SamlaApp.SignInAsync(attacker, target, "Fel-losenord-2026");
            await attempt.AssertStatusAsync(HttpStatusCode.OK);
        }
        using (var limited = await SamlaApp.SignInAsync(attacker, target, "Fel-losenord-2026"))
        {
            Assert.Contains("För många misslyckade inloggningsförsök", await limited.AssertStatusAsync(HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        }
        // Not tried, so not counted towards the lockout (5 failures): the account is not locked.
        var failures = await app.WithDbAsync(db => db.Users.Where(u => u.Email == target).Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync());
        Assert.Equal(3, failures.AccessFailedCount);
        Assert.Null(failures.LockoutEnd);

        // Another address from the same network: the network's limit (8 failures) is reached after 5 more.
        var other = await app.CreateUserAsync(Password, Roles.Editor);
        var third = await app.CreateUserAsync(Password, Roles.Reader);
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await SamlaApp.SignInAsync(attacker, other, "Fel-losenord-2026");
            await attempt.AssertStatusAsync(HttpStatusCode.OK);
        }
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await SamlaApp.SignInAsync(attacker, $"nobody-{i}@samla.example", "Fel-losenord-2026");
            await attempt.AssertStatusAsync(HttpStatusCode.OK);
        }
        using (var network = await SamlaApp.SignInAsync(attacker, third, Password))
        {
            await network.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Failed_sign_ins_split_across_two_instances_are_limited_as_on_one_and_expired_ones_are_cleaned_up()
    {
        await ForgetFailuresAsync();
        // A second instance of the app on the same database (as behind a load balancer without sticky sessions).
        await using var second = app.WithWebHostBuilder(_ => { });
        using var one = app.CreateBrowserClient();
        using var two = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var target = await app.CreateUserAsync(Password, Roles.Editor);
        // This app lets 3 failures per address through: alternately on the two instances, 3 are tried ...
        foreach (var client in new[] { one, two, one })
        {
            using var attempt = await SamlaApp.SignInAsync(client, target, "Fel-losenord-2026");
            Assert.DoesNotContain("För många misslyckade inloggningsförsök", await attempt.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }
        // ... and the fourth is refused on either instance, without trying the password (one instance alone: also 3).
        foreach (var client in new[] { two, one })
        {
            using var limited = await SamlaApp.SignInAsync(client, target, Password);
            Assert.Contains("För många misslyckade inloggningsförsök", await limited.AssertStatusAsync(HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        }
        var failures = await app.WithDbAsync(db => db.Users.Where(u => u.Email == target).Select(u => u.AccessFailedCount).SingleAsync());
        Assert.Equal(3, failures);
        // Neither addresses nor IP numbers are stored: only hashes.
        var keys = await app.WithDbAsync(db => db.Set<SignInFailure>().Select(f => f.Key).ToListAsync());
        Assert.Equal(6, keys.Count);
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k));

        // The cleanup job deletes failures whose window has passed, in batches (more than one batch here), and keeps the others.
        var past = DateTime.UtcNow.AddHours(-1);
        await app.WithDbAsync(async db =>
        {
            db.AddRange(Enumerable.Range(0, ExpiredRows.DefaultBatchSize + 234)
                .Select(i => new SignInFailure { Key = $"{i:x64}", FailedAt = past.AddMinutes(-15), ExpiresAt = past }));
            await db.SaveChangesAsync();
        });
        await app.RunJobAsync("sign-in-failure-cleanup");
        Assert.Equal(6, await app.WithDbAsync(db => db.Set<SignInFailure>().CountAsync()));
    }
}
