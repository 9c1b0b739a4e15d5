using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// The one rule for who may change an organisation's data: administrators and coordinators any
/// organisation, editors the organisations they are bound to, everyone else none. Every workspace
/// handler loads the entity first and asks about the organisation the entity belongs to.
/// </summary>
public sealed class OrganizationAccess(SamlaDbContext db)
{
    public static bool CanEditAll(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator));

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken ct = default)
    {
        var userId = await ActiveUserIdAsync(user, ct);
        if (userId is null) return false;
        if (CanEditAll(user)) return true;
        return user.IsInRole(Roles.Editor)
            && await db.UserOrganizations.AnyAsync(u => u.UserId == userId && u.OrganizationId == organizationId, ct);
    }

    /// <summary>The organisations the user may edit, for lists and menus.</summary>
    public async Task<IQueryable<Organization>> EditableAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = await ActiveUserIdAsync(user, ct);
        if (userId is null) return db.Organizations.Where(o => false);
        if (CanEditAll(user)) return db.Organizations;
        if (!user.IsInRole(Roles.Editor)) return db.Organizations.Where(o => false);
        return db.Organizations.Where(o => db.UserOrganizations.Any(u => u.UserId == userId && u.OrganizationId == o.Id));
    }

    /// <summary>
    /// The organisations an active user is bound to, whatever their role (whose comments they sign, which shared
    /// summaries they see); empty for anonymous and deactivated users.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> MembershipsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = await ActiveUserIdAsync(user, ct);
        if (userId is null) return [];
        return await db.UserOrganizations.Where(u => u.UserId == userId).OrderBy(u => u.OrganizationId).Select(u => u.OrganizationId).ToListAsync(ct);
    }

    /// <summary>Active users in the Editor role bound to the given organisations: those who keep the data true and get mail about it.</summary>
    public async Task<IReadOnlyList<OrganizationEditor>> ActiveEditorsAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct = default)
    {
        var editorRole = await db.Roles.Where(r => r.Name == Roles.Editor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        // Distinct first, then ordered (an ordering before Distinct is not kept by the database).
        var editors = await (from uo in db.UserOrganizations
                             join u in db.Users on uo.UserId equals u.Id
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             where u.IsActive && ur.RoleId == editorRole && organizationIds.Contains(uo.OrganizationId)
                             select new { uo.OrganizationId, UserId = u.Id, u.Email }).Distinct().OrderBy(e => e.Email).ToListAsync(ct);
        return [.. editors.Select(e => new OrganizationEditor(e.OrganizationId, e.UserId, e.Email))];
    }

    /// <summary>
    /// The services the user may see by name: public ones (<see cref="PublicVisibility"/>) for everyone; drafts and
    /// inactive ones only to coordination (all) and to the editors of the owning organisation (as <see cref="EditableAsync"/>).
    /// </summary>
    public async Task<IQueryable<Service>> VisibleServicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (CanEditAll(user) && await ActiveUserIdAsync(user, ct) is not null) return db.Services;
        var editable = await EditableAsync(user, ct);
        var visible = db.Services.Where(PublicVisibility.Rule);
        return db.Services.Where(s => visible.Any(p => p.Id == s.Id) || editable.Any(o => o.Id == s.OrganizationId));
    }

    /// <summary>Whether the user may see the service by name (the rule of <see cref="VisibleServicesAsync"/>, for one service).</summary>
    public async Task<bool> CanSeeServiceAsync(ClaimsPrincipal user, Guid serviceId, CancellationToken ct = default)
    {
        var organizationId = await db.Services.Where(s => s.Id == serviceId).Select(s => (Guid?)s.OrganizationId).FirstOrDefaultAsync(ct);
        if (organizationId is null) return false;
        return await db.Services.Where(s => s.Id == serviceId).WherePublic().AnyAsync(ct)
            || await CanEditAsync(user, organizationId.Value, ct);
    }

    /// <summary>A deactivated user loses every right at once, even before the sign-in cookie runs out.</summary>
    private async Task<string?> ActiveUserIdAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        return await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct) ? userId : null;
    }
}

/// <summary>An active editor of an organisation (the address is for mail only, never shown in public).</summary>
public sealed record OrganizationEditor(Guid OrganizationId, string UserId, string? Email);
