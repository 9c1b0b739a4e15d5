using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Samla.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>How often a session is checked against the database (security stamp, deactivation, roles).</summary>
    public static readonly TimeSpan SessionValidationInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<InvitationMail>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = InvitationLifetime);
        // Sessions are checked on every request (SessionValidator): sign-out, a deactivated user or changed roles
        // (a new security stamp) end them at once; roles and name are rebuilt every minute; the second factor holds
        // for the whole session.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SessionValidationInterval;
            o.OnRefreshingPrincipal = SessionValidator.KeepSignInMethod;
        });
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        // Server-side sessions (Core/UserSessions): after AddIdentity has set the cookie's events, chain ours onto them.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signingIn = o.Events.OnSigningIn;
            var signingOut = o.Events.OnSigningOut;
            o.Events.OnSigningIn = async context =>
            {
                await signingIn(context);
                await SessionValidator.BeginSessionAsync(context);
            };
            o.Events.OnSigningOut = async context =>
            {
                await SessionValidator.EndSessionAsync(context);
                await signingOut(context);
            };
        });
        return services;
    }
}
