using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Workspace;

namespace Samla.Web.Features.Admin;

public sealed class UsersModel(SamlaDbContext db, UserManager<SamlaUser> users, InvitationMail invitation, IStringLocalizer<AdminText> t) : PageModel
{
    /// <summary>A user; <paramref name="MayManage"/>: the signed-in user may open, re-invite and deactivate them (<see cref="RoleRules.MayManage"/>).</summary>
    public sealed record Row(string Id, string Email, string DisplayName, bool IsActive, bool HasPassword, bool TwoFactor, IReadOnlyList<string> Roles, IReadOnlyList<string> Organizations, bool MayManage);

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string Role { get; set; } = Data.Roles.Editor;
        public List<Guid> Organizations { get; set; } = [];
    }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> OrganizationChoices { get; private set; } = [];
    public IReadOnlyList<string> AssignableRoles => RoleRules.Assignable(User);

    [TempData]
    public string? Message { get; set; }

    /// <summary><paramref name="organisation"/> preselects an organisation in the invitation form (links from the meetings pages).</summary>
    public async Task OnGetAsync(Guid? organisation, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (organisation is { } org && OrganizationChoices.Any(o => o.Id == org)) Input.Organizations.Add(org);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var email = Input.Email?.Trim() ?? "";
        if (!FieldRules.IsEmail(email)) ModelState.AddModelError("Input.Email", t["Validation_Email"]);
        else if (await users.FindByEmailAsync(email) is not null) ModelState.AddModelError("Input.Email", t["Validation_UserExists"]);
        if (string.IsNullOrWhiteSpace(Input.DisplayName)) ModelState.AddModelError("Input.DisplayName", t["Validation_DisplayName"]);
        if (!AssignableRoles.Contains(Input.Role)) ModelState.AddModelError("Input.Role", t["Validation_RoleNotAllowed"]);
        var known = OrganizationChoices.Select(o => o.Id).ToHashSet();
        if (Input.Organizations.Any(id => !known.Contains(id))) ModelState.AddModelError("Input.Organizations", t["Validation_Organization"]);
        if (Input.Role == Roles.Editor && Input.Organizations.Count == 0) ModelState.AddModelError("Input.Organizations", t["Validation_EditorNeedsOrganization"]);
        if (!ModelState.IsValid) return Page();

        var user = new SamlaUser
        {
            UserName = email, Email = email, DisplayName = Input.DisplayName!.Trim(), IsActive = true, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        // The user, the role, the organisations and the invitation mail: all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) ModelState.AddModelError("Input.Email", e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Input.Role);
        var organizations = Input.Organizations.Distinct().ToList();
        foreach (var orgId in organizations)
        {
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = orgId });
        }
        await invitation.EnqueueAsync(user, Request, User.Identity?.Name ?? "", organizations.Count > 0 ? organizations[0] : null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Message = t["Message_Invited", email];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReinviteAsync(string userId, CancellationToken ct)
    {
        var user = await FindManageableAsync(userId);
        if (user is null) return NotFound();
        var organization = await db.UserOrganizations.AsNoTracking().Where(u => u.UserId == user.Id).Select(u => (Guid?)u.OrganizationId).FirstOrDefaultAsync(ct);
        await invitation.EnqueueAsync(user, Request, User.Identity?.Name ?? "", organization, ct);
        await db.SaveChangesAsync(ct);
        Message = t["Message_Invited", user.Email ?? ""];
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDeactivateAsync(string userId, CancellationToken ct) => SetActiveAsync(userId, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken ct) => SetActiveAsync(userId, true, ct);

    private async Task<IActionResult> SetActiveAsync(string userId, bool active, CancellationToken ct)
    {
        var user = await FindManageableAsync(userId);
        if (user is null || user.Id == users.GetUserId(User)) return NotFound();
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new security stamp ends the user's sessions at their next request (SessionValidator), on every instance.
        await users.UpdateSecurityStampAsync(user);
        Message = t[active ? "Message_UserReactivated" : "Message_UserDeactivated", user.Email ?? ""];
        return RedirectToPage();
    }

    private async Task<SamlaUser?> FindManageableAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        return RoleRules.MayManage(User, await users.GetRolesAsync(user)) ? user : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        OrganizationChoices = (await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var orgs = await db.UserOrganizations.AsNoTracking().Select(u => new { u.UserId, u.Organization.Name }).ToListAsync(ct);
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u =>
            {
                var userRoles = roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").ToList();
                return new Row(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, u.IsActive, u.PasswordHash is not null, u.TwoFactorEnabled,
                    userRoles, orgs.Where(o => o.UserId == u.Id).Select(o => o.Name).ToList(), RoleRules.MayManage(User, userRoles));
            })
            .ToList();
    }
}
