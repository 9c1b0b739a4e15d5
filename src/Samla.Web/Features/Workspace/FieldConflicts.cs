using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>One field that differs between the saved version and the user's, as shown, with the choice preselected.</summary>
public sealed record ConflictRow(string Field, string Label, string Saved, string Mine, string DefaultChoice);

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
    /// The conflict section for a form whose save met a newer version: the differing fields with their default
    /// choices (<see cref="Compare"/>) and who saved in between (<see cref="SavedByAsync"/>). The one flow of the
    /// contact, profile and location forms; the service form adds its own history.
    /// </summary>
    public static async Task<ConflictView> ViewAsync<T>(SamlaDbContext db, string heading, T saved, T mine, string? seenJson,
        Func<string, string> label, Func<string, T, string> describe, Guid? organizationId, DateTime lastModified, string entityType, Guid id,
        CancellationToken ct) where T : class
    {
        var rows = Compare(saved, mine, FromJson<T>(seenJson), label, describe);
        var savedBy = await SavedByAsync(db, organizationId, lastModified, entityType, id, ct);
        return new ConflictView(heading, rows, rows.ToDictionary(r => r.Field, r => r.DefaultChoice), savedBy, lastModified);
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
