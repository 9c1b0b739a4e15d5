using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Tests.Workspace;
using Samla.Web.Data;

namespace Samla.Tests.Admin;

public sealed partial class AdminTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private static readonly string[] AdminWrites =
    [
        "/admin/organisationer?handler=Create", "/admin/organisationer?handler=Merge",
        $"/admin/organisationer?handler=Deactivate&id={WorkspaceData.Halmstad}", $"/admin/organisationer?handler=Reactivate&id={WorkspaceData.Halmstad}",
        "/admin/anvandare?handler=Invite",
    ];

    private static List<KeyValuePair<string, string>> AdminFields() =>
    [
        new("Input.Name", "Kapad organisation"), new("Input.Type", "Other"), new("Input.Email", "kapad@samla.example"),
        new("Input.DisplayName", "Kapad"), new("Input.Role", Roles.Administrator), new("KeepId", WorkspaceData.Halmstad.ToString()),
        new("MergeId", WorkspaceData.RedCross.ToString()),
    ];

    [Theory]
    [InlineData(DemoAccounts.Editor)]
    [InlineData(DemoAccounts.Reader)]
    public async Task Editors_and_readers_are_denied_every_admin_handler(string email)
    {
        using var client = await app.CreateClientSignedInAsync(email, DemoAccounts.Password);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Editor).Select(u => u.Id).FirstAsync());
        var before = await app.WritesAsync();
        foreach (var url in AdminWrites.Concat([$"/admin/anvandare?handler=Deactivate&userId={userId}", $"/admin/anvandare/{userId}"]))
        {
            using var response = await WorkspaceData.PostAsync(client, url, AdminFields(), tokenPage: "/");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("/konto/nekad", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        foreach (var url in new[] { "/admin", "/admin/logg", "/admin/anvandare", "/admin/organisationer" })
        {
            using var response = await client.GetAsync(url);
            Assert.Contains("/konto/nekad", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WritesAsync());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsActive).FirstAsync()));
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in_from_every_admin_handler()
    {
        using var client = app.CreateBrowserClient();
        var before = await app.WritesAsync();
        foreach (var url in AdminWrites)
        {
            using var response = await WorkspaceData.PostAsync(client, url, AdminFields(), tokenPage: "/konto/logga-in");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("/konto/logga-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WritesAsync());
    }

    [Fact]
    public async Task Coordinator_signs_in_with_a_second_step()
    {
        using var client = app.CreateBrowserClient();
        using var password = await SamlaApp.SignInAsync(client, DemoAccounts.Coordinator, DemoAccounts.Password);
        await password.AssertStatusAsync(HttpStatusCode.Redirect);
        var step = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/konto/tvastegs", step, StringComparison.Ordinal);
        using (var admin = await client.GetAsync("/admin")) Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);

        using var wrong = await SamlaApp.PostFormAsync(client, step, step, [new("Code", "000000")]);
        Assert.Contains("Koden stämmer inte", await wrong.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        using var right = await SamlaApp.PostFormAsync(client, step, step, [new("Code", Totp.Code(DemoAccounts.AuthenticatorKey))]);
        await right.AssertStatusAsync(HttpStatusCode.Redirect);
        await client.AssertOkAsync("/admin");
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Administrator)]
    public async Task Coordinator_or_admin_without_two_factor_must_set_it_up_before_anything_else(string role)
    {
        var email = await app.CreateUserAsync("Testlosen-2026", role, twoFactor: false);
        using var client = app.CreateBrowserClient();
        using (var signIn = await SamlaApp.SignInAsync(client, email, "Testlosen-2026")) await signIn.AssertStatusAsync(HttpStatusCode.Redirect);
        foreach (var url in new[] { "/admin", "/arbetsyta", "/" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, url);
            Assert.StartsWith("/konto/tvastegs/aktivera", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        var setup = await client.AssertOkAsync("/konto/tvastegs/aktivera");
        var key = WebUtility.HtmlDecode(KeyElement().Match(setup).Groups[1].Value);
        Assert.Contains("otpauth://totp/", setup, StringComparison.Ordinal);
        using (var enabled = await SamlaApp.PostFormAsync(client, "/konto/tvastegs/aktivera", "/konto/tvastegs/aktivera", [new("Code", Totp.Code(key))]))
        {
            await enabled.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        await client.AssertOkAsync("/admin");
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).FirstAsync()));
    }

    [Fact]
    public async Task Invited_editor_sets_a_password_through_the_mailed_link_once()
    {
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        var email = $"inbjuden-{Guid.NewGuid():N}@samla.example";
        using (var invite = await WorkspaceData.PostAsync(admin, "/admin/anvandare?handler=Invite",
            [new("Input.Email", email), new("Input.DisplayName", "Ny Redaktör"), new("Input.Role", Roles.Editor), new("Input.Organizations", WorkspaceData.RedCross.ToString())], tokenPage: "/admin/anvandare"))
        {
            await invite.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var mail = Assert.Single(await app.ReadMailAsync(email));
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        var path = link.PathAndQuery;
        Assert.StartsWith("/konto/valj-losenord", path, StringComparison.Ordinal);

        using var invited = app.CreateBrowserClient();
        var page = await invited.AssertOkAsync(path);
        var fields = FormReader.Fields(page, "Password").Without("__RequestVerificationToken").Set("Password", "Mitt-nya-losen-2026").Set("ConfirmPassword", "Mitt-nya-losen-2026");
        using (var set = await SamlaApp.PostFormAsync(invited, path, "/konto/valj-losenord", fields)) Assert.Contains("Ditt lösenord är sparat", await set.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        using (var again = await SamlaApp.PostFormAsync(invited, "/konto/logga-in", "/konto/valj-losenord", fields.Set("Password", "Annat-losen-2026").Set("ConfirmPassword", "Annat-losen-2026")))
        {
            Assert.Contains("Länken fungerar inte längre", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var editor = await app.CreateClientSignedInAsync(email, "Mitt-nya-losen-2026");
        using var workspace = await editor.GetAsync("/arbetsyta");
        Assert.EndsWith($"/arbetsyta/organisationer/{WorkspaceData.RedCross}", workspace.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_cannot_make_administrators_nor_change_them()
    {
        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var email = $"inte-admin-{Guid.NewGuid():N}@samla.example";
        using (var invite = await WorkspaceData.PostAsync(coordinator, "/admin/anvandare?handler=Invite",
            [new("Input.Email", email), new("Input.DisplayName", "X"), new("Input.Role", Roles.Administrator)], tokenPage: "/admin/anvandare"))
        {
            Assert.Contains("Du kan inte ge den rollen.", await invite.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).FirstAsync());
        using var edit = await WorkspaceData.PostAsync(coordinator, $"/admin/anvandare/{adminId}", [new("SelectedRoles", Roles.Reader)], tokenPage: "/admin/anvandare");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        using var deactivate = await WorkspaceData.PostAsync(coordinator, $"/admin/anvandare?handler=Deactivate&userId={adminId}", [], tokenPage: "/admin/anvandare");
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsActive).FirstAsync()));

        // The list offers the coordinator no link or button for the administrator (each would answer 404), but does for an editor.
        var editorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Editor).Select(u => u.Id).FirstAsync());
        var list = await coordinator.AssertOkAsync("/admin/anvandare");
        Assert.DoesNotContain($"/admin/anvandare/{adminId}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"userId={adminId}", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/anvandare/{editorId}\"", list, StringComparison.Ordinal);
        Assert.Contains($"userId={editorId}&amp;handler=Deactivate", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_user_cannot_sign_in()
    {
        var email = await app.CreateUserAsync("Testlosen-2026", Roles.Editor);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using (var off = await WorkspaceData.PostAsync(admin, $"/admin/anvandare?handler=Deactivate&userId={id}", [], tokenPage: "/admin/anvandare")) await off.AssertStatusAsync(HttpStatusCode.Redirect);
        using var client = app.CreateBrowserClient();
        using var signIn = await SamlaApp.SignInAsync(client, email, "Testlosen-2026");
        await signIn.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Merging_organisations_moves_everything_keeps_history_and_deactivates_the_duplicate()
    {
        var (keep, duplicate, service) = await app.WithDbAsync(async db =>
        {
            var k = new Organization { Name = "Behållen förening", Description = "x" };
            var d = new Organization { Name = "Behållen förening (dubblett)", Description = "x" };
            var s = new Service { Name = "Dubblettens insats", Description = "x", Organization = d };
            db.AddRange(k, d, s);
            db.Locations.Add(new Location { Organization = d, Name = "Dubblettens plats" });
            await db.SaveChangesAsync();
            return (k.Id, d.Id, s.Id);
        });
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using (var merge = await WorkspaceData.PostAsync(admin, "/admin/organisationer?handler=Merge", [new("KeepId", keep.ToString()), new("MergeId", duplicate.ToString())], tokenPage: "/admin/organisationer"))
        {
            await merge.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(keep, (await db.Services.FirstAsync(s => s.Id == service)).OrganizationId);
            Assert.True(await db.Locations.AnyAsync(l => l.OrganizationId == keep && l.Name == "Dubblettens plats"));
            Assert.False((await db.Organizations.FirstAsync(o => o.Id == duplicate)).IsActive);
            Assert.True(await db.Organizations.AnyAsync(o => o.Id == duplicate));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "merge" && a.EntityId == duplicate.ToString() && a.NewValue == keep.ToString()));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.OrganizationId == duplicate && a.Action == "create"));
        });
    }

    [Fact]
    public async Task Audit_log_filters_and_exports_csv()
    {
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        var page = await admin.AssertOkAsync($"/admin/logg?Organization={WorkspaceData.Halmstad}&EntityType=Service");
        Assert.Contains("ändringar", page, StringComparison.Ordinal);
        using var csv = await admin.GetAsync($"/admin/logg?Organization={WorkspaceData.Halmstad}&EntityType=Service&handler=Csv");
        var text = await csv.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("timestamp,user,organization_id", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Service,", l, StringComparison.Ordinal));
    }

    [GeneratedRegex("<code id=\"shared-key\">([^<]*)</code>")]
    private static partial Regex KeyElement();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
