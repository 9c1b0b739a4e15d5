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
        // A deactivated user or changed roles take effect within a minute, not at the cookie's end; the second
        // factor holds for the whole session (SessionValidator).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SessionValidationInterval;
            o.OnRefreshingPrincipal = SessionValidator.KeepSignInMethod;
        });
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        return services;
    }
}
