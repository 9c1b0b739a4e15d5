using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// A service's import fingerprint: the digest (<see cref="ImportComparer.Fingerprint"/>) of the content the importer last
/// wrote or found equal, in the shadow column <c>Services.ImportFingerprint</c>. A re-import whose record has the same
/// digest skips reading and comparing that service; any other record is read and compared in full.
/// </summary>
/// <remarks>
/// The column is cleared by the DATABASE, not by the application: triggers (migration <c>ImportFingerprint</c>, both
/// providers) set it to NULL whenever a row of the service (other than this column) or any of its child rows (areas,
/// languages, attributes, service at locations, schedules, contacts, phones of the service or of its contacts) is
/// inserted, updated or deleted, by whatever writer: SaveChanges, ExecuteUpdate/ExecuteDelete, BulkWriter, raw SQL,
/// restore, seeding. Only the importer sets it, in the same transaction, after its own writes.
/// Organisations and locations are not part of it; they are few and compared in full on every import.
/// </remarks>
public static class ImportFingerprint
{
    public const string Column = "ImportFingerprint";

    /// <summary>The fingerprints stored for these services (NULL: none, or cleared by a later change).</summary>
    public static async Task<Dictionary<Guid, Guid?>> ReadAsync(SamlaDbContext db, List<Guid> ids, CancellationToken ct) =>
        await db.Services.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new { s.Id, Fingerprint = EF.Property<Guid?>(s, Column) })
            .ToDictionaryAsync(s => s.Id, s => s.Fingerprint, ct);

    /// <summary>Stores fingerprints in one statement (call after the import's writes of these services).</summary>
    public static async Task StoreAsync(SamlaDbContext db, IReadOnlyList<(Guid Id, Guid Fingerprint)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (db.Database.IsSqlite())
        {
            // EF stores GUIDs on SQLite as upper-case text.
            var json = "[" + string.Join(",", rows.Select(r => $"[\"{r.Id.ToString().ToUpperInvariant()}\",\"{r.Fingerprint.ToString().ToUpperInvariant()}\"]")) + "]";
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE "Services" SET "ImportFingerprint" = v.f
                FROM (SELECT json_extract(value, '$[0]') AS i, json_extract(value, '$[1]') AS f FROM json_each(@rows)) AS v
                WHERE "Services"."Id" = v.i
                """, [new SqliteParameter("@rows", json)], ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE "Services" AS s SET "ImportFingerprint" = v.f
                FROM unnest(@ids, @fingerprints) AS v(i, f)
                WHERE s."Id" = v.i
                """, [new Npgsql.NpgsqlParameter("ids", rows.Select(r => r.Id).ToArray()),
                    new Npgsql.NpgsqlParameter("fingerprints", rows.Select(r => r.Fingerprint).ToArray())], ct);
        }
    }
}

/// <summary>The shadow column (the Service entity itself does not know it: nothing but the importer reads or writes it).</summary>
internal sealed class ImportFingerprintConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b) => b.Property<Guid?>(ImportFingerprint.Column);
}
