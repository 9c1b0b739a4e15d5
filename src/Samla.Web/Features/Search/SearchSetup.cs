namespace Samla.Web.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<ServiceSearch>();
        services.AddHostedService<SearchIndexRefresher>();
        return services;
    }
}
