using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

/// <summary>
/// Full backup and restore: one zip with manifest.json and tables/&lt;Entity&gt;.json per entity type.
/// </summary>
/// <remarks>
/// Generic over the EF model: every entity type in <c>db.Model.GetEntityTypes()</c> that maps to a table is
/// included, with every mapped property, so tables that later features add (needs, meetings, surveys…) are
/// backed up and restored without touching this code. Rows are sorted by primary key (ordinal text) so that
/// the same data gives the same file on either provider; the manifest's "created" line is the only part
/// that changes between two backups of the same data. Secrets are left out unless asked for: password
/// hashes, security stamps, user tokens (authenticator keys, recovery codes), data-protection keys, the mail outbox and the scheduler's job leases.
/// </remarks>
public sealed class BackupDatabase(SamlaDbContext db)
{
    public const string ManifestName = "manifest.json";
    public const string Format = "samla-backup";

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly string[] SecretColumns = [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp)];

    internal static bool IsSecretTable(IEntityType t) =>
        t.ClrType == typeof(IdentityUserToken<string>) || t.ClrType == typeof(DataProtectionKey)
        // Mail bodies hold one-time links (invitations, survey tokens); job leases are this installation's running state.
        || t.ClrType == typeof(OutboxMessage) || t.ClrType == typeof(JobLease);

    // The change feed is running state whose ids must only grow: never backed up, never replaced by a restore.
    internal static IEnumerable<IEntityType> Tables(SamlaDbContext db) =>
        db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.FindPrimaryKey() is not null && t.ClrType != typeof(ServiceChange))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal);

    public async Task<Dictionary<string, int>> RunAsync(string output, bool includeSecrets, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var temp = output + ".tmp";
        await using (var file = File.Create(temp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var type in Tables(db))
            {
                if (!includeSecrets && IsSecretTable(type)) continue;
                var rows = await ReadRowsAsync(type, includeSecrets, ct);
                counts[type.ClrType.Name] = rows.Count;
                var entry = zip.CreateEntry($"tables/{type.ClrType.Name}.json", CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                await using var stream = entry.Open();
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Json.Encoder, Indented = false });
                writer.WriteStartArray();
                foreach (var row in rows)
                {
                    writer.WriteStartObject();
                    foreach (var (name, value, clr) in row)
                    {
                        writer.WritePropertyName(name);
                        JsonSerializer.Serialize(writer, value, clr, Json);
                    }
                    writer.WriteEndObject();
                    await writer.FlushAsync(ct);
                    await stream.WriteAsync("\n"u8.ToArray(), ct);
                }
                writer.WriteEndArray();
            }
            var manifest = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
            manifest.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await using var m = manifest.Open();
            // One property per line; "created" is the only line that differs between backups of the same data.
            var text = "{\n" +
                $"  \"format\": \"{Format}\",\n" +
                "  \"version\": 1,\n" +
                $"  \"created\": \"{db.Clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\",\n" +
                $"  \"includes_secrets\": {(includeSecrets ? "true" : "false")},\n" +
                $"  \"tables\": {JsonSerializer.Serialize(counts, Json)}\n" +
                "}\n";
            await m.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), ct);
        }
        File.Move(temp, output, overwrite: true);
        return counts;
    }

    private async Task<List<List<(string Name, object? Value, Type Clr)>>> ReadRowsAsync(IEntityType type, bool includeSecrets, CancellationToken ct)
    {
        var method = typeof(BackupDatabase).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type.ClrType);
        var entities = await (Task<List<object>>)method.Invoke(this, [ct])!;
        var properties = type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var key = type.FindPrimaryKey()!.Properties;
        var rows = new List<(string SortKey, List<(string, object?, Type)> Row)>(entities.Count);
        foreach (var e in entities)
        {
            var entry = db.Entry(e);
            var row = new List<(string, object?, Type)>(properties.Count);
            foreach (var p in properties)
            {
                var value = entry.Property(p.Name).CurrentValue;
                if (!includeSecrets && typeof(IdentityUser).IsAssignableFrom(type.ClrType) && SecretColumns.Contains(p.Name)) value = null;
                row.Add((p.Name, value, p.ClrType));
            }
            var sortKey = string.Join("\u0001", key.Select(k => Convert.ToString(entry.Property(k.Name).CurrentValue, CultureInfo.InvariantCulture)?.ToUpperInvariant()));
            rows.Add((sortKey, row));
        }
        db.ChangeTracker.Clear();
        return rows.OrderBy(r => r.SortKey, StringComparer.Ordinal).Select(r => r.Row).ToList();
    }

    private async Task<List<object>> LoadAsync<T>(CancellationToken ct) where T : class =>
        [.. await db.Set<T>().IgnoreQueryFilters().ToListAsync(ct)];
}
