using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
/// record is compared column by column with what the database holds (<see cref="ImportComparer"/>), or found unchanged
/// without reading it when its stored fingerprint is the record's (<see cref="ImportFingerprint"/>); only differing
/// records are written, so importing a file twice changes nothing the second time.
/// Audit: new services, organisations and locations get one "create" entry each (a full per-row trail
/// would triple the rows of a large import); changes to existing ones go through the normal per-field audit.
/// </remarks>
public sealed class ImportHsdsFile(SamlaDbContext db, AuditActor actor, IOptions<ImportOptions> options, TermCatalogCache termCatalog)
{
    public const int BatchSize = 1000;
    public const int MaxProblems = 10_000;
    private BulkWriter? _bulk;
    private readonly ImportComparer _compare = new(db.Model);

    public async Task<ImportResult> RunAsync(string path, bool dryRun, string actorName, string? actorUserId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        db.UseLongCommandTimeout();
        var result = new ImportResult();
        var limits = options.Value;
        var format = ImportReaders.Detect(path, result.Problems, limits);
        result.Format = format;
        if (format is null) return result;

        actor.Use(actorName, actorUserId);
        var lookups = new ImportLookups(
            await termCatalog.GetAsync(ct),
            await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct),
            [.. await db.Organizations.Select(o => o.Id).ToListAsync(ct)],
            [.. await db.Locations.Select(l => l.Id).ToListAsync(ct)],
            (await db.Organizations.Select(o => new { o.Name, o.Id }).ToListAsync(ct))
                .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Min(o => o.Id), StringComparer.OrdinalIgnoreCase));
        // Which ids the database already holds, read once: a batch asks the database only about those (a fresh import asks nothing).
        var known = new KnownIds([.. await db.Services.Select(s => s.Id).ToListAsync(ct)], [.. lookups.OrganizationIds], [.. lookups.LocationIds]);
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
        var records = 0;
        await foreach (var record in ImportReaders.ReadAsync(path, format.Value, lookups, ct, limits))
        {
            if (++records > limits.MaxRecords)
            {
                Add(result, new ImportProblem(record.File, record.Line, record.IsRecordNumber, null, "Problem_TooManyRows", limits.MaxRecords));
                break;
            }
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
                await TryApplyAsync(batch, result, known, handledOrgs, handledLocations, record.File, record.IsRecordNumber, ct);
                batch.Clear();
            }
        }
        if (result.IsValid && batch.Count > 0) await TryApplyAsync(batch, result, known, handledOrgs, handledLocations, null, false, ct);

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
    private async Task TryApplyAsync(List<(int Line, DesiredService Desired)> batch, ImportResult result, KnownIds known,
        HashSet<Guid> handledOrgs, HashSet<Guid> handledLocations, string? file, bool isRecordNumber, CancellationToken ct)
    {
        try
        {
            await ApplyAsync(batch, result, known, handledOrgs, handledLocations, ct);
        }
        // The database being unavailable is not a problem with the data: it propagates (503, try again; DatabaseFaults).
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException && !DatabaseUnavailable.Is(ex))
        {
            db.ChangeTracker.Clear();
            Add(result, new ImportProblem(file, batch[0].Line, isRecordNumber, null, "Problem_SaveFailed",
                batch[0].Line, batch[^1].Line, (ex.InnerException ?? ex).Message));
        }
    }

    private async Task ApplyAsync(List<(int Line, DesiredService Desired)> batch, ImportResult result, KnownIds known,
        HashSet<Guid> handledOrgs, HashSet<Guid> handledLocations, CancellationToken ct)
    {
        // Which services are unchanged since the import last wrote or checked them: their stored fingerprint is the record's
        // (the database clears it on any later change, see ImportFingerprint). Only the others are read, without tracking,
        // and compared column by column; only rows that differ are read again, tracked, and updated.
        // The ids go to the database as one parameter: see ServicesQuery.
        var fingerprints = batch.Select(b => _compare.Fingerprint(b.Desired.Service)).ToList();
        var serviceIds = batch.Select(b => b.Desired.Service.Id).Where(known.Services.Contains).ToList();
        var stored = serviceIds.Count == 0 ? [] : await ImportFingerprint.ReadAsync(db, serviceIds, ct);
        var unchanged = new HashSet<Guid>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (stored.TryGetValue(batch[i].Desired.Service.Id, out var f) && f == fingerprints[i]) unchanged.Add(batch[i].Desired.Service.Id);
        }
        var toRead = serviceIds.Where(id => !unchanged.Contains(id)).ToList();
        var existing = toRead.Count == 0 ? [] : await ReadServicesAsync(toRead, ct);
        var store = new List<(Guid Id, Guid Fingerprint)>();

        // Organisations and locations: the first record that brings one decides its content for this import.
        var orgs = batch.Select(b => b.Desired.Organization).OfType<Organization>().Where(o => handledOrgs.Add(o.Id)).ToList();
        var orgIds = orgs.Select(o => o.Id).Where(known.Organizations.Contains).ToList();
        var existingOrgs = orgIds.Count == 0 ? [] : await OrganizationsQuery(orgIds).AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var locations = batch.SelectMany(b => b.Desired.Locations).Where(l => handledLocations.Add(l.Id)).ToList();
        var locationIds = locations.Select(l => l.Id).Where(known.Locations.Contains).ToList();
        var existingLocations = locationIds.Count == 0 ? [] : await LocationsQuery(locationIds).AsNoTracking().ToDictionaryAsync(l => l.Id, ct);

        // Phase 1: new rows, written in _bulk, with one audit entry per new service, organisation and location.
        var changeSet = Guid.NewGuid();
        AuditEntry Created(string type, Guid id, string name, Guid? orgId) => db.AuditEntryFor(type, id, "create", "*", null, name, orgId, changeSet);
        _bulk ??= new BulkWriter(db);
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
        for (var i = 0; i < batch.Count; i++)
        {
            var (line, desired) = batch[i];
            var s = desired.Service;
            if (unchanged.Contains(s.Id))
            {
                result.Unchanged++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Unchanged));
            }
            else if (!existing.TryGetValue(s.Id, out var current))
            {
                store.Add((s.Id, fingerprints[i]));
                await _bulk.AddServiceAsync(s, ct);
                await _bulk.AddAsync(Created(nameof(Service), s.Id, s.Name, s.OrganizationId), ct);
                result.Created++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Created));
            }
            else if (_compare.SameService(current, s))
            {
                store.Add((s.Id, fingerprints[i]));
                result.Unchanged++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Unchanged));
            }
            else
            {
                updates.Add((current, s));
                store.Add((s.Id, fingerprints[i]));
                result.Updated++;
                result.Records.Add(new RecordPreview(line, s.Id, s.Name, RecordOutcome.Updated));
            }
        }

        await _bulk.FlushAsync(ct);
        foreach (var (line, desired) in batch) known.Add(desired);

        // Phase 2: changes to existing rows, read again with tracking and audited field by field by SaveChanges.
        var changedOrgs = orgs.Where(o => existingOrgs.TryGetValue(o.Id, out var current) && !_compare.SameOrganization(current, o)).ToList();
        var trackedOrgs = changedOrgs.Count == 0 ? [] : await OrganizationsQuery([.. changedOrgs.Select(o => o.Id)]).ToDictionaryAsync(o => o.Id, ct);
        foreach (var org in changedOrgs)
        {
            var current = trackedOrgs[org.Id];
            CopyScalars(current, org);
            SyncContacts(current.Contacts, org.Contacts);
            Sync(current.Phones, org.Phones);
            result.OrganizationsChanged++;
        }
        var changedLocations = locations.Where(l => existingLocations.TryGetValue(l.Id, out var current) && !_compare.SameLocation(current, l)).ToList();
        var trackedLocations = changedLocations.Count == 0 ? [] : await LocationsQuery([.. changedLocations.Select(l => l.Id)]).ToDictionaryAsync(l => l.Id, ct);
        foreach (var location in changedLocations)
        {
            var current = trackedLocations[location.Id];
            CopyScalars(current, location);
            Sync(current.Addresses, location.Addresses);
            result.LocationsChanged++;
        }
        var trackedServices = updates.Count == 0 ? [] : await ServicesQuery([.. updates.Select(u => u.Existing.Id)]).ToDictionaryAsync(s => s.Id, ct);
        foreach (var (untracked, desired) in updates)
        {
            var current = trackedServices[untracked.Id];
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
        // Last, after every write of this batch (each of which cleared the fingerprints of the services it touched).
        await ImportFingerprint.StoreAsync(db, store, ct);
    }

    /// <summary>Ids of rows the database holds (read at the start, then what this import adds).</summary>
    private sealed record KnownIds(HashSet<Guid> Services, HashSet<Guid> Organizations, HashSet<Guid> Locations)
    {
        public void Add(DesiredService desired)
        {
            Services.Add(desired.Service.Id);
            if (desired.Organization is { } org) Organizations.Add(org.Id);
            foreach (var l in desired.Locations) Locations.Add(l.Id);
        }
    }

    // The ids go to the database as ONE parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL). EF Core 10's
    // default expands a list into one parameter per value, and naming those parameters is quadratic in their number (they
    // are numbered on across the split query's eight statements: dotnet/efcore#37152): a batch of 1 000 ids spent about a
    // second in EF's query pipeline, which made an unchanged re-import five times as slow as a fresh import.
    private IQueryable<Service> ServicesQuery(List<Guid> ids) => db.Services.Where(s => EF.Parameter(ids).Contains(s.Id))
        .Include(s => s.ServiceAreas).Include(s => s.Languages).Include(s => s.Attributes)
        .Include(s => s.ServiceAtLocations).Include(s => s.Contacts).ThenInclude(c => c.Phones)
        .Include(s => s.Phones).Include(s => s.Schedules).AsSplitQuery();

    /// <summary>
    /// The services of a batch with their child rows, untracked, for the comparison: one query per table, each filtered
    /// on its own ServiceId column, so every table is read through its ServiceId index. (The split query of
    /// <see cref="ServicesQuery"/> joins each child table to Services and filters Services; PostgreSQL then scans the
    /// whole child table for a batch, which grows with the database.)
    /// </summary>
    private async Task<Dictionary<Guid, Service>> ReadServicesAsync(List<Guid> ids, CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        void Attach<T>(List<T> rows, Func<T, Guid?> serviceId, Func<Service, List<T>> list)
        {
            foreach (var row in rows)
            {
                if (serviceId(row) is { } id && services.TryGetValue(id, out var service)) list(service).Add(row);
            }
        }
        Attach(await db.ServiceAreas.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(ct), x => x.ServiceId, s => s.ServiceAreas);
        Attach(await db.Languages.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(ct), x => x.ServiceId, s => s.Languages);
        Attach(await db.ServiceAttributes.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(ct), x => x.ServiceId, s => s.Attributes);
        Attach(await db.ServiceAtLocations.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId)).ToListAsync(ct), x => x.ServiceId, s => s.ServiceAtLocations);
        Attach(await db.Schedules.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToListAsync(ct), x => x.ServiceId, s => s.Schedules);
        Attach(await db.Phones.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToListAsync(ct), x => x.ServiceId, s => s.Phones);
        var contacts = await db.Contacts.AsNoTracking().Where(x => x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)).ToListAsync(ct);
        Attach(contacts, x => x.ServiceId, s => s.Contacts);
        if (contacts.Count > 0)
        {
            var byId = contacts.ToDictionary(c => c.Id);
            var contactIds = byId.Keys.ToList();
            foreach (var phone in await db.Phones.AsNoTracking().Where(x => x.ContactId != null && EF.Parameter(contactIds).Contains(x.ContactId.Value)).ToListAsync(ct))
            {
                byId[phone.ContactId!.Value].Phones.Add(phone);
            }
        }
        return services;
    }

    private IQueryable<Organization> OrganizationsQuery(List<Guid> ids) => db.Organizations.Where(o => EF.Parameter(ids).Contains(o.Id))
        .Include(o => o.Contacts).ThenInclude(c => c.Phones).Include(o => o.Phones).AsSplitQuery();

    private IQueryable<Location> LocationsQuery(List<Guid> ids) => db.Locations.Where(l => EF.Parameter(ids).Contains(l.Id)).Include(l => l.Addresses);

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
