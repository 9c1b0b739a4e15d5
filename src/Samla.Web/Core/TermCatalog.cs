using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// Taxonomy terms by id and by code, with their taxonomies: one immutable snapshot. The app holds the current one in
/// memory (<see cref="TermCatalogCache"/>); the terms in it are shared between requests and must not be changed.
/// </summary>
public sealed class TermCatalog(IEnumerable<TaxonomyTerm> terms)
{
    private readonly Dictionary<Guid, TaxonomyTerm> _byId = terms.ToDictionary(t => t.Id);
    private readonly Dictionary<(string, string), TaxonomyTerm> _byCode =
        terms.ToDictionary(t => (t.Taxonomy.Name, t.Code));

    public TaxonomyTerm? Find(Guid id) => _byId.GetValueOrDefault(id);

    public TaxonomyTerm? Find(string taxonomy, string code) => _byCode.GetValueOrDefault((taxonomy, code));

    public IEnumerable<TaxonomyTerm> All => _byId.Values;

    /// <summary>The terms of one taxonomy in their sort order (the order of the lists on pages and in error messages).</summary>
    public IReadOnlyList<TaxonomyTerm> Of(string taxonomy) =>
        [.. _byId.Values.Where(t => t.Taxonomy.Name == taxonomy).OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal)];

    /// <summary>Every term with its taxonomy, read from the database (<see cref="TermCatalogCache"/> does this once).</summary>
    public static async Task<TermCatalog> LoadAsync(SamlaDbContext db, CancellationToken ct) =>
        new(await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).ToListAsync(ct));

    /// <summary>No terms: for services written without their nested parts (HSDS without nested parts), which never look terms up.</summary>
    public static readonly TermCatalog Empty = new([]);
}

/// <summary>
/// The term catalogue held in memory, one per instance: read once, then read again only when the change feed has an
/// "everything" row (written whenever a taxonomy, a term or a municipality changes, and by a restore or a seed). Every
/// place that needs terms asks it (HSDS API, import, export, pages), so a request that filters by a term needs no
/// database round trip for the terms, and is answered from memory while the database is locked or silent.
/// </summary>
/// <remarks>
/// This instance's own changes reload it at once (the core's <see cref="ServiceChangeSignal"/> says when committed changes
/// included an "everything" row); other instances' within <see cref="PollInterval"/> (<see cref="TermCatalogRefresher"/>).
/// Feed ids come from a sequence, so on PostgreSQL a row may be committed after a higher id was read: the last
/// <see cref="GapWindow"/> ids are looked at again on every poll, and an "everything" row not seen before reloads.
/// </remarks>
public sealed class TermCatalogCache
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public const int GapWindow = 1_000;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly IOptions<ServiceChangeOptions> feedOptions;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile TermCatalog? current;
    private long generation;
    private long position;
    private HashSet<long> seen = [];
    private DateTime lastRead;

    public TermCatalogCache(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ServiceChangeOptions> feedOptions, ServiceChangeSignal signal)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.feedOptions = feedOptions;
        signal.SubscribeEverything(Invalidate);
    }

    /// <summary>The catalogue: from memory, read from the database only the first time and after a change to it.</summary>
    public ValueTask<TermCatalog> GetAsync(CancellationToken ct) => current is { } c ? ValueTask.FromResult(c) : new(LoadAsync(ct));

    /// <summary>How many times the catalogue was read from the database (for tests: a filtered request must not read it).</summary>
    public int Loads { get; private set; }

    /// <summary>Drops the catalogue: the next request reads it again (after this instance committed an "everything" row).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }

    /// <summary>Reads the change feed and reloads the catalogue when it changed since it was read; loads it if it never was.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (current is null)
            {
                await LoadLockedAsync(ct);
                return;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            // Not read for longer than the feed keeps its rows: a change may have been pruned away unseen.
            var behind = now - lastRead > TimeSpan.FromMinutes(feedOptions.Value.KeepMinutes / 2.0);
            await using var scope = scopes.CreateAsyncScope();
            var (max, everything) = await ReadFeedAsync(scope.ServiceProvider.GetRequiredService<SamlaDbContext>(), ct);
            if (behind || everything.Any(id => !seen.Contains(id)))
            {
                await LoadLockedAsync(ct);
                return;
            }
            position = max;
            seen = everything;
            lastRead = now;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TermCatalog> LoadAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            return current ?? await LoadLockedAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TermCatalog> LoadLockedAsync(CancellationToken ct)
    {
        while (true)
        {
            var started = Interlocked.Read(ref generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            // Where the feed stands before the terms are read: an "everything" row committed later reloads again.
            var (max, everything) = await ReadFeedAsync(db, ct);
            var catalog = await TermCatalog.LoadAsync(db, ct);
            Loads++;
            // Invalidated while reading (a change committed meanwhile): what was read may be older than the change.
            if (Interlocked.Read(ref generation) != started) continue;
            position = max;
            seen = everything;
            lastRead = clock.GetUtcNow().UtcDateTime;
            current = catalog;
            return catalog;
        }
    }

    /// <summary>The newest feed id, and the "everything" rows among the last <see cref="GapWindow"/> ids before the one last read and all after it.</summary>
    private async Task<(long Max, HashSet<long> Everything)> ReadFeedAsync(SamlaDbContext db, CancellationToken ct)
    {
        var feed = db.Set<ServiceChange>().AsNoTracking();
        var max = await feed.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var from = (position == 0 ? max : Math.Min(position, max)) - GapWindow;
        var everything = await feed.Where(c => c.Id > from && c.Scope == ServiceChangeScope.Everything).Select(c => c.Id).ToListAsync(ct);
        return (max, [.. everything]);
    }
}

/// <summary>Reads the term catalogue at start and keeps it current with the other instances' changes by polling the change feed.</summary>
public sealed class TermCatalogRefresher(TermCatalogCache catalog, ILogger<TermCatalogRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await catalog.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be migrating or briefly away: keep the catalogue read last and try again.
                logger.LogDebug(ex, "Term catalogue refresh failed; retrying");
            }
            await Task.Delay(TermCatalogCache.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
