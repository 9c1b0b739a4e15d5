using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Admin;

namespace Samla.Web.Features.Account;

/// <summary>Sets up an authenticator app (TOTP, RFC 6238): shows the shared key and an otpauth:// address, then checks one code.</summary>
[Authorize]
public sealed class SetupTwoFactorModel(UserManager<SamlaUser> users, SignInManager<SamlaUser> signIn, IStringLocalizer<AdminText> t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool Required => TwoFactorGate.NeedsSecondFactor(User);
    public bool AlreadyEnabled { get; private set; }

    /// <summary>
    /// Two-step verification is on for the account but this session has not shown a code: the page only asks for
    /// one (and shows no key: a password alone must not reveal the authenticator key).
    /// </summary>
    public bool ConfirmOnly => Required && AlreadyEnabled;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["TwoFactor_WrongCode"]);
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        // This sign-in now counts as two-factor: the code was just checked.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task LoadKeyAsync(SamlaUser user)
    {
        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (ConfirmOnly) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which ends every session of the user (server-side sessions):
            // this browser's session continues as a new one.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        SharedKey = grouped.ToString().TrimEnd().ToLowerInvariant();
        var email = await users.GetEmailAsync(user) ?? user.UserName ?? "";
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Samla:" + email)}?secret={key}&issuer=Samla&digits=6";
    }
}
