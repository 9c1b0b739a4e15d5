using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>
/// The session check of every request: the cookie's session must be live in the server-side store
/// (<see cref="UserSessions.IsLiveAsync"/>: not signed out, not ended from the account page, user active, security stamp
/// unchanged since sign-in), so sign-out, deactivation and new roles end a session at once on every instance, and a copy
/// of the cookie is worth nothing afterwards. Then Identity's security-stamp validator, run every
/// <see cref="AdminSetup.SessionValidationInterval"/>: it rebuilds the
/// principal from the database (roles, name), ends the session of a deactivated user, and keeps how the user
/// signed in. Identity's rebuilt principal has no <c>amr</c> claim, so without
/// <see cref="KeepSignInMethod"/> a coordinator would lose the second factor after the first validation and
/// be sent to set up two-step verification again.
/// </summary>
public sealed class SessionValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<SamlaUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<SamlaUser>(options, signInManager, logger)
{
    /// <summary>Claims about how this sign-in was made (password, second factor); they hold for the whole session.</summary>
    public static readonly string[] SignInMethodClaims = ["amr", UserSessions.ClaimType];

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is null || !await sessions.IsLiveAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await base.ValidateAsync(context);
    }

    /// <summary>For the cookie's OnSigningIn: every sign-in (password, second step, set-up) begins a session of its own.</summary>
    public static async Task BeginSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal is null) return;
        var http = context.HttpContext;
        var sessions = http.RequestServices.GetRequiredService<UserSessions>();
        // Signing in again over a live session of the same browser replaces it.
        if (UserSessions.IdOf(http.User) is { } previous && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } previousUser)
        {
            await sessions.EndAsync(previousUser, previous, http.RequestAborted);
        }
        await sessions.StartAsync(context.Principal, http.Request.Headers.UserAgent.ToString(), http.RequestAborted);
    }

    /// <summary>For the cookie's OnSigningOut: the session ends on the server, not only in this browser.</summary>
    public static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        var http = context.HttpContext;
        if (UserSessions.IdOf(http.User) is { } id && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await http.RequestServices.GetRequiredService<UserSessions>().EndAsync(userId, id, CancellationToken.None);
        }
    }

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
