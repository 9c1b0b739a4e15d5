using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Account;

/// <summary>The signed-in user's own account: who they are, where they are signed in; end one session or all of them.</summary>
[Authorize]
public sealed class MyAccountModel(UserManager<SamlaUser> users, SignInManager<SamlaUser> signIn, UserSessions sessions,
    IStringLocalizer<AccountText> t) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<ActiveSession> Sessions { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostEndAsync(Guid sessionId, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } userId || Admin.TwoFactorGate.NeedsSecondFactor(User)) return Challenge();
        // Only the user's own sessions: another user's id ends nothing.
        if (await sessions.EndAsync(userId, sessionId, ct)) Message = t["SessionEnded"];
        return await LoadAsync(ct) ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } userId || Admin.TwoFactorGate.NeedsSecondFactor(User)) return Challenge();
        await sessions.EndAllAsync(userId, ct);
        await signIn.SignOutAsync();
        return LocalRedirect("/konto/logga-in");
    }

    /// <summary>Times are shown in Swedish time, as everywhere in Samla.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), LockoutMail.Sweden);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // A password alone (second step still owed) neither lists nor ends sessions.
        if (Admin.TwoFactorGate.NeedsSecondFactor(User)) return false;
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Roles = [.. await users.GetRolesAsync(user)];
        Sessions = await sessions.ActiveAsync(User, ct);
        return true;
    }
}
