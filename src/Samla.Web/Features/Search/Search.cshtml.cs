using Microsoft.AspNetCore.OutputCaching;

namespace Samla.Web.Features.Search;

[OutputCache(PolicyName = ServiceSearch.OutputCachePolicy)]
public sealed class SearchModel(ServiceSearch search, Freshness freshness) : SearchPageModel(search, freshness)
{
    public Task OnGetAsync(CancellationToken ct) => RunAsync(PageSize, ct);
}
