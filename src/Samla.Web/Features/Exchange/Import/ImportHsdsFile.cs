using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// Imports services from a file (HSDS JSON/NDJSON, tabular data package, Samla template), all or nothing.
/// </summary>
/// <remarks>
/// All or nothing: the whole import runs in one database transaction. Records are read, checked and
/// written a thousand at a time so that memory stays flat; as soon as one record has a problem no more
/// are written, the rest are still checked so that every problem is listed, and the transaction is
/// rolled back. A dry run does the same and always rolls back, so its preview is exact.
/// Idempotence: ids are kept as given (children without ids get ids derived from their parent), and a
/// record is compared with what the database holds through the same HSDS mapping the export uses; only
/// differing records are written, so importing a file twice changes nothing the second time.
/// Audit: new services, organisations and locations get one "create" entry each (a full per-row trail
/// would triple the rows of a large import); changes to existing ones go through the normal per-field audit.
/// </remarks>
public sealed class ImportHsdsFile(SamlaDbContext db, AuditActor actor)
{
    public const int BatchSize = 1000;
    public const int MaxProblems = 10_000;
    private BulkInsert? _bulk;

    public async Task<ImportResult> RunAsync(string path, bool dryRun, string actorName, string? actorUserId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        db.UseLongCommandTimeout();
        var result = new ImportResult();
        var format = ImportReaders.Detect(path, result.Problems);
        result.Format = format;
        if (format is null) return result;

        actor.Use(actorName, actorUserId);
        var lookups = new ImportLookups(
            await TermCatalog.LoadAsync(db, ct),
            await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct),
            [.. await db.Organizations.Select(o => o.Id).ToListAsync(ct)],
            [.. await db.Locations.Select(l => l.Id).ToListAsync(ct)],
            (await db.Organizations.Select(o => new { o.Name, o.Id }).ToListAsync(ct))
                .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Min(o => o.Id), StringComparer.OrdinalIgnoreCase));
        var seenServices = new Dictionary<Guid, int>();
        var handledOrgs = new HashSet<Guid>();
        var handledLocations = new HashSet<Guid>();
        var batch = new List<(int Line, DesiredService Desired)>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A large import inserts rows with random (UUID) keys all over the indexes: a bigger page cache
            // for this connection keeps them in memory instead of re-reading pages (default is 2 MB).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await foreach (var record in ImportReaders.ReadAsync(path, format.Value, lookups, ct))
        {
            foreach (var p in record.Problems) Add(result, p);
            if (record.Service is not { } dto) continue;
            DesiredService? desired = null;
            if (dto.Id != Guid.Empty && seenServices.TryGetValue(dto.Id, out var firstLine))
            {
                Add(result, new ImportProblem(record.File, record.Line, record.IsRecordNumber, "id", "Problem_DuplicateId", dto.Id, firstLine));
            }
            else
            {
                if (dto.Id != Guid.Empty) seenServices[dto.Id] = record.Line;
                desired = ServiceBuilder.Build(dto, lookups, (field, key, args) =>
                    Add(result, new ImportProblem(record.File, record.Line, record.IsRecordNumber, field, key, args)));
            }
            if (desired is null) continue;
            // Later records may refer to what this one brings.
            if (desired.Organization is { } org) lookups.OrganizationIds.Add(org.Id);
            foreach (var l in desired.Locations) lookups.LocationIds.Add(l.Id);
            if (!result.IsValid) continue;
            batch.Add((record.Line, desired));
            if (batch.Count >= BatchSize)
            {
                await TryApplyAsync(batch, result, handledOrgs, handledLocations, record.File, record.IsRecordNumber, ct);
                batch.Clear();
            }
        }
        if (result.IsValid && batch.Count > 0) await TryApplyAsync(batch, result, handledOrgs, handledLocations, null, false, ct);

        if (result.IsValid && !dryRun)
        {
            await tx.CommitAsync(ct);
            result.Written = true;
            await DatabaseInitializer.RefreshStatisticsAsync(db, ct);
        }
        else
        {
            await tx.RollbackAsync(ct);
        }
        db.ChangeTracker.Clear();
        _bulk?.Dispose();
        _bulk = null;
        await db.Database.CloseConnectionAsync();
        result.Elapsed = watch.Elapsed;
        return result;
    }

    private static void Add(ImportResult result, ImportProblem problem)
    {
        if (result.Problems.Count < MaxProblems) result.Problems.Add(problem);
        else if (result.Problems.Count == MaxProblems) result.Problems.Add(problem with { Key = "Problem_TooMany", Field = null, Args = [MaxProblems] });
    }

    /// <summary>Writes a batch; a conflict the checks cannot see (an id already used by other data) becomes a problem, not a crash.</summary>
    private async Task TryApplyAsync(List<(int Line, DesiredService Desired)> batch, ImportResult result,
        HashSet<Guid> handledOrgs, HashSet<Guid> handledLocations, string? file, bool isRecordNumber, CancellationToken ct)
    {
        try
        {
            await ApplyAsync(batch, result, handledOrgs, handledLocations, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            db.ChangeTracker.Clear();
            Add(result, new ImportProblem(file, batch[0].Line, isRecordNumber, null, "Problem_SaveFailed",
                batch[0].Line, batch[^1].Line, (ex.InnerException ?? ex).Message));
        }
    }

    private async Task ApplyAsync(List<(int Line, DesiredService Desired)> batch, ImportResult result,
        HashSet<Guid> handledOrgs, HashSet<Guid> handledLocations, CancellationToken ct)
    {
        var serviceIds = batch.Select(b => b.Desired.Service.Id).ToList();
        var existing = await db.Services.Where(s => serviceIds.Contains(s.Id))
            .Include(s => s.ServiceAreas).Include(s => s.Languages).Include(s => s.Attributes)
            .Include(s => s.ServiceAtLocations).Include(s => s.Contacts).ThenInclude(c => c.Phones)
            .Include(s => s.Phones).Include(s => s.Schedules).AsSplitQuery()
            .ToDictionaryAsync(s => s.Id, ct);

        // Organisations and locations: the first record that brings one decides its content for this import.
        var orgs = batch.Select(b => b.Desired.Organization).OfType<Organization>().Where(o => handledOrgs.Add(o.Id)).ToList();
        var orgIds = orgs.Select(o => o.Id).ToList();
        var existingOrgs = await db.Organizations.Where(o => orgIds.Contains(o.Id))
            .Include(o => o.Contacts).ThenInclude(c => c.Phones).Include(o => o.Phones).AsSplitQuery().ToDictionaryAsync(o => o.Id, ct);
        var locations = batch.SelectMany(b => b.Desired.Locations).Where(l => handledLocations.Add(l.Id)).ToList();
        var locationIds = locations.Select(l => l.Id).ToList();
        var existingLocations = await db.Locations.Where(l => locationIds.Contains(l.Id)).Include(l => l.Addresses).ToDictionaryAsync(l => l.Id, ct);

        // Phase 1: new rows, written in _bulk, with one audit entry per new service, organisation and location.
        var changeSet = Guid.NewGuid();
        AuditEntry Created(string type, Guid id, string name, Guid? orgId) => db.AuditEntryFor(type, id, "create", "*", null, name, orgId, changeSet);
        _bulk ??= new BulkInsert(db);
        foreach (var org in orgs.Where(o => !existingOrgs.ContainsKey(o.Id)))
        {
            await _bulk.AddOrganizationAsync(org, ct);
            await _bulk.AddAsync(Created(nameof(Organization), org.Id, org.Name, org.Id), ct);
            result.OrganizationsChanged++;
        }
        foreach (var location in locations.Where(l => !existingLocations.ContainsKey(l.Id)))
        {
            await _bulk.AddLocationAsync(location, ct);
            await _bulk.AddAsync(Created(nameof(Location), location.Id, location.Name ?? "", location.OrganizationId), ct);
            result.LocationsChanged++;
        }
        var updates = new List<(Service Existing, Service Desired)>();
        foreach (var (line, desired) in batch)
        {
            var s = desired.Service;
            if (!existing.TryGetValue(s.Id, out var current))
            {
                await _bulk.AddServiceAsync(s, ct);
                await _bulk.AddAsync(Created(nameof(Service), s.Id, s.Name, s.OrganizationId), ct);
                result.Created++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Created));
            }
            else if (Same(current, s))
            {
                result.Unchanged++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Unchanged));
            }
            else
            {
                updates.Add((current, s));
                result.Updated++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Updated));
            }
        }

        // Phase 2: changes to existing rows, audited field by field by SaveChanges.
        foreach (var org in orgs.Where(o => existingOrgs.ContainsKey(o.Id)))
        {
            var current = existingOrgs[org.Id];
            if (Json(HsdsMapping.ToHsds(current, HsdsWriteOptions.Export)) == Json(HsdsMapping.ToHsds(org, HsdsWriteOptions.Export))) continue;
            CopyScalars(current, org);
            SyncContacts(current.Contacts, org.Contacts);
            Sync(current.Phones, org.Phones);
            result.OrganizationsChanged++;
        }
        foreach (var location in locations.Where(l => existingLocations.ContainsKey(l.Id)))
        {
            var current = existingLocations[location.Id];
            if (Json(HsdsMapping.ToHsds(current)) == Json(HsdsMapping.ToHsds(location))) continue;
            CopyScalars(current, location);
            Sync(current.Addresses, location.Addresses);
            result.LocationsChanged++;
        }
        foreach (var (current, desired) in updates)
        {
            CopyScalars(current, desired);
            Sync(current.ServiceAreas, desired.ServiceAreas);
            Sync(current.Languages, desired.Languages);
            Sync(current.Attributes, desired.Attributes);
            Sync(current.ServiceAtLocations, desired.ServiceAtLocations);
            SyncContacts(current.Contacts, desired.Contacts);
            Sync(current.Phones, desired.Phones.Where(p => p.ContactId is null).ToList());
            Sync(current.Schedules, desired.Schedules);
        }
        if (updates.Count > 0 || db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, HsdsJson.Options);

    /// <summary>Same content as the database, compared as HSDS (so as the export would write it), apart from the change time.</summary>
    private static bool Same(Service current, Service desired)
    {
        var empty = new TermCatalog([]);
        string Canonical(Service s)
        {
            var dto = HsdsMapping.ToHsds(s, empty, HsdsWriteOptions.Export);
            dto.LastModified = null;
            dto.Organization = null;
            foreach (var x in dto.ServiceAtLocations ?? []) x.Location = null;
            return Json(dto);
        }
        return Canonical(current) == Canonical(desired);
    }

    /// <summary>Copies the desired values onto the tracked entity; EF marks only fields that really differ.</summary>
    private void CopyScalars<T>(T current, T desired) where T : class
    {
        var entry = db.Entry(current);
        var desiredValues = entry.CurrentValues.Clone();
        var source = db.Entry(desired).Metadata; // same type; read values by property
        foreach (var p in source.GetProperties())
        {
            if (p.Name is nameof(IVersioned.Version) or nameof(IVersioned.CreatedAt) or nameof(IVersioned.LastModified)) continue;
            if (p.PropertyInfo is { } info) desiredValues[p] = info.GetValue(desired);
        }
        entry.CurrentValues.SetValues(desiredValues);
        db.Entry(desired).State = EntityState.Detached;
    }

    private void Sync<T>(List<T> current, List<T> desired) where T : class
    {
        var byId = current.ToDictionary(IdOf);
        foreach (var d in desired)
        {
            if (byId.Remove(IdOf(d), out var c)) CopyScalars(c, d);
            else db.Add(d);
        }
        foreach (var gone in byId.Values) db.Remove(gone);
    }

    private void SyncContacts(List<Contact> current, List<Contact> desired)
    {
        var byId = current.ToDictionary(c => c.Id);
        foreach (var d in desired)
        {
            if (byId.Remove(d.Id, out var c))
            {
                var phones = d.Phones;
                d.Phones = [];
                CopyScalars(c, d);
                Sync(c.Phones, phones);
            }
            else db.Add(d);
        }
        foreach (var gone in byId.Values) db.Remove(gone);
    }

    private Guid IdOf<T>(T entity) where T : class => (Guid)db.Entry(entity).Property("Id").CurrentValue!;
}
