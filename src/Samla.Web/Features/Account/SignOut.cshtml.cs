using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samla.Web.Data;

namespace Samla.Web.Features.Account;

/// <summary>Sign-out is a POST with an antiforgery token; a GET shows a button, so a link cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<SamlaUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
