using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

public enum RestoreOutcome
{
    Restored,
    NotEmpty,
    NotABackup,
}

/// <summary>
/// Restores a backup written by <see cref="BackupDatabase"/> into this database, whichever provider wrote it,
/// in one transaction: either every row is in, or none. Like the backup it walks the EF model, so new
/// entity types are restored without changes here.
/// </summary>
public sealed class RestoreDatabase(SamlaDbContext db)
{
    /// <summary>Reference tables that migrate fills on every start; they (and roles, keys) do not make a database "non-empty".</summary>
    private static readonly HashSet<Type> Reference = [typeof(County), typeof(Municipality), typeof(Taxonomy), typeof(TaxonomyTerm)];

    public async Task<RestoreOutcome> RunAsync(string path, bool force, CancellationToken ct)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.GetEntry(BackupDatabase.ManifestName) is not { } manifestEntry) return RestoreOutcome.NotABackup;
        await using (var m = manifestEntry.Open())
        {
            using var manifest = await JsonDocument.ParseAsync(m, cancellationToken: ct);
            if (!manifest.RootElement.TryGetProperty("format", out var f) || f.GetString() != BackupDatabase.Format) return RestoreOutcome.NotABackup;
        }

        var types = BackupDatabase.Tables(db).ToList();
        if (!force)
        {
            foreach (var t in types.Where(t => !Reference.Contains(t.ClrType) && !BackupDatabase.IsSecretTable(t) && t.ClrType != typeof(Microsoft.AspNetCore.Identity.IdentityRole)))
            {
                if (await CountAsync(t, ct) > 0) return RestoreOutcome.NotEmpty;
            }
        }

        var ordered = InsertOrder(types);
        var audit = db.AuditEnabled;
        db.AuditEnabled = false; // the audit log itself is restored as it was
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Tables the backup does not hold (secrets left out, such as the app's data-protection keys) are kept.
            var inBackup = ordered.Where(t => zip.GetEntry($"tables/{t.ClrType.Name}.json") is not null).ToList();
            foreach (var t in Enumerable.Reverse(inBackup))
            {
                // A table that refers to itself with RESTRICT (SQLite checks that per row): cut the links first.
                foreach (var fk in t.GetForeignKeys().Where(fk => fk.PrincipalEntityType == t && fk.Properties.All(p => p.IsNullable)))
                {
                    var unlink = $"UPDATE {Quote(t)} SET {string.Join(", ", fk.Properties.Select(p => $"\"{p.GetColumnName()}\" = NULL"))}";
                    await db.Database.ExecuteSqlRawAsync(unlink, ct);
                }
                var delete = "DELETE FROM " + Quote(t); // names from the EF model, not from input
                await db.Database.ExecuteSqlRawAsync(delete, ct);
            }
            foreach (var t in ordered)
            {
                if (zip.GetEntry($"tables/{t.ClrType.Name}.json") is not { } entry) continue;
                await using var stream = entry.Open();
                using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                var rows = doc.RootElement.EnumerateArray().Select(r => ToEntity(t, r)).ToList();
                foreach (var chunk in SelfReferenceOrder(t, rows).Chunk(2000))
                {
                    foreach (var e in chunk) db.Add(e);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            if (db.Database.IsNpgsql()) await ResetSequencesAsync(types, ct);
            // Everything changed: every instance (this one once the transaction commits) rebuilds its search index.
            await ServiceChangeFeed.RecordEverythingAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.AuditEnabled = audit;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
        return RestoreOutcome.Restored;
    }

    private static string Quote(IEntityType t) =>
        t.GetSchema() is { } schema ? $"\"{schema}\".\"{t.GetTableName()}\"" : $"\"{t.GetTableName()}\"";

    private async Task<int> CountAsync(IEntityType t, CancellationToken ct)
    {
        var method = typeof(RestoreDatabase).GetMethod(nameof(CountRowsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(t.ClrType);
        return await (Task<int>)method.Invoke(this, [ct])!;
    }

    private Task<int> CountRowsAsync<T>(CancellationToken ct) where T : class => db.Set<T>().IgnoreQueryFilters().CountAsync(ct);

    private static object ToEntity(IEntityType t, JsonElement row)
    {
        var entity = Activator.CreateInstance(t.ClrType)!;
        foreach (var p in t.GetProperties())
        {
            if (!row.TryGetProperty(p.Name, out var value)) continue;
            var clr = value.Deserialize(p.ClrType, BackupDatabase.Json);
            if (p.PropertyInfo is { } info) info.SetValue(entity, clr);
            else p.FieldInfo?.SetValue(entity, clr);
        }
        return entity;
    }

    /// <summary>Principals before dependents, so that foreign keys hold while rows go in.</summary>
    private static List<IEntityType> InsertOrder(List<IEntityType> types)
    {
        var result = new List<IEntityType>();
        var done = new HashSet<IEntityType>();
        void Visit(IEntityType t, HashSet<IEntityType> path)
        {
            if (done.Contains(t) || !path.Add(t)) return;
            foreach (var fk in t.GetForeignKeys())
            {
                if (fk.PrincipalEntityType != t && types.Contains(fk.PrincipalEntityType)) Visit(fk.PrincipalEntityType, path);
            }
            done.Add(t);
            result.Add(t);
        }
        foreach (var t in types) Visit(t, []);
        return result;
    }

    /// <summary>For a table that refers to itself (taxonomy terms and their parents), parents first.</summary>
    private static IEnumerable<object> SelfReferenceOrder(IEntityType t, List<object> rows)
    {
        var self = t.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType == t && fk.Properties.Count == 1);
        if (self is null) return rows;
        var key = t.FindPrimaryKey()!.Properties[0].PropertyInfo!;
        var parent = self.Properties[0].PropertyInfo!;
        var placed = new HashSet<object>();
        var ordered = new List<object>();
        var left = rows;
        while (left.Count > 0)
        {
            var ready = left.Where(r => parent.GetValue(r) is not { } p || placed.Contains(p) || !rows.Any(x => key.GetValue(x)!.Equals(p))).ToList();
            if (ready.Count == 0) ready = left;
            foreach (var r in ready)
            {
                ordered.Add(r);
                placed.Add(key.GetValue(r)!);
            }
            left = left.Except(ready).ToList();
        }
        return ordered;
    }

    /// <summary>Identity columns on PostgreSQL must continue after the restored ids.</summary>
    private async Task ResetSequencesAsync(List<IEntityType> types, CancellationToken ct)
    {
        foreach (var t in types)
        {
            var key = t.FindPrimaryKey()!.Properties;
            if (key.Count != 1 || key[0].ClrType is var c && c != typeof(int) && c != typeof(long) || key[0].ValueGenerated == ValueGenerated.Never) continue;
            var column = key[0].GetColumnName();
            var table = t.GetTableName()!;
            // Table and column names come from the EF model, not from input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
