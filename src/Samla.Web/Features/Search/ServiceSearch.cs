using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Search;

/// <summary>
/// Searches public services: free text (Swedish-aware, see <see cref="SwedishTextAnalyzer"/>), filters, facet counts,
/// sorting and paging, all answered from an in-memory <see cref="SearchIndex"/> snapshot of the database.
/// </summary>
/// <remarks>
/// Each app instance keeps its own index, built from the shared database at start (<see cref="SearchIndexRefresher"/>)
/// and rebuilt whenever the database's change stamp moves: the number of services, the latest service and organisation
/// change times, and the latest audit entry (every edit of a service's details writes one). Because every instance
/// polls the same database, an edit made through any instance reaches every instance's index within one poll interval
/// (<see cref="SearchOptions.PollSeconds"/>) with no messaging between instances. A writer that calls <see cref="InvalidateAsync"/>
/// makes its own instance rebuild before the next search answers, so the person who edited sees the change at once.
/// Responses built from the index may be output-cached (<see cref="OutputCacheTag"/>); a new snapshot evicts them.
/// The database stays the only source of truth; an index is never written to, only replaced whole.
/// </remarks>
public sealed class ServiceSearch(IServiceScopeFactory scopes, TimeProvider clock, IOutputCacheStore outputCache, ILogger<ServiceSearch> logger) : IDisposable
{
    /// <summary>
    /// The output-cache tag of every response answered from the index (search pages, HSDS service lists): evicted
    /// whenever a new snapshot replaces the old one, so a cached answer is never older than the index it came from.
    /// </summary>
    public const string OutputCacheTag = "search-index";

    /// <summary>The output-cache policy of those responses (see <see cref="SearchSetup"/>).</summary>
    public const string OutputCachePolicy = "search";

    private readonly SemaphoreSlim rebuild = new(1, 1);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SearchIndex? current;
    private SearchIndexLoader.Stamp? builtFrom;
    private int invalidated;

    /// <summary>The current snapshot, or null before the first build finished.</summary>
    public SearchIndex? Index => current;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (Volatile.Read(ref invalidated) == 1) await RefreshAsync(force: false, ct);
        var index = current;
        if (index is null)
        {
            await ready.Task.WaitAsync(ct);
            index = current!;
        }
        return index.Search(request);
    }

    /// <summary>Call after changing services: the next search on this instance waits for a fresh index.</summary>
    public async Task InvalidateAsync()
    {
        Volatile.Write(ref invalidated, 1);
        await outputCache.EvictByTagAsync(OutputCacheTag, CancellationToken.None);
    }

    /// <summary>Rebuilds the index if the database changed (or always, with force) and returns whether it did.</summary>
    public async Task<bool> RefreshAsync(bool force, CancellationToken ct)
    {
        await rebuild.WaitAsync(ct);
        try
        {
            var dirty = Interlocked.Exchange(ref invalidated, 0) == 1;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            var stamp = await SearchIndexLoader.StampAsync(db, ct);
            if (!force && !dirty && current is not null && stamp == builtFrom) return false;
            db.UseLongCommandTimeout();

            var watch = System.Diagnostics.Stopwatch.StartNew();
            SearchIndex index;
            using (var builder = new SearchIndex.Builder())
            {
                await foreach (var service in SearchIndexLoader.ReadAsync(db, ct)) builder.Add(service);
                index = builder.Build(clock.GetUtcNow().UtcDateTime);
            }
            // The rows read are garbage now; give the memory back instead of keeping the build's peak resident.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var old = current;
            current = index;
            builtFrom = stamp;
            ready.TrySetResult();
            // Cached search pages and API answers came from the old snapshot.
            await outputCache.EvictByTagAsync(OutputCacheTag, CancellationToken.None);
            logger.LogInformation("Search index built: {Count} public services in {Ms} ms", index.Count, watch.ElapsedMilliseconds);
            // Searches still running on the old snapshot finish within milliseconds; give them a moment before closing it.
            if (old is not null) _ = Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
            return true;
        }
        finally
        {
            rebuild.Release();
        }
    }

    public void Dispose()
    {
        current?.Dispose();
        rebuild.Dispose();
    }
}

/// <summary>Builds the index at start (in the background: the app serves meanwhile) and keeps it current by polling.</summary>
public sealed class SearchIndexRefresher(ServiceSearch search, IOptions<SearchOptions> options, ILogger<SearchIndexRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await search.RefreshAsync(force: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be migrating or briefly away; keep serving the last snapshot and try again.
                logger.LogWarning(ex, "Search index refresh failed; retrying");
            }
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
