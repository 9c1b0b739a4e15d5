using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Admin;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Account;

/// <summary>The second sign-in step: the six-digit code from the authenticator app.</summary>
[EnableRateLimiting(AppSetup.SignInRateLimit)]
public sealed class TwoFactorModel(SignInManager<SamlaUser> signIn, IStringLocalizer<AdminText> t, ILogger<TwoFactorModel> log) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn", new { ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn", new { ReturnUrl });
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), t["TwoFactor_CodeFormat"]);
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in with a second factor", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? t["TwoFactor_LockedOut"] : t["TwoFactor_WrongCode"]);
        return Page();
    }
}
