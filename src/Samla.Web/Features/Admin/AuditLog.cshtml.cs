using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>Every recorded change, filtered by organisation, user, entity type and date range; paged, or all as CSV.</summary>
public sealed class AuditLogModel(SamlaDbContext db, IStringLocalizer<AdminText> t) : PagedListModel
{

    [BindProperty(SupportsGet = true)]
    public Guid? Organization { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Entries = await PageAsync(Filtered(), q => q.OrderByDescending(a => a.Id), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var csv = new StringBuilder();
        // Technical names first (as before), the readable ones as the last two columns.
        csv.Append("timestamp,user,organization_id,organization,entity_type,entity_id,action,field,old_value,new_value,change_set,entity,what\r\n");
        await foreach (var a in Filtered().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.AppendJoin(',', new[]
            {
                a.Timestamp.ToString("O", CultureInfo.InvariantCulture), a.UserName, a.OrganizationId?.ToString(),
                a.OrganizationId is { } o ? OrganizationNames.GetValueOrDefault(o) : null,
                a.EntityType, a.EntityId, a.Action, a.FieldName, a.OldValue, a.NewValue, a.ChangeSetId.ToString(),
                EntityLabel(a.EntityType), ActionLabel(a.EntityType, a.Action),
            }.Select(Cell)).Append("\r\n");
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "samla-logg.csv");
    }

    /// <summary>RFC 4180 quoting, and a leading apostrophe where a spreadsheet would read a formula.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var q = db.AuditEntries.AsNoTracking();
        if (Organization is { } org) q = q.Where(a => a.OrganizationId == org);
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(a => a.UserName == UserName.Trim());
        if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(a => a.EntityType == EntityType);
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.Timestamp >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.Timestamp < end);
        }
        return q;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        OrganizationNames = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        EntityTypes = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(x => x).ToListAsync(ct);
    }

    /// <summary>The entity type as a person reads it ("Insats", "Användarroll").</summary>
    public string EntityLabel(string entityType) => AuditLabels.EntityType(t, entityType);

    /// <summary>The action as a person reads it ("Skapad", "Roll tilldelad").</summary>
    public string ActionLabel(string entityType, string action) => AuditLabels.Action(t, entityType, action);

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("Organization", Organization?.ToString()), new("UserName", UserName), new("EntityType", EntityType),
        new("From", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("To", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];
}
