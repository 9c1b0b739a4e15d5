using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Shared;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Account;

[EnableRateLimiting(AppSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<SamlaUser> signIn, UserManager<SamlaUser> users, IStringLocalizer<SharedText> t, ILogger<SignInModel> log,
    SignInLimits limits, LockoutMail lockoutMail, SamlaDbContext db, IStringLocalizer<AccountText> a) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation_EmailRequired")]
        [EmailAddress(ErrorMessage = "Validation_EmailInvalid")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation_PasswordRequired")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "RememberMe")]
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var remote = HttpContext.Connection.RemoteIpAddress;
        // Failed attempts per address and per network are limited before the password is tried (SignInLimits).
        if (!await limits.MayTryAsync(email, remote, HttpContext.RequestAborted))
        {
            log.LogWarning("Sign-in attempts limited for network {Network}", SignInLimits.NetworkOf(remote));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            ModelState.AddModelError(string.Empty, a["SignInThrottled"]);
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is { IsActive: false })
        {
            ModelState.AddModelError(string.Empty, t["SignInDeactivated"]);
            return Page();
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl, Input.RememberMe });
        }
        await limits.FailedAsync(email, remote, HttpContext.RequestAborted);
        if (result.IsLockedOut)
        {
            log.LogWarning("User {UserId} is locked out", user!.Id);
            // Tell the owner (once per lockout): someone may be locking them out on purpose.
            if (await users.GetLockoutEndDateAsync(user) is { } until && await lockoutMail.EnqueueAsync(user, until, HttpContext.RequestAborted))
            {
                await db.SaveChangesAsync(HttpContext.RequestAborted);
            }
            ModelState.AddModelError(string.Empty, t["SignInLockedOut"]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, t["SignInFailed"]);
        return Page();
    }
}
