namespace Samla.Web.Features.Improvement;

/// <summary>Registers improvement work: initiatives, measures, PDSA cycles, the shared learning library and <c>POST /api/run-chart</c>.</summary>
public static class ImprovementSetup
{
    public static IServiceCollection AddImprovement(this IServiceCollection services)
    {
        services.AddScoped<ImprovementAccess>();
        services.AddScoped<LearningLibrary>();
        services.AddDemoDataSeeder<ImprovementDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapImprovement(this IEndpointRouteBuilder app) => app.MapRunChartApi();
}
