using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Coverage;

/// <summary>
/// Drill-down from a coverage cell: every service in the cell, public or not, so that staff see why a cell
/// is thin (stale entries, drafts, inactive services) as well as what counts. Drafts and inactive services are
/// listed only to coordination and to the editors of the organisation that owns them (<see cref="OrganizationAccess"/>);
/// a reader, or another organisation's editor, sees the public ones only.
/// </summary>
[Authorize]
public sealed class ServicesModel(CoverageQuery query, SamlaDbContext db, OrganizationAccess access) : CoveragePage(query, db)
{
    public enum Standing
    {
        Active,
        Stale,
        NotPublic,
    }

    public sealed record Row(Guid Id, string Name, string Organization, string Status, bool IsPublished, Standing Standing, DateOnly? AssuredDate, string Layers);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(CoverageDimension Dimension, string Labels)> Criteria { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(includeNonPublic: true, ct);
        var filter = Selection.Filter;
        var matching = Facts.Services
            .Where(f => filter.Include.All(kv => kv.Value.Count == 0 || f[kv.Key].Any(kv.Value.Contains)))
            .ToDictionary(f => f.Id);
        var ids = matching.Keys.ToList();
        var editable = (await (await access.EditableAsync(User, ct)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var services = await Db.Services.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Org = s.Organization.Name, s.OrganizationId, s.Status, s.IsPublished, s.AssuredDate })
            .ToListAsync(ct);
        Rows = services
            .Where(s => matching[s.Id].IsPublic || editable.Contains(s.OrganizationId))
            .Select(s =>
            {
                var f = matching[s.Id];
                var standing = !f.IsPublic ? Standing.NotPublic : f.IsStale ? Standing.Stale : Standing.Active;
                return new Row(s.Id, s.Name, s.Org, s.Status, s.IsPublished, standing, s.AssuredDate, string.Join(", ", f[CoverageDimension.Layer].Order(StringComparer.Ordinal)));
            })
            .Where(r => !filter.VerifiedOnly || r.Standing == Standing.Active)
            .OrderBy(r => r.Standing).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        Criteria = filter.Include
            .Where(kv => kv.Value.Count > 0)
            .OrderBy(kv => kv.Key)
            .Select(kv => (kv.Key, string.Join(", ", kv.Value.Select(code => Facts.Domains[kv.Key].FirstOrDefault(v => v.Code == code)?.Label ?? code))))
            .ToList();
    }

    public int Count(Standing s) => Rows.Count(r => r.Standing == s);
}
