using Microsoft.AspNetCore.OutputCaching;

namespace Samla.Web.Features.Search;

[OutputCache(PolicyName = ServiceSearch.OutputCachePolicy)]
public sealed class SearchPrintModel(ServiceSearch search, Freshness freshness) : SearchPageModel(search, freshness)
{
    /// <summary>
    /// The first <see cref="SearchPageModel.PrintPageSize"/> results, whatever page the address names: the page says
    /// "the first 100" and its way back leads to the start of the same search (same words and filters).
    /// </summary>
    public Task OnGetAsync(CancellationToken ct)
    {
        if (Request.Query.ContainsKey("sida"))
        {
            Request.Query = new QueryCollection(Request.Query.Where(kv => !string.Equals(kv.Key, "sida", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase));
        }
        return RunAsync(PrintPageSize, ct);
    }
}
