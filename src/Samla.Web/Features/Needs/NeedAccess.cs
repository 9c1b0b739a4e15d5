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

    /// <summary>The organisations the user may raise needs for; all active ones for coordination.</summary>
    public static async Task<List<(Guid Id, string Name)>> OrganizationsAsync(SamlaDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        if (!IsCoordination(user))
        {
            if (!user.IsInRole(Roles.Editor)) return [];
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            query = query.Where(o => db.UserOrganizations.Any(u => u.UserId == userId && u.OrganizationId == o.Id));
        }
        var list = await query.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return list.Select(o => (o.Id, o.Name)).ToList();
    }

    public static async Task<bool> CanManageAsync(SamlaDbContext db, ClaimsPrincipal user, Need need, CancellationToken ct)
    {
        if (IsCoordination(user)) return true;
        if (!user.IsInRole(Roles.Editor)) return false;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.UserOrganizations.AnyAsync(u => u.UserId == userId && u.OrganizationId == need.RaisedByOrganizationId, ct);
    }
}
