namespace Samla.Web.Features.Needs;

/// <summary>Registers the needs register's services.</summary>
public static class NeedsSetup
{
    public static IServiceCollection AddNeeds(this IServiceCollection services)
    {
        services.AddScoped<PrioritizeNeeds>();
        services.AddDemoDataSeeder<NeedsDemoData>();
        return services;
    }
}
