using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>
/// The security-stamp validator, run every <see cref="AdminSetup.SessionValidationInterval"/>: it rebuilds the
/// principal from the database (roles, name), ends the session of a deactivated user, and keeps how the user
/// signed in. Identity's rebuilt principal has no <c>amr</c> claim, so without
/// <see cref="KeepSignInMethod"/> a coordinator would lose the second factor after the first validation and
/// be sent to set up two-step verification again.
/// </summary>
public sealed class SessionValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<SamlaUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<SamlaUser>(options, signInManager, logger)
{
    /// <summary>Claims about how this sign-in was made (password, second factor); they hold for the whole session.</summary>
    public static readonly string[] SignInMethodClaims = ["amr"];

    protected override async Task SecurityStampVerified(SamlaUser user, CookieValidatePrincipalContext context)
    {
        if (!user.IsActive)
        {
            // A deactivated user's rights end at the next validation, whether or not the stamp was changed.
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }
        await base.SecurityStampVerified(user, context);
    }

    /// <summary>For <see cref="SecurityStampValidatorOptions.OnRefreshingPrincipal"/>: copies the sign-in method claims to the rebuilt principal.</summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => SignInMethodClaims.Contains(c.Type)))
            {
                if (!identity.HasClaim(claim.Type, claim.Value)) identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }
        return Task.CompletedTask;
    }
}
