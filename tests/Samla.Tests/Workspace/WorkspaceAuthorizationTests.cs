using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Workspace;

/// <summary>
/// The rule in OrganizationAccess: an editor changes only their own organisation's data. Every workspace
/// write handler is tried by an editor of another organisation, a reader and an anonymous client, and
/// with forged ids; each must be refused with nothing written.
/// </summary>
public sealed class WorkspaceAuthorizationTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private sealed record Attempt(string Name, string Url, List<KeyValuePair<string, string>> Fields);

    /// <summary>Every write handler of the workspace, aimed at Halmstads kommun's data.</summary>
    private async Task<List<Attempt>> HalmstadWritesAsync()
    {
        var service = await app.ServiceOfAsync(WorkspaceData.Halmstad);
        var location = await app.LocationOfAsync(WorkspaceData.Halmstad);
        var contact = await app.ContactOfAsync(WorkspaceData.Halmstad);
        using var owner = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var edit = (await WorkspaceData.EditFormAsync(owner, service)).Set("Input.Name", "Kapad insats");
        var version = await app.WithDbAsync(async db =>
        {
            var v = new ServiceVersion
            {
                ServiceId = service, OrganizationId = WorkspaceData.Halmstad, Version = 1, UserName = "test", Action = "baseline",
                Timestamp = DateTime.UtcNow, SnapshotJson = "{\"Name\":\"Gammalt namn\",\"Description\":\"x\"}",
            };
            db.ServiceVersions.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });
        var org = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}";
        return
        [
            new("create", $"{org}/ny-insats", [.. edit.Set("Input.Version", "0")]),
            new("edit", $"/arbetsyta/insatser/{service}", [.. edit]),
            new("merge", $"/arbetsyta/insatser/{service}?handler=Merge", [.. edit]),
            new("restore", $"/arbetsyta/insatser/{service}/historik?handler=Restore&versionId={version}", []),
            new("confirm", $"{org}?handler=Confirm&serviceId={service}", []),
            new("confirm all", $"{org}?handler=ConfirmAll", []),
            new("duplicate", $"{org}?handler=Duplicate&serviceId={service}", []),
            new("deactivate", $"{org}?handler=Deactivate&serviceId={service}", []),
            new("reactivate", $"{org}?handler=Reactivate&serviceId={service}", []),
            new("profile", $"{org}/profil", [new("Input.OrganizationId", WorkspaceData.Halmstad.ToString()), new("Input.Version", "1"), new("Input.Name", "Kapad"), new("Input.Description", "Kapad")]),
            new("new location", $"{org}/platser", [new("Input.OrganizationId", WorkspaceData.Halmstad.ToString()), new("Input.Address1", "Storgatan 1"), new("Input.PostalCode", "30250"), new("Input.City", "Halmstad")]),
            new("edit location", $"{org}/platser", [new("Input.Id", location.ToString()), new("Input.OrganizationId", WorkspaceData.Halmstad.ToString()), new("Input.Version", "1"), new("Input.Address1", "Kapad 1"), new("Input.PostalCode", "30250"), new("Input.City", "Halmstad")]),
            new("new contact", $"{org}/kontakter", [new("Input.OrganizationId", WorkspaceData.Halmstad.ToString()), new("Input.Name", "Kapad"), new("Input.Email", "kapad@samla.example")]),
            new("edit contact", $"{org}/kontakter", [new("Input.Id", contact.ToString()), new("Input.OrganizationId", WorkspaceData.Halmstad.ToString()), new("Input.Name", "Kapad"), new("Input.Email", "kapad@samla.example")]),
            new("remove contact", $"{org}/kontakter?handler=Remove&contactId={contact}", []),
        ];
    }

    [Theory]
    [InlineData(DemoAccounts.OtherEditor)]
    [InlineData(DemoAccounts.Reader)]
    public async Task Editor_of_other_org_and_reader_get_404_from_every_write_handler_and_nothing_changes(string email)
    {
        var attempts = await HalmstadWritesAsync();
        using var client = await app.CreateClientSignedInAsync(email, DemoAccounts.Password);
        var before = await app.WritesAsync();
        foreach (var attempt in attempts)
        {
            using var response = await WorkspaceData.PostAsync(client, attempt.Url, attempt.Fields, tokenPage: "/");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{attempt.Name}: expected 404, got {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal(before, await app.WritesAsync());
    }

    [Fact]
    public async Task Anonymous_client_is_sent_to_sign_in_from_every_write_handler_and_nothing_changes()
    {
        var attempts = await HalmstadWritesAsync();
        using var client = app.CreateBrowserClient();
        var before = await app.WritesAsync();
        foreach (var attempt in attempts)
        {
            using var response = await WorkspaceData.PostAsync(client, attempt.Url, attempt.Fields, tokenPage: "/konto/logga-in");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{attempt.Name}: expected 302, got {(int)response.StatusCode}");
            Assert.Contains("/konto/logga-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WritesAsync());
    }

    [Theory]
    [InlineData(DemoAccounts.OtherEditor)]
    [InlineData(DemoAccounts.Reader)]
    public async Task Pages_of_another_organisation_are_not_found(string email)
    {
        var service = await app.ServiceOfAsync(WorkspaceData.Halmstad);
        using var client = await app.CreateClientSignedInAsync(email, DemoAccounts.Password);
        var org = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}";
        foreach (var url in new[] { org, $"{org}/ny-insats", $"{org}/profil", $"{org}/platser", $"{org}/kontakter", $"/arbetsyta/insatser/{service}", $"/arbetsyta/insatser/{service}/historik" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: expected 404, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Forged_ids_on_own_organisation_routes_reach_nothing_of_another_organisation()
    {
        var service = await app.ServiceOfAsync(WorkspaceData.Halmstad);
        var location = await app.LocationOfAsync(WorkspaceData.Halmstad);
        var contact = await app.ContactOfAsync(WorkspaceData.Halmstad);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.OtherEditor, DemoAccounts.Password);
        var own = $"/arbetsyta/organisationer/{WorkspaceData.RedCross}";
        var before = await app.WritesAsync();
        (string Name, string Url, List<KeyValuePair<string, string>> Fields)[] attempts =
        [
            ("confirm", $"{own}?handler=Confirm&serviceId={service}", []),
            ("duplicate", $"{own}?handler=Duplicate&serviceId={service}", []),
            ("deactivate", $"{own}?handler=Deactivate&serviceId={service}", []),
            ("reactivate", $"{own}?handler=Reactivate&serviceId={service}", []),
            ("location", $"{own}/platser", [new("Input.Id", location.ToString()), new("Input.OrganizationId", WorkspaceData.RedCross.ToString()), new("Input.Version", "1"), new("Input.Address1", "Kapad 1"), new("Input.PostalCode", "30250"), new("Input.City", "Halmstad")]),
            ("contact", $"{own}/kontakter", [new("Input.Id", contact.ToString()), new("Input.OrganizationId", WorkspaceData.RedCross.ToString()), new("Input.Name", "Kapad"), new("Input.Email", "kapad@samla.example")]),
            ("remove contact", $"{own}/kontakter?handler=Remove&contactId={contact}", []),
        ];
        foreach (var (name, url, fields) in attempts)
        {
            using var response = await WorkspaceData.PostAsync(client, url, fields, tokenPage: "/");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: expected 404, got {(int)response.StatusCode}");
        }
        Assert.Equal(before, await app.WritesAsync());
    }

    [Fact]
    public async Task A_form_that_changes_the_organisation_id_is_refused()
    {
        var service = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 1);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var fields = (await WorkspaceData.EditFormAsync(client, service))
            .Set("Input.OrganizationId", WorkspaceData.RedCross.ToString()).Set("Input.Name", "Flyttad insats");
        var before = await app.WritesAsync();

        using var edit = await WorkspaceData.PostAsync(client, $"/arbetsyta/insatser/{service}", fields, tokenPage: "/");
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        using var create = await WorkspaceData.PostAsync(client, $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}/ny-insats", fields, tokenPage: "/");
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);

        Assert.Equal(before, await app.WritesAsync());
        var saved = await app.ServiceAsync(service);
        Assert.Equal(WorkspaceData.Halmstad, saved.OrganizationId);
        Assert.NotEqual("Flyttad insats", saved.Name);
    }

    [Fact]
    public async Task Restoring_a_version_of_another_service_is_not_found()
    {
        var own = await app.ServiceOfAsync(WorkspaceData.Halmstad);
        var foreign = await app.ServiceOfAsync(WorkspaceData.RedCross);
        var versionId = await app.WithDbAsync(async db =>
        {
            var v = new ServiceVersion
            {
                ServiceId = foreign, OrganizationId = WorkspaceData.RedCross, Version = 1, UserName = "test", Action = "baseline",
                Timestamp = DateTime.UtcNow, SnapshotJson = "{\"Name\":\"Röda Korsets\",\"Description\":\"x\"}",
            };
            db.ServiceVersions.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var before = await app.WritesAsync();
        using var response = await WorkspaceData.PostAsync(client, $"/arbetsyta/insatser/{own}/historik?handler=Restore&versionId={versionId}", [], tokenPage: "/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.WritesAsync());
    }

    [Fact]
    public async Task Forged_location_and_term_ids_in_a_service_form_are_not_linked()
    {
        var service = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 2);
        var foreignLocation = await app.LocationOfAsync(WorkspaceData.RedCross);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var fields = await WorkspaceData.EditFormAsync(client, service);
        fields.Add(new("Input.Locations", foreignLocation.ToString()));
        fields.Add(new("Input.Categories", Guid.NewGuid().ToString()));
        using var response = await WorkspaceData.PostAsync(client, $"/arbetsyta/insatser/{service}", fields, tokenPage: "/");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.False(await app.WithDbAsync(db => db.ServiceAtLocations.AnyAsync(x => x.ServiceId == service && x.LocationId == foreignLocation)));
    }

    [Fact]
    public async Task Coordinator_may_edit_any_organisation()
    {
        var service = await app.ServiceOfAsync(WorkspaceData.RedCross, skip: 1);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        using var response = await WorkspaceData.PostAsync(client, $"/arbetsyta/organisationer/{WorkspaceData.RedCross}?handler=Confirm&serviceId={service}", [], tokenPage: "/");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(DemoAccounts.Coordinator, (await app.ServiceAsync(service)).AssurerEmail);
    }

    [Fact]
    public async Task A_deactivated_editor_loses_the_right_at_once()
    {
        var service = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 3);
        var email = await app.CreateUserAsync("Testlosen-2026", Roles.Editor);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.FirstAsync(u => u.Email == email);
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = WorkspaceData.Halmstad });
            await db.SaveChangesAsync();
        });
        using var client = await app.CreateClientSignedInAsync(email, "Testlosen-2026");
        await client.AssertOkAsync($"/arbetsyta/insatser/{service}");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.FirstAsync(u => u.Email == email);
            user.IsActive = false;
            await db.SaveChangesAsync();
        });
        // Deactivation ends the session itself: the next request is sent to sign in.
        using var response = await client.GetAsync($"/arbetsyta/insatser/{service}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/konto/logga-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }
}
