using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Samla.Web.Features.Admin;

/// <summary>
/// The audit log's entity types and actions as a person reads them (AdminText: <c>AuditEntity_{Type}</c>,
/// <c>AuditAction_{action}</c>, <c>AuditAction_{Type}_{action}</c> for e.g. "Roll tilldelad"). A type or
/// action without a text (a feature's entity added later) is shown as its name split into words.
/// </summary>
public static partial class AuditLabels
{
    public static string EntityType(IStringLocalizer<AdminText> t, string entityType)
    {
        var name = TypeName(entityType);
        var text = t["AuditEntity_" + name];
        return text.ResourceNotFound ? Words(name) : text.Value;
    }

    public static string Action(IStringLocalizer<AdminText> t, string entityType, string action)
    {
        var specific = t[$"AuditAction_{TypeName(entityType)}_{action}"];
        if (!specific.ResourceNotFound) return specific.Value;
        var general = t["AuditAction_" + action];
        return general.ResourceNotFound ? Words(action) : general.Value;
    }

    /// <summary>The type's name without a generic arity ("IdentityUserRole`1" → "IdentityUserRole").</summary>
    public static string TypeName(string entityType)
    {
        var tick = entityType.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? entityType[..tick] : entityType;
    }

    /// <summary>"NeedComment" → "Need comment", "ApiKey" → "Api key", "update-round" → "Update round".</summary>
    public static string Words(string name)
    {
        var spaced = WordBoundary().Replace(name.Replace('-', ' ').Replace('_', ' ').Trim(), " ");
        if (spaced.Length == 0) return name;
        return char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
