using Microsoft.AspNetCore.OutputCaching;
using Samla.Web.Features.Directory;

namespace Samla.Web.Features.Search;

[OutputCache(PolicyName = ServiceSearch.OutputCachePolicy)]
public sealed class SearchModel(ServiceSearch search, Freshness freshness) : SearchPageModel(search, freshness)
{
    public Task OnGetAsync(CancellationToken ct) => RunAsync(PageSize, ct);
}
