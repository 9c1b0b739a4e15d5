using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>What a <see cref="ServiceChange"/> row points at; the reader resolves it to the services concerned.</summary>
public enum ServiceChangeScope
{
    /// <summary>One service (its own row or one of its child rows changed).</summary>
    Service = 0,

    /// <summary>Every service of an organisation (its name or whether it is active changed).</summary>
    Organization = 1,

    /// <summary>Every service held at a location (its municipality changed).</summary>
    Location = 2,

    /// <summary>Every service held at one service-at-location row (a schedule of that place changed).</summary>
    Place = 3,

    /// <summary>Everything (a restore, a seed, the term catalogue, a forced rebuild): readers rebuild whole.</summary>
    Everything = 4,
}

/// <summary>
/// The change feed: one small row per changed service (or organisation, location, or "everything"), written in the same
/// transaction as the change, with an id that only grows. Every instance reads the rows after the last id it saw
/// (a primary-key range, so the cost does not grow with the number of services) and brings what depends on the
/// directory up to date; rows older than <see cref="ServiceChangeOptions.KeepMinutes"/> are pruned by a scheduled job.
/// </summary>
public sealed class ServiceChange : INotAudited
{
    public long Id { get; set; }
    public ServiceChangeScope Scope { get; set; }
    public Guid? RefId { get; set; }
    public DateTime ChangedAt { get; set; }

    public static ServiceChange Of(ServiceChangeScope scope, Guid? id, DateTime now) => new() { Scope = scope, RefId = id, ChangedAt = now };
}

public sealed class ServiceChangeConfiguration : IEntityTypeConfiguration<ServiceChange>
{
    public void Configure(EntityTypeBuilder<ServiceChange> b)
    {
        b.ToTable("ServiceChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.HasIndex(c => c.ChangedAt);
    }
}

/// <summary>Section <c>Samla:ServiceChanges</c>: how long the change feed keeps its rows.</summary>
public sealed class ServiceChangeOptions
{
    public const string Section = "Samla:ServiceChanges";

    [System.ComponentModel.DataAnnotations.Range(5, 10_080, ErrorMessage = "Samla:ServiceChanges:KeepMinutes must be a whole number of minutes from 5 to 10080 (60 is usual).")]
    public int KeepMinutes { get; set; } = 60;
}

/// <summary>
/// In-process: "this instance has just committed changes to services". Whoever keeps a copy of the directory
/// (the search index) subscribes and reads the feed at once, so that the person who made the change sees it in the
/// answer to the very request that made it. Other instances learn of it by polling the feed.
/// </summary>
public sealed class ServiceChangeSignal
{
    private readonly List<Func<CancellationToken, Task>> handlers = [];
    private readonly List<Action> everything = [];

    public void Subscribe(Func<CancellationToken, Task> handler)
    {
        lock (handlers) handlers.Add(handler);
    }

    /// <summary>Called (before the other handlers) when the committed changes include an "everything" row (the term catalogue, a restore, a seed).</summary>
    public void SubscribeEverything(Action handler)
    {
        lock (handlers) everything.Add(handler);
    }

    public async Task NotifyAsync(CancellationToken ct, bool everythingChanged = false)
    {
        Func<CancellationToken, Task>[] copy;
        Action[] first;
        lock (handlers)
        {
            copy = [.. handlers];
            first = everythingChanged ? [.. everything] : [];
        }
        foreach (var h in first) h();
        foreach (var h in copy) await h(ct);
    }
}

/// <summary>
/// Writes the change feed: on every SaveChanges, the services touched by the tracked changes become
/// <see cref="ServiceChange"/> rows of the same save (so of the same transaction); once the change is committed
/// (after the save, or after the caller's transaction commits) the <see cref="ServiceChangeSignal"/> fires. Rows
/// written in bulk outside SaveChanges are recorded by their writer (<see cref="ServiceChangeFeed.Written"/>).
/// </summary>
public sealed class ServiceChangeInterceptor(ServiceChangeSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>A save touching more services than this writes one "everything" row instead (a restore, a large import batch).</summary>
    public const int MaxRowsPerSave = 5_000;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Committed(eventData.Context, out var everything)) signal.NotifyAsync(CancellationToken.None, everything).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Committed(eventData.Context, out var everything)) await signal.NotifyAsync(cancellationToken, everything);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) ServiceChangeFeed.Forget(eventData.Context, out _);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (ServiceChangeFeed.Forget(eventData.Context, out var everything)) signal.NotifyAsync(CancellationToken.None, everything).GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (ServiceChangeFeed.Forget(eventData.Context, out var everything)) await signal.NotifyAsync(cancellationToken, everything);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ServiceChangeFeed.Forget(eventData.Context, out _);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ServiceChangeFeed.Forget(eventData.Context, out _);
        return Task.CompletedTask;
    }

    /// <summary>After a save: whether it wrote feed rows that are committed now (no transaction of the caller's still open).</summary>
    private static bool Committed(DbContext? context, out bool everything)
    {
        everything = false;
        return context is not null && context.Database.CurrentTransaction is null && ServiceChangeFeed.Forget(context, out everything);
    }

    private static void Collect(DbContext? context)
    {
        if (context is not SamlaDbContext db) return;
        var refs = new HashSet<(ServiceChangeScope, Guid?)>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (e.Entity)
            {
                case Service s: refs.Add((ServiceChangeScope.Service, s.Id)); break;
                case Organization o when e.State != EntityState.Added: refs.Add((ServiceChangeScope.Organization, o.Id)); break;
                case Location l when e.State != EntityState.Added: refs.Add((ServiceChangeScope.Location, l.Id)); break;
                case ServiceAtLocation x: refs.Add((ServiceChangeScope.Service, x.ServiceId)); break;
                case Language x: refs.Add((ServiceChangeScope.Service, x.ServiceId)); break;
                case ServiceArea x: refs.Add((ServiceChangeScope.Service, x.ServiceId)); break;
                case ServiceAttribute x: refs.Add((ServiceChangeScope.Service, x.ServiceId)); break;
                case Schedule { ServiceId: { } id }: refs.Add((ServiceChangeScope.Service, id)); break;
                case Schedule { ServiceAtLocationId: { } place }: refs.Add((ServiceChangeScope.Place, place)); break;
                case TaxonomyTerm or Taxonomy or Municipality: refs.Add((ServiceChangeScope.Everything, null)); break;
            }
        }
        if (refs.Count == 0) return;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (refs.Count > MaxRowsPerSave || refs.Contains((ServiceChangeScope.Everything, null)))
        {
            db.Add(ServiceChange.Of(ServiceChangeScope.Everything, null, now));
            ServiceChangeFeed.Written(db, everything: true);
            return;
        }
        foreach (var (scope, id) in refs) db.Add(ServiceChange.Of(scope, id, now));
        ServiceChangeFeed.Written(db);
    }
}

/// <summary>For writers that bypass SaveChanges (bulk inserts, raw SQL): record what they changed.</summary>
public static class ServiceChangeFeed
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Marker = new();
    private static readonly object EverythingMarker = new();

    /// <summary>
    /// Marks feed rows as written by <paramref name="db"/>: the signal fires when they are committed (with
    /// <paramref name="everything"/>: they include an "everything" row, so in-memory copies of the term catalogue reload).
    /// </summary>
    public static void Written(DbContext db, bool everything = false)
    {
        if (everything) Pending.AddOrUpdate(db, EverythingMarker);
        else Pending.TryAdd(db, Marker);
    }

    internal static bool Forget(DbContext? db, out bool everything)
    {
        everything = false;
        if (db is null || !Pending.TryGetValue(db, out var marker)) return false;
        everything = ReferenceEquals(marker, EverythingMarker);
        return Pending.Remove(db);
    }

    /// <summary>Adds an "everything changed" row and saves it (after a seed, a restore, or to force every instance to rebuild).</summary>
    public static async Task RecordEverythingAsync(SamlaDbContext db, CancellationToken ct)
    {
        db.Add(ServiceChange.Of(ServiceChangeScope.Everything, null, db.Clock.GetUtcNow().UtcDateTime));
        Written(db, everything: true);
        await db.SaveChangesAsync(ct);
    }

    public static IServiceCollection AddServiceChanges(this IServiceCollection services)
    {
        services.AddOptions<ServiceChangeOptions>().BindConfiguration(ServiceChangeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceChangeSignal>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ServiceChangeInterceptor>();
        services.AddScheduledJob<ServiceChangePruneJob>();
        return services;
    }
}

/// <summary>Every ten minutes: deletes feed rows older than <see cref="ServiceChangeOptions.KeepMinutes"/> (always keeping the newest, so ids never restart).</summary>
public sealed class ServiceChangePruneJob(TimeProvider clock, Microsoft.Extensions.Options.IOptions<ServiceChangeOptions> options) : IScheduledJob
{
    public string Name => "service-changes-prune";

    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var db = scopedServices.GetRequiredService<SamlaDbContext>();
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.KeepMinutes);
        var newest = await db.Set<ServiceChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        await ExpiredRows.DeleteInBatchesAsync(db.Set<ServiceChange>().Where(c => c.ChangedAt < before && c.Id < newest), c => c.Id, ct);
    }
}
