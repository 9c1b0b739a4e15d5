using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>A user's roles and the organisations they edit.</summary>
public sealed class UserModel(SamlaDbContext db, UserManager<SamlaUser> users, IStringLocalizer<AdminText> t) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public List<Guid> SelectedOrganizations { get; set; } = [];

    public SamlaUser Target { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> OrganizationChoices { get; private set; } = [];
    public IReadOnlyList<string> AssignableRoles => RoleRules.Assignable(User);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        SelectedRoles = [.. await users.GetRolesAsync(Target)];
        SelectedOrganizations = await db.UserOrganizations.Where(u => u.UserId == Id).Select(u => u.OrganizationId).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (SelectedRoles.Any(r => !AssignableRoles.Contains(r))) ModelState.AddModelError(nameof(SelectedRoles), t["Validation_RoleNotAllowed"]);
        if (SelectedRoles.Count == 0) ModelState.AddModelError(nameof(SelectedRoles), t["Validation_RoleRequired"]);
        var known = OrganizationChoices.Select(o => o.Id).ToHashSet();
        if (SelectedOrganizations.Any(id => !known.Contains(id))) ModelState.AddModelError(nameof(SelectedOrganizations), t["Validation_Organization"]);
        if (SelectedRoles.Contains(Roles.Editor) && SelectedOrganizations.Count == 0) ModelState.AddModelError(nameof(SelectedOrganizations), t["Validation_EditorNeedsOrganization"]);
        if (!ModelState.IsValid) return Page();

        var current = await users.GetRolesAsync(Target);
        await users.RemoveFromRolesAsync(Target, current.Except(SelectedRoles));
        await users.AddToRolesAsync(Target, SelectedRoles.Except(current).Distinct());
        var bound = await db.UserOrganizations.Where(u => u.UserId == Id).ToListAsync(ct);
        db.UserOrganizations.RemoveRange(bound.Where(b => !SelectedOrganizations.Contains(b.OrganizationId)));
        foreach (var orgId in SelectedOrganizations.Distinct().Where(o => bound.All(b => b.OrganizationId != o)))
        {
            db.UserOrganizations.Add(new UserOrganization { UserId = Id, OrganizationId = orgId });
        }
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(Target);
        Message = t["Message_UserSaved", Target.Email ?? ""];
        return RedirectToPage("Users");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var target = await users.FindByIdAsync(Id);
        // A coordinator cannot change an administrator or another coordinator.
        if (target is null || !RoleRules.MayManage(User, await users.GetRolesAsync(target))) return false;
        Target = target;
        OrganizationChoices = (await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return true;
    }
}
