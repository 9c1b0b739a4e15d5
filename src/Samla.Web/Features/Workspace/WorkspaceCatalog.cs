using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Directory;

namespace Samla.Web.Features.Workspace;

/// <summary>What an editor may pick from when editing one organisation's services: terms, the county's municipalities, the organisation's locations.</summary>
public sealed class WorkspaceCatalog
{
    public sealed record Term(Guid Id, string Code, string Name);

    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms { get; private init; } = new Dictionary<string, IReadOnlyList<Term>>();
    public IReadOnlyDictionary<string, string> Municipalities { get; private init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<Guid, string> Locations { get; private init; } = new Dictionary<Guid, string>();
    private Dictionary<Guid, string> _taxonomyOfTerm = [];
    private Dictionary<Guid, string> _termNames = [];

    public IEnumerable<Guid> TermIds(string taxonomy) => Terms.GetValueOrDefault(taxonomy)?.Select(t => t.Id) ?? [];

    public string? TaxonomyOf(Guid termId) => _taxonomyOfTerm.GetValueOrDefault(termId);

    public static async Task<WorkspaceCatalog> LoadAsync(SamlaDbContext db, TermCatalogCache termCatalog, string countyCode, Guid organizationId, CancellationToken ct)
    {
        var catalog = await termCatalog.GetAsync(ct);
        var terms = ServiceSnapshot.TermFields.Values.Distinct().SelectMany(catalog.Of)
            .Select(t => new { t.Id, t.Code, t.Name, Taxonomy = t.Taxonomy.Name })
            .ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == countyCode)
            .Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        var locations = await db.Locations.AsNoTracking().Where(l => l.OrganizationId == organizationId)
            .Select(l => new { l.Id, l.Name, l.LocationType, Address = l.Addresses.Select(a => a.Address1 + ", " + a.City).FirstOrDefault() })
            .ToListAsync(ct);
        var sv = CultureInfo.GetCultureInfo("sv");
        return new WorkspaceCatalog
        {
            Terms = terms.GroupBy(t => t.Taxonomy).ToDictionary(g => g.Key, g => (IReadOnlyList<Term>)g.Select(t => new Term(t.Id, t.Code, t.Name)).ToList()),
            _taxonomyOfTerm = terms.ToDictionary(t => t.Id, t => t.Taxonomy),
            _termNames = terms.ToDictionary(t => t.Id, t => t.Name),
            Municipalities = municipalities.OrderBy(m => m.Name, StringComparer.Create(sv, true)).ToDictionary(m => m.Code, m => m.Name),
            Locations = locations
                .OrderBy(l => l.Name ?? l.Address, StringComparer.Create(sv, true))
                .ToDictionary(l => l.Id, l => string.Join(" – ", new[] { l.Name, l.Address, l.LocationType == "virtual" ? "online" : null }.Where(x => !string.IsNullOrWhiteSpace(x)))),
        };
    }

    /// <summary>One field of a snapshot in words, for history and conflict pages.</summary>
    public string Describe(string field, ServiceSnapshot s, ScheduleText scheduleText, IStringLocalizer<WorkspaceText> t)
    {
        var value = ServiceSnapshot.Fields.First(p => p.Name == field).GetValue(s);
        return value switch
        {
            null => "",
            bool b => b ? t["Yes"] : t["No"],
            string text => field == nameof(ServiceSnapshot.Status) ? t["Status_" + text.Replace(' ', '-')] : text,
            int i => i.ToString(CultureInfo.CurrentCulture),
            DateOnly d => Formats.Date(d),
            List<Guid> ids when field == nameof(ServiceSnapshot.Locations) => string.Join(", ", ids.Select(id => Locations.GetValueOrDefault(id) ?? t["UnknownLocation"])),
            List<Guid> ids => string.Join(", ", ids.Select(id => _termNames.GetValueOrDefault(id) ?? "?")),
            List<string> codes when field == nameof(ServiceSnapshot.Areas) => string.Join(", ", codes.Select(c => Municipalities.GetValueOrDefault(c) ?? c)),
            List<string> codes => string.Join(", ", codes.Select(c => LanguageCatalog.Find(c)?.Swedish ?? c)),
            List<ScheduleSnapshot> rows => string.Join("; ", rows.Select(r => scheduleText.Describe(new Schedule
            {
                Freq = r.Freq, Byday = r.Byday, ValidFrom = r.ValidFrom, ValidTo = r.ValidTo,
                OpensAt = TimeOnly.TryParse(r.OpensAt, CultureInfo.InvariantCulture, out var o) ? o : null,
                ClosesAt = TimeOnly.TryParse(r.ClosesAt, CultureInfo.InvariantCulture, out var c) ? c : null,
            }))),
            Dictionary<string, Dictionary<string, string>> tr => DescribeTranslations(tr, t),
            _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
        };
    }

    /// <summary>Translations in words: "en: Name = …, Description = …; ar: …".</summary>
    public static string DescribeTranslations(Dictionary<string, Dictionary<string, string>> tr, IStringLocalizer<WorkspaceText> t) =>
        string.Join("; ", tr.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + ": " + string.Join(", ", kv.Value.Select(f => $"{t["Tr_" + f.Key]} = {f.Value}"))));
}
