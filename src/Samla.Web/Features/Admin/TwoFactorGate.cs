using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>
/// Administrators and coordinators must have signed in with a second factor. Until they have, every
/// request except the account pages sends them to set up an authenticator app.
/// </summary>
public static class TwoFactorGate
{
    public const string SetupPath = "/konto/tvastegs/aktivera";
    private static readonly string[] Open = ["/konto", "/css", "/sprak", "/health", "/fel"];

    public static bool NeedsSecondFactor(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Roles.RequireTwoFactor.Any(user.IsInRole)
        && !user.HasClaim("amr", "mfa");

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (NeedsSecondFactor(context.User) && !Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(SetupPath + "?ReturnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
                return;
            }
            await next();
        });
}
