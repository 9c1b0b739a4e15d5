namespace Samla.Web.Features.Preparedness;

/// <summary>Registers preparedness: the mode switch and the surge-capacity query.</summary>
public static class PreparednessSetup
{
    public static IServiceCollection AddPreparedness(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<PreparednessState>();
        services.AddScoped<PreparednessMode>();
        services.AddScoped<FindSurgeServices>();
        return services;
    }
}
