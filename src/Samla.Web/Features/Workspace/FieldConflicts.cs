using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>One field that differs between the saved version and the user's, as shown, with the choice preselected.</summary>
public sealed record ConflictRow(string Field, string Label, string Saved, string Mine, string DefaultChoice);

/// <summary>A save that met a newer version: the row as saved now (null: removed meanwhile), its snapshot, and the user's.</summary>
public sealed record StaleSave<TEntity, T>(TEntity? Current, T? Saved, T Mine) where TEntity : class where T : class;

/// <summary>What the conflict section (_Conflict.cshtml) shows: who saved in between, and the differing fields to choose between.</summary>
public sealed record ConflictView(string Heading, IReadOnlyList<ConflictRow> Rows, IReadOnlyDictionary<string, string> Choices, string? SavedBy, DateTime? SavedAt);

/// <summary>
/// Field-by-field comparison and merge of two snapshots of something editors change (a service, an organisation's
/// profile, a contact). A snapshot is a plain class whose public properties are its fields. When someone saved
/// in between, the page shows the differing fields side by side, keeps the user's input in the form, and lets
/// the user choose per field ("saved" or "mine"); nothing is overwritten silently.
/// </summary>
public static class FieldConflicts
{
    public const string Saved = "saved";
    public const string Mine = "mine";

    private static readonly JsonSerializerOptions Json = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>> FieldsByType = new();

    public static IReadOnlyList<PropertyInfo> FieldsOf(Type type) =>
        FieldsByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite).ToList());

    /// <summary>The names of the fields whose values differ.</summary>
    public static IReadOnlyList<string> Differences<T>(T a, T b) where T : class =>
        FieldsOf(typeof(T)).Where(p => JsonSerializer.Serialize(p.GetValue(a), Json) != JsonSerializer.Serialize(p.GetValue(b), Json))
            .Select(p => p.Name).ToList();

    /// <summary>Copies the value of one field from another snapshot (a deep copy).</summary>
    public static void Take<T>(T target, string field, T from) where T : class
    {
        var p = FieldsOf(typeof(T)).FirstOrDefault(f => f.Name == field);
        if (p is not null) p.SetValue(target, JsonSerializer.Deserialize(JsonSerializer.Serialize(p.GetValue(from), Json), p.PropertyType, Json));
    }

    /// <summary>Takes into <paramref name="mine"/> the saved value of every differing field the user chose to keep as saved.</summary>
    public static void ApplyChoices<T>(T mine, T saved, IReadOnlyDictionary<string, string> choices) where T : class
    {
        foreach (var field in Differences(saved, mine))
        {
            if (choices.GetValueOrDefault(field) == Saved) Take(mine, field, saved);
        }
    }

    /// <summary>
    /// The differing fields as rows. A field this user changed since <paramref name="seen"/> (the version the form was
    /// read at) defaults to "mine"; a field only the other person changed defaults to "saved". Without the seen version
    /// every row defaults to "mine".
    /// </summary>
    public static List<ConflictRow> Compare<T>(T saved, T mine, T? seen, Func<string, string> label, Func<string, T, string> describe,
        Func<string, bool>? shown = null) where T : class
    {
        var changedByMe = seen is null ? null : Differences(seen, mine).ToHashSet(StringComparer.Ordinal);
        return Differences(saved, mine)
            .Where(f => shown?.Invoke(f) ?? true)
            .Select(f => new ConflictRow(f, label(f), describe(f, saved), describe(f, mine), changedByMe is not null && !changedByMe.Contains(f) ? Saved : Mine))
            .ToList();
    }

    /// <summary>
    /// The one save flow of the workspace's edit forms (service, contact, profile, location): <paramref name="entity"/> is the
    /// tracked row as loaded, <paramref name="seenVersion"/> the version the form was read at, <paramref name="mine"/> the
    /// user's input as a snapshot. After a conflict (<paramref name="merge"/>) the user's per-field choices are applied
    /// first. When someone saved in between and what they saved differs from the user's input, nothing is written and
    /// the conflict is returned; when they saved exactly what this user wants, there is nothing to choose and the save
    /// goes on at the newer version. <paramref name="stage"/> applies the input at the version to check (e.g.
    /// <see cref="StageVersion"/>), <paramref name="save"/> writes; when the database finds a newer version after all
    /// (someone saved between our read and our write), <paramref name="reload"/> reads the row again (null: it is gone).
    /// Returns null when saved.
    /// </summary>
    public static async Task<StaleSave<TEntity, T>?> SaveAsync<TEntity, T>(SamlaDbContext db, TEntity entity, int seenVersion, T mine,
        bool merge, IReadOnlyDictionary<string, string> choices, Func<TEntity, T> capture, Func<TEntity, int, Task> stage,
        Func<CancellationToken, Task> save, Func<CancellationToken, Task<TEntity?>> reload, CancellationToken ct)
        where TEntity : class, IVersioned where T : class
    {
        var saved = capture(entity);
        if (merge) ApplyChoices(mine, saved, choices);
        if (entity.Version != seenVersion)
        {
            if (Differences(saved, mine).Count > 0) return new StaleSave<TEntity, T>(entity, saved, mine);
            seenVersion = entity.Version;
        }
        await stage(entity, seenVersion);
        try
        {
            await save(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await reload(ct);
            return new StaleSave<TEntity, T>(current, current is null ? null : capture(current), mine);
        }
    }

    /// <summary>
    /// Makes the save of <paramref name="entity"/> check <paramref name="seenVersion"/> in the database; a change of its
    /// children alone (a phone, an address) still makes a new version of it (its foreign keys are left as they are).
    /// </summary>
    public static void StageVersion<TEntity>(SamlaDbContext db, TEntity entity, int seenVersion) where TEntity : class, IVersioned
    {
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = seenVersion;
        if (entry.State == EntityState.Unchanged && db.ChangeTracker.HasChanges())
        {
            entry.State = EntityState.Modified;
            foreach (var p in entry.Properties.Where(p => p.Metadata.IsForeignKey())) p.IsModified = false;
        }
    }

    /// <summary>
    /// The conflict section for a form whose save met a newer version: the differing fields (<paramref name="shown"/> ones)
    /// with their default choices (<see cref="Compare"/>, <paramref name="seen"/> being what the form was read at) and
    /// who saved in between (<paramref name="savedBy"/> when the caller knows, else <see cref="SavedByAsync"/>).
    /// </summary>
    public static async Task<ConflictView> ViewAsync<T>(SamlaDbContext db, string heading, T saved, T mine, T? seen,
        Func<string, string> label, Func<string, T, string> describe, Guid? organizationId, DateTime lastModified, string entityType, Guid id,
        CancellationToken ct, Func<string, bool>? shown = null, (string? By, DateTime At)? savedBy = null) where T : class
    {
        var rows = Compare(saved, mine, seen, label, describe, shown);
        var (by, at) = savedBy ?? (await SavedByAsync(db, organizationId, lastModified, entityType, id, ct), lastModified);
        return new ConflictView(heading, rows, rows.ToDictionary(r => r.Field, r => r.DefaultChoice), by, at);
    }

    /// <summary>The snapshot as JSON, for the form's hidden record of what the user saw.</summary>
    public static string ToJson<T>(T snapshot) where T : class => JsonSerializer.Serialize(snapshot, Json);

    /// <summary>A snapshot posted back by a form; null when missing or not readable (the rows then default to "mine").</summary>
    public static T? FromJson<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Who saved the version of an entity that was last modified at <paramref name="lastModified"/>: one save stamps
    /// LastModified and all its audit entries with the same time (a save that changed only a contact's phone has entries
    /// for the phone alone). Falls back to the entity's latest audit entry.
    /// </summary>
    public static async Task<string?> SavedByAsync(SamlaDbContext db, Guid? organizationId, DateTime lastModified, string entityType, Guid id, CancellationToken ct)
    {
        var byTime = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Timestamp == lastModified && a.OrganizationId == organizationId)
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
        if (byTime is not null) return byTime;
        var key = id.ToString();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == key)
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
    }
}
