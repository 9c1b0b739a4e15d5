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
                // Also by the snapshot (and synonyms) the request started on: an answer computed on an old snapshot but
                // stored after the eviction (a search racing an update) is never served from the new one.
                .VaryByValue(ctx =>
                {
                    var search = ctx.RequestServices.GetRequiredService<ServiceSearch>();
                    return new KeyValuePair<string, string>("ui", CultureInfo.CurrentUICulture.Name + "/" +
                        System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(search.Index).ToString(CultureInfo.InvariantCulture) + "/" +
                        System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(search.Synonyms).ToString(CultureInfo.InvariantCulture));
                }));
        });
        return services;
    }
}
