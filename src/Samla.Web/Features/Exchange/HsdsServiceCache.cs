using Microsoft.Extensions.Caching.Memory;
using Samla.Web.Data;
using Samla.Web.Features.Search;

namespace Samla.Web.Features.Exchange;

/// <summary>
/// The services (with their organisation) that the HSDS API's engine path puts on its pages, kept in memory per instance
/// so that a page of search results is answered without the database once its services have been read: a database that
/// is slow, locked or silent does not stop the search API, as it does not stop the search page.
/// </summary>
/// <remarks>
/// Never older than the search index the page's ids come from: the index drops a service from here when the change feed
/// says it changed (<see cref="ServiceSearch.Changing"/>, raised before the new snapshot is published; everything on a
/// full build). A read that was under way while something changed is not kept (<see cref="Generation"/>), so an
/// invalidation can never be overtaken by an older read. Bounded: at most <see cref="Capacity"/> services; beyond it the
/// least recently used are let go and read again when asked for.
/// </remarks>
public sealed class HsdsServiceCache : IDisposable
{
    /// <summary>How many services are kept at most (a service with its organisation is a few kilobytes).</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly ServiceSearch _search;
    private readonly Lock _gate = new();
    private long _generation;

    public HsdsServiceCache(ServiceSearch search)
    {
        _search = search;
        search.Changing += Invalidate;
    }

    /// <summary>Taken before reading services from the database and given back to <see cref="Keep"/>.</summary>
    public long Generation
    {
        get
        {
            lock (_gate) return _generation;
        }
    }

    public bool TryGet(Guid id, out Service? service) => _entries.TryGetValue(id, out service);

    /// <summary>Keeps services read from the database, unless something changed since <paramref name="generation"/> was taken.</summary>
    public void Keep(IEnumerable<Service> services, long generation)
    {
        lock (_gate)
        {
            if (generation != _generation) return;
            foreach (var service in services) _entries.Set(service.Id, service, new MemoryCacheEntryOptions { Size = 1 });
        }
    }

    private void Invalidate(IReadOnlyCollection<Guid>? changed)
    {
        lock (_gate)
        {
            _generation++;
            if (changed is null)
            {
                _entries.Clear();
                return;
            }
            foreach (var id in changed) _entries.Remove(id);
        }
    }

    public void Dispose()
    {
        _search.Changing -= Invalidate;
        _entries.Dispose();
    }
}
