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
public sealed class SignInModel(SignInManager<SamlaUser> signIn, UserManager<SamlaUser> users, IStringLocalizer<SharedText> t, ILogger<SignInModel> log) : PageModel
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
        var user = await users.FindByEmailAsync(Input.Email.Trim());
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
        if (result.IsLockedOut)
        {
            log.LogWarning("User {UserId} is locked out", user!.Id);
            ModelState.AddModelError(string.Empty, t["SignInLockedOut"]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, t["SignInFailed"]);
        return Page();
    }
}
