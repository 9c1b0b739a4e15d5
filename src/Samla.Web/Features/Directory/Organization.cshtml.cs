using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Directory;

public sealed class OrganizationModel(SamlaDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record ServiceItem(Guid Id, Localized Name, Localized Summary, IReadOnlyList<string> Tags);

    public Organization Organization { get; private set; } = null!;
    public Localized Name { get; private set; }
    public Localized Description { get; private set; }
    public string? HomeMunicipality { get; private set; }
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    /// <summary>The services on this page, in name order.</summary>
    public IReadOnlyList<ServiceItem> Services { get; private set; } = [];
    public int TotalServices { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int FirstOnPage => TotalServices == 0 ? 0 : (CurrentPage - 1) * PageSize + 1;
    public int LastOnPage => Math.Min(TotalServices, CurrentPage * PageSize);

    [BindProperty(SupportsGet = true, Name = "sida")] public string? PageNumber { get; set; }

    public string PageUrl(int page) =>
        page > 1 ? $"/organisationer/{Organization.Id}?sida={page.ToString(CultureInfo.InvariantCulture)}" : $"/organisationer/{Organization.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().WherePublic()
            .Include(o => o.Phones)
            .Include(o => o.Contacts)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        Organization = org;
        Name = ContentText.Pick(org.Translations, "name", org.Name);
        Description = ContentText.Pick(org.Translations, "description", org.Description);
        HomeMunicipality = org.MunicipalityCode is null ? null
            : await db.Municipalities.Where(m => m.Code == org.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct);
        var signedIn = User.Identity?.IsAuthenticated == true;
        Contacts = org.Contacts.Where(c => c.ServiceId is null && (c.IsPublic || signedIn)).ToList();

        // Sort keys for every public service (id and name only), then the full rows for one page:
        // an organisation with thousands of services costs one narrow read, not thousands of cards.
        var publicServices = db.Services.AsNoTracking().WherePublic().Where(s => s.OrganizationId == id);
        var keys = UiLanguages.Current.Code == UiLanguages.Default
            ? (await publicServices.Select(s => new { s.Id, s.Name }).ToListAsync(ct))
                .Select(s => (s.Id, Name: s.Name)).ToList()
            : (await publicServices.Select(s => new { s.Id, s.Name, s.Translations }).ToListAsync(ct))
                .Select(s => (s.Id, Name: ContentText.Pick(s.Translations, "name", s.Name).Text)).ToList();
        var collation = CultureInfo.CurrentCulture.CompareInfo;
        var ordered = keys
            .Select(k => (k.Id, SortKey: collation.GetSortKey(k.Name, CompareOptions.IgnoreCase)))
            .OrderBy(k => k.SortKey, Comparer<SortKey>.Create(SortKey.Compare))
            .ThenBy(k => k.Id)
            .Select(k => k.Id)
            .ToList();
        TotalServices = ordered.Count;
        PageCount = Math.Max(1, (TotalServices + PageSize - 1) / PageSize);
        CurrentPage = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, PageCount) : 1;
        var pageIds = ordered.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();

        var services = await db.Services.AsNoTracking()
            .Where(s => pageIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Description, s.Translations })
            .ToDictionaryAsync(s => s.Id, ct);
        var tags = (await db.ServiceAttributes.AsNoTracking()
                .Where(a => pageIds.Contains(a.ServiceId)
                    && (a.TaxonomyTerm.Taxonomy.Name == ReferenceData.TargetGroups || a.TaxonomyTerm.Taxonomy.Name == ReferenceData.MhpssLayers))
                .Select(a => new { a.ServiceId, Taxonomy = a.TaxonomyTerm.Taxonomy.Name, Term = a.TaxonomyTerm })
                .ToListAsync(ct))
            .ToLookup(a => a.ServiceId);
        Services = pageIds
            .Where(services.ContainsKey)
            .Select(serviceId => services[serviceId])
            .Select(s => new ServiceItem(
                s.Id,
                ContentText.Pick(s.Translations, "name", s.Name),
                Summarize(ContentText.Pick(s.Translations, "description", s.Description)),
                tags[s.Id]
                    .OrderBy(a => a.Taxonomy, StringComparer.Ordinal).ThenBy(a => a.Term.SortOrder)
                    .Select(a => ContentText.TermName(a.Term))
                    .ToList()))
            .ToList();
        return Page();
    }

    internal static Localized Summarize(Localized text)
    {
        var plain = Infrastructure.SafeMarkdown.ToPlainText(text.Text);
        return text with { Text = plain.Length <= 180 ? plain : plain[..plain.LastIndexOf(' ', 179)] + "…" };
    }
}
