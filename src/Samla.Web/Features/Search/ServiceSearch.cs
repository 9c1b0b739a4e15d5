using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Search;

/// <summary>
/// Searches public services: free text (Swedish-aware, see <see cref="SwedishTextAnalyzer"/>), filters, facet counts,
/// sorting and paging, all answered from an in-memory <see cref="SearchIndex"/> snapshot of the database.
/// </summary>
/// <remarks>
/// Each app instance keeps its own index, built whole from the shared database at start (<see cref="SearchIndexRefresher"/>)
/// and then kept current from the change feed (<see cref="ServiceChange"/>: one row per changed service, organisation
/// or location, written by the core in the same transaction as the change). Catching up reads the feed rows after the
/// last one seen, reads only the services they name and applies them to a new snapshot (<see cref="SearchIndex.Apply"/>),
/// so an update costs what the changed services cost, not what the directory holds.
/// <list type="bullet">
/// <item>The instance that made a change catches up before the change's request answers (the core's
/// <see cref="ServiceChangeSignal"/> fires once the change is committed), except while a full build is due or running:
/// the request does not wait for it, and its change is in the index when the build is swapped in.</item>
/// <item>Every other instance, and changes from the command line (import, restore, seed), within one poll interval
/// (<see cref="SearchOptions.PollSeconds"/>, 1 s by default) plus the update itself.</item>
/// <item>A full build (at start; after a restore, a seed or a change to the term catalogue: an "everything" row; when more
/// than <see cref="MaxIncremental"/> services changed at once; when retired slots pile up) is made aside while searches go on,
/// then swapped in, and the feed rows written meanwhile are applied to it.</item>
/// </list>
/// Feed ids come from a sequence, so on PostgreSQL a transaction that started earlier can commit a lower id after a
/// higher one was read: ids skipped over are kept as gaps and looked for again for <see cref="GapLifetime"/>.
/// Responses built from the index may be output-cached (<see cref="OutputCacheTag"/>); every new snapshot evicts them.
/// </remarks>
public sealed class ServiceSearch : IDisposable
{
    /// <summary>
    /// The output-cache tag of every response answered from the index (search pages, HSDS service lists): evicted
    /// whenever a new snapshot replaces the old one, so a cached answer is never older than the index it came from.
    /// </summary>
    public const string OutputCacheTag = "search-index";

    /// <summary>The output-cache policy of those responses (see <see cref="SearchSetup"/>).</summary>
    public const string OutputCachePolicy = "search";

    /// <summary>More changed services than this at once are cheaper to read in a full build.</summary>
    public const int MaxIncremental = 10_000;

    /// <summary>Retired slots below this never call for a full build (a build of a small directory is cheap, but not free).</summary>
    public const int MinDeadSlotsForRebuild = 1_000;

    /// <summary>How long a skipped feed id is looked for (longer than any transaction: a large import commits late).</summary>
    public static readonly TimeSpan GapLifetime = TimeSpan.FromMinutes(15);

    private const int GapWindow = 1_000;
    private const int MaxGaps = 16;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly IOutputCacheStore outputCache;
    private readonly IOptions<ServiceChangeOptions> feedOptions;
    private readonly ILogger<ServiceSearch> logger;
    private readonly SemaphoreSlim apply = new(1, 1);
    private readonly SemaphoreSlim build = new(1, 1);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SearchIndex? current;
    private volatile SearchSynonyms synonyms = SearchSynonyms.Default;
    private readonly SemaphoreSlim synonymsLock = new(1, 1);
    private SynonymStamp? synonymStamp;
    private long position;
    private List<(long From, long To, DateTime Since)> gaps = [];
    private DateTime lastRead;

    public ServiceSearch(IServiceScopeFactory scopes, TimeProvider clock, IOutputCacheStore outputCache, ServiceChangeSignal signal,
        IOptions<ServiceChangeOptions> feedOptions, ILogger<ServiceSearch> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.outputCache = outputCache;
        this.feedOptions = feedOptions;
        this.logger = logger;
        signal.Subscribe(OnLocalChangeAsync);
    }

    /// <summary>
    /// Raised under the update lock just before a new snapshot is published: the services it changed, or null when it was
    /// built whole. Whoever keeps copies of services in step with the index drops them here (the HSDS API's cache).
    /// </summary>
    public event Action<IReadOnlyCollection<Guid>?>? Changing;

    /// <summary>The current snapshot, or null before the first build finished.</summary>
    public SearchIndex? Index => current;

    /// <summary>The synonyms searches use now: synonyms.sv.txt plus the coordinators' active groups.</summary>
    public SearchSynonyms Synonyms => synonyms;

    /// <summary>The last update applied: how many services, and how long reading and applying them took.</summary>
    public (int Services, TimeSpan Took)? LastUpdate { get; private set; }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var index = current;
        if (index is null)
        {
            await ready.Task.WaitAsync(ct);
            index = current!;
        }
        return index.Search(request, synonyms);
    }

    /// <summary>What identifies the state of the coordinators' synonym groups: any add, edit, archive or restore changes it.</summary>
    private sealed record SynonymStamp(int Count, DateTime? LastModified, long Versions)
    {
        public static SynonymStamp Of(IReadOnlyCollection<(int Count, DateTime Last, long Versions)> parts) =>
            new(parts.Sum(p => p.Count), parts.Count == 0 ? null : parts.Max(p => p.Last), parts.Sum(p => p.Versions));
    }

    /// <summary>
    /// Brings the synonyms up to date with the coordinators' groups when they changed (a cheap stamp query otherwise):
    /// the synonym page calls it before answering, the refresher every poll, so other instances follow within a poll
    /// interval. A new snapshot evicts the cached search answers. Returns whether the synonyms changed.
    /// </summary>
    public async Task<bool> RefreshSynonymsAsync(CancellationToken ct)
    {
        await synonymsLock.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            var groups = db.Set<SearchSynonymGroup>().AsNoTracking();
            // One round trip on a small table (at most two rows back: active and archived groups).
            var parts = await groups.GroupBy(g => g.IsArchived)
                .Select(g => new { Count = g.Count(), Last = g.Max(x => x.LastModified), Versions = g.Sum(x => (long)x.Version) })
                .ToListAsync(ct);
            var stamp = SynonymStamp.Of([.. parts.Select(p => (p.Count, p.Last, p.Versions))]);
            if (stamp == synonymStamp) return false;
            var rows = await groups.Select(g => new { g.Members, g.IsArchived, g.LastModified, g.Version }).ToListAsync(ct);
            // The stamp of the rows read (a change between the two queries is then seen by the next call).
            stamp = SynonymStamp.Of([.. rows.Select(r => (1, r.LastModified, (long)r.Version))]);
            var active = rows.Where(r => !r.IsArchived).OrderBy(r => r.Members, StringComparer.Ordinal).Select(r => SynonymGroupInput.Split(r.Members));
            synonyms = new SearchSynonyms(SearchSynonyms.FileGroups.Value.Concat(active));
            var first = synonymStamp is null;
            synonymStamp = stamp;
            if (!first || rows.Count > 0)
            {
                await outputCache.EvictByTagAsync(OutputCacheTag, CancellationToken.None);
                logger.LogInformation("Search synonyms updated: {Groups} groups ({Own} of the coordinators')", synonyms.GroupCount, rows.Count(r => !r.IsArchived));
            }
            return true;
        }
        finally
        {
            synonymsLock.Release();
        }
    }

    /// <summary>Catches up with the change feed now (the core's signal does this after every committed change).</summary>
    public Task InvalidateAsync() => CatchUpAsync(CancellationToken.None);

    /// <summary>With force (or before the first build): a full build. Else catches up with the feed; returns whether anything changed.</summary>
    public async Task<bool> RefreshAsync(bool force, CancellationToken ct)
    {
        if (force || current is null)
        {
            await RebuildAsync(ct);
            return true;
        }
        return await CatchUpAsync(ct);
    }

    private async Task OnLocalChangeAsync(CancellationToken ct)
    {
        try
        {
            await CatchUpAsync(ct, waitForRebuild: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is committed; the next poll brings it in. Never fail the request that made it.
            logger.LogWarning(ex, "Search index update after a local change failed; the next poll retries");
        }
    }

    private sealed record FeedRow(long Id, ServiceChangeScope Scope, Guid? RefId);

    /// <summary>Reads the feed rows not seen yet and applies them; returns whether the index changed.</summary>
    public Task<bool> CatchUpAsync(CancellationToken ct) => CatchUpAsync(ct, waitForRebuild: true);

    /// <summary>
    /// As <see cref="CatchUpAsync(CancellationToken)"/>; when the feed calls for a full build, <paramref name="waitForRebuild"/>
    /// false starts it aside and returns at once. A request that saved a change must not wait for a build of the whole
    /// directory (tens of seconds under load): its change is in the index when that build is swapped in.
    /// </summary>
    private async Task<bool> CatchUpAsync(CancellationToken ct, bool waitForRebuild)
    {
        if (current is null) return false;
        var rebuild = false;
        await apply.WaitAsync(ct);
        try
        {
            var index = current;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            // An instance that could not read the feed for longer than it keeps rows may have missed some: build whole.
            var behind = now - lastRead > TimeSpan.FromMinutes(feedOptions.Value.KeepMinutes / 2.0);
            var rows = await ReadFeedAsync(db, ct);
            lastRead = now;
            if (behind || rows.Count > MaxIncremental || rows.Any(r => r.Scope == ServiceChangeScope.Everything))
            {
                rebuild = true;
            }
            else if (rows.Count > 0)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var ids = await ResolveAsync(db, rows, ct);
                if (ids.Count > MaxIncremental)
                {
                    rebuild = true;
                }
                else
                {
                    var fresh = await SearchIndexLoader.ReadSomeAsync(db, ids, ct);
                    var next = index.Apply(ids, fresh, now);
                    Advance(rows, now);
                    Changing?.Invoke(ids);
                    current = next;
                    await outputCache.EvictByTagAsync(OutputCacheTag, CancellationToken.None);
                    LastUpdate = (ids.Count, watch.Elapsed);
                    logger.LogInformation("Search index updated: {Count} services in {Ms} ms", ids.Count, watch.ElapsedMilliseconds);
                    // Searches still running on the old snapshot finish within milliseconds; give them a moment.
                    _ = Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => index.Dispose(), TaskScheduler.Default);
                    // Retired slots cost memory (their documents, Lucene's deleted documents) and bit-set length: reclaim
                    // them with a full build, aside, before they grow the process by more than about a tenth of the index.
                    if (next.DeadSlots > Math.Max(MinDeadSlotsForRebuild, next.Count / 10)) StartRebuildAside();
                }
            }
            else
            {
                Advance(rows, now);
                return false;
            }
        }
        finally
        {
            apply.Release();
        }
        if (rebuild && waitForRebuild) await RebuildAsync(ct);
        else if (rebuild) StartRebuildAside();
        return true;
    }

    /// <summary>Starts a full build in the background unless one is running (a running one applies the feed after its swap).</summary>
    private void StartRebuildAside()
    {
        if (build.CurrentCount > 0) _ = Task.Run(RebuildInBackgroundAsync, CancellationToken.None);
    }

    private async Task RebuildInBackgroundAsync()
    {
        try
        {
            await RebuildAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Search index rebuild failed; the current index stays");
        }
    }

    /// <summary>A full build from the database, made aside (searches go on), swapped in, then the changes made meanwhile applied.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await build.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            db.UseLongCommandTimeout();
            // Where the feed stands before the first row is read: what is committed after this is applied after the swap.
            var (from, gapsAtStart) = await FeedPositionAsync(db, ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            SearchIndex index;
            using (var builder = new SearchIndex.Builder())
            {
                await foreach (var service in SearchIndexLoader.ReadAsync(db, ct)) builder.Add(service);
                index = builder.Build(clock.GetUtcNow().UtcDateTime);
            }
            // The rows read are garbage now; give the memory back instead of keeping the build's peak resident.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            SearchIndex? old;
            await apply.WaitAsync(CancellationToken.None);
            try
            {
                old = current;
                Changing?.Invoke(null);
                current = index;
                position = from;
                gaps = gapsAtStart;
                lastRead = clock.GetUtcNow().UtcDateTime;
            }
            finally
            {
                apply.Release();
            }
            ready.TrySetResult();
            // Cached search pages and API answers came from the old snapshot.
            await outputCache.EvictByTagAsync(OutputCacheTag, CancellationToken.None);
            logger.LogInformation("Search index built: {Count} public services in {Ms} ms", index.Count, watch.ElapsedMilliseconds);
            if (old is not null) _ = Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => old.DisposeAll(), TaskScheduler.Default);
        }
        finally
        {
            build.Release();
        }
        await CatchUpAsync(ct);
    }

    private IQueryable<ServiceChange> Feed(SamlaDbContext db) => db.Set<ServiceChange>().AsNoTracking();

    private async Task<List<FeedRow>> ReadFeedAsync(SamlaDbContext db, CancellationToken ct)
    {
        var after = position;
        var rows = await Feed(db).Where(c => c.Id > after).OrderBy(c => c.Id).Take(MaxIncremental + 1)
            .Select(c => new FeedRow(c.Id, c.Scope, c.RefId)).ToListAsync(ct);
        foreach (var (from, to, _) in gaps)
        {
            rows.AddRange(await Feed(db).Where(c => c.Id >= from && c.Id <= to).OrderBy(c => c.Id)
                .Select(c => new FeedRow(c.Id, c.Scope, c.RefId)).ToListAsync(ct));
        }
        return rows;
    }

    /// <summary>The last feed id now, and the ids below it not (yet) committed: the gaps to look for again.</summary>
    private async Task<(long Position, List<(long, long, DateTime)> Gaps)> FeedPositionAsync(SamlaDbContext db, CancellationToken ct)
    {
        var last = await Feed(db).MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var low = Math.Max(1, last - GapWindow + 1);
        var present = (await Feed(db).Where(c => c.Id >= low).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = new List<(long, long, DateTime)>();
        long? start = null;
        for (var id = low; id <= last + 1; id++)
        {
            var missing = id <= last && !present.Contains(id);
            if (missing) start ??= id;
            else if (start is { } s)
            {
                found.Add((s, id - 1, now));
                start = null;
            }
        }
        return (last, Merge(found));
    }

    /// <summary>Moves the position past the rows read; ids skipped over become gaps, gaps filled or too old are dropped.</summary>
    private void Advance(List<FeedRow> rows, DateTime now)
    {
        var list = gaps.Where(g => now - g.Since < GapLifetime).ToList();
        foreach (var id in rows.Select(r => r.Id).Distinct().Order())
        {
            if (id > position)
            {
                if (id > position + 1) list.Add((position + 1, id - 1, now));
                position = id;
                continue;
            }
            var i = list.FindIndex(g => g.From <= id && id <= g.To);
            if (i < 0) continue;
            var (from, to, since) = list[i];
            list.RemoveAt(i);
            if (from < id) list.Add((from, id - 1, since));
            if (id < to) list.Add((id + 1, to, since));
        }
        gaps = Merge(list);
    }

    /// <summary>At most <see cref="MaxGaps"/> ranges (the oldest merged), so a poll stays a handful of key-range reads.</summary>
    private static List<(long From, long To, DateTime Since)> Merge(List<(long From, long To, DateTime Since)> list)
    {
        list.Sort((a, b) => a.From.CompareTo(b.From));
        while (list.Count > MaxGaps)
        {
            var (a, b) = (list[0], list[1]);
            list[0] = (a.From, b.To, a.Since < b.Since ? a.Since : b.Since);
            list.RemoveAt(1);
        }
        return list;
    }

    /// <summary>The services the feed rows name: directly, or through their organisation, location or place.</summary>
    private static async Task<HashSet<Guid>> ResolveAsync(SamlaDbContext db, List<FeedRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.Scope == ServiceChangeScope.Service && r.RefId is not null).Select(r => r.RefId!.Value).ToHashSet();
        foreach (var scope in (ServiceChangeScope[])[ServiceChangeScope.Organization, ServiceChangeScope.Location, ServiceChangeScope.Place])
        {
            var refs = rows.Where(r => r.Scope == scope && r.RefId is not null).Select(r => r.RefId!.Value).Distinct().ToList();
            if (refs.Count > 0) ids.UnionWith(await ServicesNamedBy(db, scope, refs).ToListAsync(ct));
        }
        return ids;
    }

    /// <summary>
    /// The services that organisations, locations or places (service-at-locations) name. The ids go to the database as ONE
    /// parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL): EF Core 10 would send one parameter per
    /// value, slow to name and plan for the thousands of locations an import can touch (dotnet/efcore#37152).
    /// </summary>
    internal static IQueryable<Guid> ServicesNamedBy(SamlaDbContext db, ServiceChangeScope scope, List<Guid> refs) => scope switch
    {
        ServiceChangeScope.Organization => db.Services.AsNoTracking().Where(s => EF.Parameter(refs).Contains(s.OrganizationId)).Select(s => s.Id),
        ServiceChangeScope.Location => db.ServiceAtLocations.AsNoTracking().Where(x => EF.Parameter(refs).Contains(x.LocationId)).Select(x => x.ServiceId),
        ServiceChangeScope.Place => db.ServiceAtLocations.AsNoTracking().Where(x => EF.Parameter(refs).Contains(x.Id)).Select(x => x.ServiceId),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Only organisation, location and place rows name services indirectly."),
    };

    public void Dispose()
    {
        current?.DisposeAll();
        apply.Dispose();
        build.Dispose();
        synonymsLock.Dispose();
    }
}

/// <summary>Builds the index at start (in the background: the app serves meanwhile) and keeps it current by polling the change feed.</summary>
public sealed class SearchIndexRefresher(ServiceSearch search, IOptions<SearchOptions> options, ILogger<SearchIndexRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Synonyms first: the first searches on a new index already use the coordinators' groups.
                await search.RefreshSynonymsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Search synonyms refresh failed; the current synonyms stay");
            }
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
