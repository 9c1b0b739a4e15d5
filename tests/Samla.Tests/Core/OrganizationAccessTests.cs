using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;
using Samla.Web.Features.Needs;

namespace Samla.Tests.Core;

/// <summary>The one edit-rights rule, asked directly and through the places that used to restate it.</summary>
public sealed class OrganizationAccessTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private static readonly Guid Halmstad = DemoData.OrganizationId("halmstad");
    private static readonly Guid RedCross = DemoData.OrganizationId("rodakorset");

    private async Task<(string Id, ClaimsPrincipal User)> UserAsync(string role, params Guid[] organizations)
    {
        var email = await app.CreateUserAsync("Testlosen-2026", role);
        var id = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.FirstAsync(u => u.Email == email);
            foreach (var org in organizations) db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = org });
            await db.SaveChangesAsync();
            return user.Id;
        });
        var identity = new ClaimsIdentity([new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, email), new(ClaimTypes.Role, role)], "Test");
        return (id, new ClaimsPrincipal(identity));
    }

    private Task<T> AskAsync<T>(Func<OrganizationAccess, Task<T>> ask) =>
        app.WithScopeAsync(sp => ask(sp.GetRequiredService<OrganizationAccess>()));

    private Task DeactivateAsync(string userId) => app.WithDbAsync(async db =>
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId);
        user.IsActive = false;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Editors_edit_their_own_organisations_until_deactivated()
    {
        var (id, editor) = await UserAsync(Roles.Editor, Halmstad);
        Assert.True(await AskAsync(a => a.CanEditAsync(editor, Halmstad)));
        Assert.False(await AskAsync(a => a.CanEditAsync(editor, RedCross)));
        Assert.Equal([Halmstad], await AskAsync(async a => await (await a.EditableAsync(editor)).Select(o => o.Id).ToListAsync()));

        await DeactivateAsync(id);
        Assert.False(await AskAsync(a => a.CanEditAsync(editor, Halmstad)));
        Assert.Empty(await AskAsync(async a => await (await a.EditableAsync(editor)).Select(o => o.Id).ToListAsync()));
    }

    [Fact]
    public async Task Memberships_and_active_editors_leave_out_deactivated_users()
    {
        var (readerId, reader) = await UserAsync(Roles.Reader, RedCross);
        var (editorId, _) = await UserAsync(Roles.Editor, RedCross);
        Assert.Equal([RedCross], await AskAsync(a => a.MembershipsAsync(reader)));
        // A reader is a member but not an editor: no mail about keeping the organisation's data true.
        var editors = await AskAsync(a => a.ActiveEditorsAsync([RedCross]));
        Assert.Contains(editors, e => e.UserId == editorId && e.OrganizationId == RedCross);
        Assert.DoesNotContain(editors, e => e.UserId == readerId);

        await DeactivateAsync(readerId);
        await DeactivateAsync(editorId);
        Assert.Empty(await AskAsync(a => a.MembershipsAsync(reader)));
        Assert.DoesNotContain(await AskAsync(a => a.ActiveEditorsAsync([RedCross])), e => e.UserId == editorId);
        Assert.Empty(await AskAsync(a => a.MembershipsAsync(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    [Fact]
    public async Task Coordinators_edit_every_organisation_readers_and_anonymous_none()
    {
        var (id, coordinator) = await UserAsync(Roles.Coordinator);
        var (_, reader) = await UserAsync(Roles.Reader, Halmstad);
        Assert.True(await AskAsync(a => a.CanEditAsync(coordinator, RedCross)));
        Assert.False(await AskAsync(a => a.CanEditAsync(reader, Halmstad)));
        Assert.False(await AskAsync(a => a.CanEditAsync(new ClaimsPrincipal(new ClaimsIdentity()), Halmstad)));

        await DeactivateAsync(id);
        Assert.False(await AskAsync(a => a.CanEditAsync(coordinator, RedCross)));
    }

    [Fact]
    public async Task The_needs_register_asks_the_same_rule()
    {
        var (id, editor) = await UserAsync(Roles.Editor, Halmstad);
        var need = new Need { Title = "Behov", RaisedByOrganizationId = Halmstad, CountyCode = "13", CreatedBy = "test" };
        Assert.Equal([Halmstad], (await AskAsync(a => NeedAccess.OrganizationsAsync(a, editor, default))).Select(o => o.Id));
        Assert.True(await AskAsync(a => NeedAccess.CanManageAsync(a, editor, need, default)));

        await DeactivateAsync(id);
        Assert.Empty(await AskAsync(a => NeedAccess.OrganizationsAsync(a, editor, default)));
        Assert.False(await AskAsync(a => NeedAccess.CanManageAsync(a, editor, need, default)));
    }

    [Fact]
    public async Task A_deactivated_editor_no_longer_sees_an_unpublished_service_of_their_organisation()
    {
        var email = await app.CreateUserAsync("Testlosen-2026", Roles.Editor);
        var (userId, serviceId) = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.FirstAsync(u => u.Email == email);
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = Halmstad });
            var service = new Service { Name = "Opublicerad tjänst", Description = "Test.", OrganizationId = Halmstad, IsPublished = false, Status = ServiceStatus.Active };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return (user.Id, service.Id);
        });
        var client = await app.CreateClientSignedInAsync(email, "Testlosen-2026");
        using (var seen = await client.GetAsync($"/insatser/{serviceId}")) Assert.Equal(System.Net.HttpStatusCode.OK, seen.StatusCode);
        await DeactivateAsync(userId);
        using (var gone = await client.GetAsync($"/insatser/{serviceId}")) Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }
}
