using Microsoft.Extensions.Options;

namespace Samla.Web.Core;

/// <summary>Registers the shared rules every feature builds on (one line in AppSetup).</summary>
public static class CoreSetup
{
    public static IServiceCollection AddSamlaCore(this IServiceCollection services)
    {
        services.AddOptions<SamlaOptions>().BindConfiguration(SamlaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SamlaOptions>, SamlaOptionsValidation>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Freshness>();
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<UserSessions>();
        services.AddScheduledJob<UserSessionCleanupJob>();
        services.AddServiceChanges();
        services.AddSingleton<TermCatalogCache>();
        services.AddHostedService<TermCatalogRefresher>();
        return services;
    }
}
