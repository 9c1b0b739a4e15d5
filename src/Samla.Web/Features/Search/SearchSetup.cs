using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Samla.Web.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutputCacheLimits>().BindConfiguration(OutputCacheLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<OutputCacheLimits>>((o, limits) =>
            // Bounded: a crawler walking every filter combination cannot grow the app past this.
            o.SizeLimit = limits.Value.SizeLimitMB * 1024 * 1024);
        services.AddSingleton<ServiceSearch>();
        services.AddHostedService<SearchIndexRefresher>();
        services.AddOutputCache(o =>
        {
            // Anonymous GETs only (the default rules: no sign-in, no cookie set); one entry per query string and
            // language; evicted with the index snapshot the answer came from, and never kept longer than ten minutes.
            o.AddPolicy(ServiceSearch.OutputCachePolicy, b => b
                .Tag(ServiceSearch.OutputCacheTag)
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByHeader("Accept-Language")
                .VaryByValue(_ => new KeyValuePair<string, string>("ui", CultureInfo.CurrentUICulture.Name)));
        });
        return services;
    }
}
