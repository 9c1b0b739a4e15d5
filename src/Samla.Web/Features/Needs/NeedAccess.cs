using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Needs;

/// <summary>
/// Who may do what in the needs register: editors, coordinators and administrators record needs and comment;
/// editors only on behalf of their own organisations; coordinators and administrators override priority;
/// status and linked services are changed by coordinators or by an editor of the raising organisation.
/// Readers see the register only.
/// </summary>
public static class NeedAccess
{
    public static bool IsCoordination(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator);

    public static bool CanContribute(ClaimsPrincipal user) => IsCoordination(user) || user.IsInRole(Roles.Editor);

    /// <summary>The active organisations the user may raise needs for: those <see cref="OrganizationAccess"/> lets them edit.</summary>
    public static async Task<List<(Guid Id, string Name)>> OrganizationsAsync(OrganizationAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!CanContribute(user)) return [];
        var query = (await access.EditableAsync(user, ct)).AsNoTracking().Where(o => o.IsActive);
        var list = await query.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return list.Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>Status and linked services: whoever may edit the raising organisation (coordination, or its editors).</summary>
    public static Task<bool> CanManageAsync(OrganizationAccess access, ClaimsPrincipal user, Need need, CancellationToken ct) =>
        access.CanEditAsync(user, need.RaisedByOrganizationId, ct);
}
