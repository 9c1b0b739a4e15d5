using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Admin;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Account;

/// <summary>
/// The page an invitation links to. The token is Identity's password-reset token: it expires
/// (AdminSetup.InvitationLifetime) and works once, because setting the password changes the security stamp.
/// </summary>
[EnableRateLimiting(AppSetup.SignInRateLimit)]
public sealed class SetPasswordModel(UserManager<SamlaUser> users, IStringLocalizer<AdminText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Email { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindAsync();
        if (user is null || string.IsNullOrEmpty(Token)) return InvalidLink();
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null || string.IsNullOrEmpty(Token)) return InvalidLink();
        Email = user.Email;
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), t["SetPassword_Required"]);
        else if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), t["SetPassword_Mismatch"]);
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, Token, Password!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return InvalidLink();
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(Password), e.Description);
            return Page();
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        Done = true;
        return Page();
    }

    private async Task<SamlaUser?> FindAsync()
    {
        if (string.IsNullOrEmpty(UserId)) return null;
        var user = await users.FindByIdAsync(UserId);
        return user is { IsActive: true } ? user : null;
    }

    private IActionResult InvalidLink()
    {
        Email = null;
        ModelState.AddModelError("", t["SetPassword_InvalidLink"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
