using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>
/// Who may do what with an initiative: every signed-in actor reads; editors of the owning or a participating
/// organisation edit (through the one rule, <see cref="OrganizationAccess.CanEditAsync"/>); coordinators and
/// administrators everything, and only they make a summary public.
/// </summary>
public sealed class ImprovementAccess(SamlaDbContext db, OrganizationAccess organizations)
{
    public static bool IsCoordination(ClaimsPrincipal user) => OrganizationAccess.CanEditAll(user);

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Guid initiativeId, CancellationToken ct)
    {
        var orgs = await db.Set<Initiative>().AsNoTracking().Where(i => i.Id == initiativeId)
            .Select(i => new { i.OwnerOrganizationId, Participants = i.Participants.Select(p => p.OrganizationId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (orgs is null) return false;
        foreach (var org in orgs.Participants.Prepend(orgs.OwnerOrganizationId).Distinct())
        {
            if (await organizations.CanEditAsync(user, org, ct)) return true;
        }
        return false;
    }

    /// <summary>The organisations the user may start an initiative for.</summary>
    public async Task<List<(Guid Id, string Name)>> OwnableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var list = await (await organizations.EditableAsync(user, ct)).Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return list.Select(o => (o.Id, o.Name)).ToList();
    }
}
