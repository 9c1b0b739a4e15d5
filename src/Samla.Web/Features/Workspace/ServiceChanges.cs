using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// Saves workspace changes to services: one audit change set per save, a full ServiceVersion snapshot per
/// changed service, and the version the editor saw as the concurrency check (both providers compare the
/// Version column in the UPDATE's WHERE clause).
/// </summary>
public sealed class ServiceChanges(SamlaDbContext db, TimeProvider clock)
{
    private readonly Guid _changeSet = Guid.NewGuid();

    /// <summary>Loads a service with every row a snapshot covers, tracked for change.</summary>
    public Task<Service?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Services
            .Include(s => s.Attributes)
            .Include(s => s.ServiceAreas)
            .Include(s => s.Languages)
            .Include(s => s.ServiceAtLocations)
            .Include(s => s.Phones)
            .Include(s => s.Schedules)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Stages a change to an existing service; <paramref name="seenVersion"/> is the version the user edited.</summary>
    public async Task StageAsync(Service service, int seenVersion, string action, WorkspaceCatalog catalog, ClaimsPrincipal user, Action<Service> change, CancellationToken ct)
    {
        if (!await db.ServiceVersions.AnyAsync(v => v.ServiceId == service.Id, ct))
        {
            // The service predates the workspace (demo data, import): keep its current state as the first version.
            var last = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Service) && a.EntityId == service.Id.ToString())
                .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
            db.ServiceVersions.Add(new ServiceVersion
            {
                ServiceId = service.Id, OrganizationId = service.OrganizationId, Version = service.Version, ChangeSetId = Guid.Empty,
                UserName = last ?? AuditActor.SystemName, Timestamp = service.LastModified, Action = "baseline",
                SnapshotJson = ServiceSnapshot.Capture(service, catalog).ToJson(),
            });
        }
        change(service);
        var entry = db.Entry(service);
        // Child-only changes (a language, a time) must still bump the service's version and be checked against it.
        entry.State = EntityState.Modified;
        entry.Property(s => s.OrganizationId).IsModified = false;
        entry.Property(s => s.Version).OriginalValue = seenVersion;
        AddVersion(service, seenVersion + 1, action, catalog, user);
    }

    public void StageNew(Service service, string action, WorkspaceCatalog catalog, ClaimsPrincipal user)
    {
        db.Services.Add(service);
        AddVersion(service, 1, action, catalog, user);
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        db.NextChangeSetId = _changeSet;
        await db.SaveChangesAsync(ct);
    }

    private void AddVersion(Service service, int version, string action, WorkspaceCatalog catalog, ClaimsPrincipal user) =>
        db.ServiceVersions.Add(new ServiceVersion
        {
            ServiceId = service.Id, OrganizationId = service.OrganizationId, Version = version, ChangeSetId = _changeSet,
            UserName = user.Identity?.Name ?? AuditActor.SystemName, Timestamp = clock.GetUtcNow().UtcDateTime, Action = action,
            SnapshotJson = ServiceSnapshot.Capture(service, catalog).ToJson(),
        });
}
