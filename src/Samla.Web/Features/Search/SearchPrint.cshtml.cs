using Microsoft.AspNetCore.OutputCaching;

namespace Samla.Web.Features.Search;

[OutputCache(PolicyName = ServiceSearch.OutputCachePolicy)]
public sealed class SearchPrintModel(ServiceSearch search, Freshness freshness) : SearchPageModel(search, freshness)
{
    public Task OnGetAsync(CancellationToken ct) => RunAsync(PrintPageSize, ct);
}
