using Microsoft.EntityFrameworkCore;
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
/// invalidation can never be overtaken by an older read. Services that changed (up to <see cref="RereadLimit"/> at once)
/// are read again right away. Bounded: at most <see cref="Capacity"/> services; beyond it some are let go (the cache
/// compacts itself) and read again when asked for.
/// </remarks>
public sealed class HsdsServiceCache : IDisposable
{
    /// <summary>How many services are kept at most (a service with its organisation is a few kilobytes).</summary>
    public const int Capacity = 10_000;

    /// <summary>Changed services are read again at once (in the background) when no more than this many changed together.</summary>
    public const int RereadLimit = 200;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly ServiceSearch _search;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<HsdsServiceCache> _log;
    private readonly Lock _gate = new();
    private long _generation;

    public HsdsServiceCache(ServiceSearch search, IServiceScopeFactory scopes, ILogger<HsdsServiceCache> log)
    {
        _search = search;
        _scopes = scopes;
        _log = log;
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
        long generation;
        lock (_gate)
        {
            generation = ++_generation;
            if (changed is null)
            {
                _entries.Clear();
                return;
            }
            foreach (var id in changed) _entries.Remove(id);
        }
        // A service just changed (a new one, an edit) is likely to be asked for next: read it now, so that a database
        // that stops answering right after a change does not leave it unanswerable.
        if (changed.Count is > 0 and <= RereadLimit) _ = Task.Run(() => RereadAsync([.. changed], generation));
    }

    private async Task RereadAsync(Guid[] ids, long generation)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            var read = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).Include(s => s.Organization).ToListAsync();
            Keep(read.Where(s => s.IsPublic()), generation);
        }
        catch (Exception ex)
        {
            // Only a head start: a page asking for them reads them itself.
            _log.LogDebug(ex, "Changed services could not be read ahead");
        }
    }

    public void Dispose()
    {
        _search.Changing -= Invalidate;
        _entries.Dispose();
    }
}
