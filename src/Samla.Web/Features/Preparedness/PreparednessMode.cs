using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Preparedness;

/// <summary>
/// "Preparedness mode" for a large reception: switched by a coordinator, stored as an AppSetting (so every
/// app instance sees it, and SaveChanges audits who switched it and when).
/// </summary>
/// <remarks>
/// Every page asks (the public notice in the layout, the error page included), so the answer is kept in memory for a
/// few seconds: a switch shows at once on the instance that made it and within <see cref="CacheFor"/> (and one request)
/// on the others, and pages need no database round trip. The answer never throws and never makes a page wait on the
/// database once a value is known: a stale value is answered while one refresh at a time runs in the background (in a
/// scope of its own), so a page answered from memory (search) keeps answering at once when the database is slow or
/// silent; when the refresh fails, the last known value holds for another <see cref="CacheFor"/>. Only the first page
/// after the start, with nothing known yet, reads it in its own request (and takes "off" if that fails).
/// </remarks>
public sealed class PreparednessMode(IServiceProvider services, PreparednessState state, TimeProvider clock, IOutputCacheStore outputCache,
    IServiceScopeFactory scopes, ILogger<PreparednessMode> log)
{
    public const string Key = "preparedness-mode";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    // Asked for only when the database is read: every page asks IsOnAsync, and almost always the remembered answer does.
    private SamlaDbContext Db => services.GetRequiredService<SamlaDbContext>();

    public async Task<bool> IsOnAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (known, checkedAt) = state.Read();
        if (known is { } fresh && now - checkedAt < CacheFor) return fresh;
        if (known is { } stale)
        {
            if (state.TryBeginRefresh()) _ = Task.Run(() => RefreshAsync(stale, now), CancellationToken.None);
            return stale;
        }
        try
        {
            var on = await ReadAsync(Db, ct);
            state.Write(on, now);
            return on;
        }
        catch (Exception ex)
        {
            // Fail soft: the notice must never take a page (or the error page) down with it.
            if (!ct.IsCancellationRequested)
            {
                log.LogWarning(ex, "Preparedness mode could not be read; taking it as off");
                state.Write(false, now);
            }
            return false;
        }
    }

    private static async Task<bool> ReadAsync(SamlaDbContext db, CancellationToken ct) =>
        await db.Set<AppSetting>().AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(ct) == "on";

    private async Task RefreshAsync(bool known, DateTimeOffset now)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            state.Write(await ReadAsync(scope.ServiceProvider.GetRequiredService<SamlaDbContext>(), CancellationToken.None), now);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Preparedness mode could not be read; keeping the last known value ({Known})", known);
            state.Write(known, now);
        }
        finally
        {
            state.EndRefresh();
        }
    }

    public async Task SetAsync(bool on, CancellationToken ct = default)
    {
        var setting = await Db.Set<AppSetting>().FirstOrDefaultAsync(s => s.Key == Key, ct);
        if (setting is null)
        {
            setting = new AppSetting { Key = Key };
            Db.Add(setting);
        }
        setting.Value = on ? "on" : "off";
        await Db.SaveChangesAsync(ct);
        state.Write(on, clock.GetUtcNow());
        // Cached public pages carry the notice (or its absence).
        await outputCache.EvictByTagAsync(Search.ServiceSearch.OutputCacheTag, ct);
    }

    /// <summary>When the mode was last switched, and by whom, from the audit log.</summary>
    public async Task<(DateTime When, string Who)?> LastChangeAsync(CancellationToken ct = default)
    {
        var entry = await Db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(AppSetting) && a.EntityId == Key)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Timestamp, a.UserName })
            .FirstOrDefaultAsync(ct);
        return entry is null ? null : (entry.Timestamp, entry.UserName);
    }
}

/// <summary>The last known preparedness mode of this instance (a singleton), shared by every request.</summary>
public sealed class PreparednessState
{
    private readonly Lock _gate = new();
    private bool? _known;
    private DateTimeOffset _checkedAt;
    private int _refreshing;

    public (bool? Known, DateTimeOffset CheckedAt) Read()
    {
        lock (_gate) return (_known, _checkedAt);
    }

    /// <summary>Keeps the value read (or set) at <paramref name="at"/>, unless a later one is kept already (a slow read after a switch).</summary>
    public void Write(bool on, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_known is not null && at < _checkedAt) return;
            _known = on;
            _checkedAt = at;
        }
    }

    public bool TryBeginRefresh() => Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0;

    public void EndRefresh() => Interlocked.Exchange(ref _refreshing, 0);
}

/// <summary>A service that can take more people in a large reception.</summary>
public sealed record SurgeService(
    Guid Id, string Name, Dictionary<string, Dictionary<string, string>> Translations, string Organization,
    Dictionary<string, Dictionary<string, string>> OrganizationTranslations,
    int SurgeCapacity, int? LeadTimeDays, bool IsStale, IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> TargetGroups, IReadOnlyList<string> Languages);

/// <summary>Loads the public services that state surge capacity, with their places, target groups and languages.</summary>
public sealed class FindSurgeServices(SamlaDbContext db, Freshness freshness)
{
    public async Task<IReadOnlyList<SurgeService>> RunAsync(string? county, CancellationToken ct)
    {
        var query = PublicVisibility.WherePublic(db.Services.AsNoTracking()).Where(s => s.SurgeCapacity > 0);
        if (county is not null)
        {
            var codes = await db.Municipalities.Where(m => m.CountyCode == county).Select(m => m.Code).ToListAsync(ct);
            query = query.Where(s => s.ServiceAreas.Any(a => codes.Contains(a.MunicipalityCode)));
        }
        var rows = await query
            .Select(s => new
            {
                s.Id, s.Name, s.Translations, Org = s.Organization.Name, OrgTranslations = s.Organization.Translations,
                Surge = s.SurgeCapacity!.Value, s.SurgeLeadTimeDays, s.AssuredDate,
                Areas = s.ServiceAreas.Select(a => a.MunicipalityCode).ToList(),
                Targets = s.Attributes.Where(a => a.TaxonomyTerm.Taxonomy.Name == ReferenceData.TargetGroups).Select(a => a.TaxonomyTerm.Code).ToList(),
                Languages = s.Languages.Select(l => l.Code).ToList(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new SurgeService(r.Id, r.Name, r.Translations, r.Org, r.OrgTranslations, r.Surge, r.SurgeLeadTimeDays,
                freshness.IsStale(r.AssuredDate), r.Areas, r.Targets, r.Languages))
            .OrderBy(r => r.LeadTimeDays ?? int.MaxValue).ThenByDescending(r => r.SurgeCapacity).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
