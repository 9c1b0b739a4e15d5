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
        services.AddSingleton<RepeatAdmission>();
        services.AddHostedService<SearchIndexRefresher>();
        services.AddOutputCache(o =>
        {
            // Anonymous GETs only (the default rules: no sign-in, no cookie set); one entry per query string and
            // language, kept from the second time it is asked; evicted with the index snapshot the answer came from, and
            // never kept longer than ten minutes.
            o.AddPolicy(ServiceSearch.OutputCachePolicy, b => b
                .AddPolicy<RepeatAdmission>()
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

/// <summary>
/// Keeps an answer in the output cache only when the same request was seen before. Most distinct searches are asked
/// once (the long tail, a crawler walking filter combinations): such an answer is computed and sent but not copied into
/// the cache, where it would only cost memory and collection work and push out the answers people do ask again. The
/// second asking stores it; from the third on it is served from the cache. What was seen is a fixed table of hashes
/// (64 Ki entries, 256 KB); two requests sharing an entry only make one of them be stored a request early, or late.
/// </summary>
public sealed class RepeatAdmission : IOutputCachePolicy
{
    private const int Size = 1 << 16;
    private readonly uint[] seen = new uint[Size];

    /// <summary>True when this request (path, query, language) was seen before; remembers it either way.</summary>
    public bool SeenBefore(HttpRequest request)
    {
        var hash = new HashCode();
        hash.Add(request.Path.Value, StringComparer.Ordinal);
        hash.Add(request.QueryString.Value, StringComparer.Ordinal);
        hash.Add(CultureInfo.CurrentUICulture.Name, StringComparer.Ordinal);
        hash.Add(request.Headers.AcceptLanguage.ToString(), StringComparer.Ordinal);
        var tag = (uint)hash.ToHashCode() | 1; // 0 marks an empty entry
        ref var entry = ref seen[(int)(tag >> 16) & (Size - 1)];
        if (Volatile.Read(ref entry) == tag) return true;
        Volatile.Write(ref entry, tag);
        return false;
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (context.AllowCacheStorage && !SeenBefore(context.HttpContext.Request)) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
