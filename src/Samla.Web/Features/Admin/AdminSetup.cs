using Microsoft.AspNetCore.Identity;

namespace Samla.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>How long an invitation link works.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<InvitationMail>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = InvitationLifetime);
        // A deactivated user or changed roles take effect within a minute, not at the cookie's end.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }
}
