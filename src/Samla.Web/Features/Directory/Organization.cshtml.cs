using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Directory;

public sealed class OrganizationModel(SamlaDbContext db) : PageModel
{
    public sealed record ServiceItem(Guid Id, Localized Name, Localized Summary, IReadOnlyList<string> Tags);

    public Organization Organization { get; private set; } = null!;
    public Localized Name { get; private set; }
    public Localized Description { get; private set; }
    public string? HomeMunicipality { get; private set; }
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public IReadOnlyList<ServiceItem> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking()
            .Include(o => o.Phones)
            .Include(o => o.Contacts)
            .FirstOrDefaultAsync(o => o.Id == id && o.IsActive, ct);
        if (org is null) return NotFound();
        Organization = org;
        Name = ContentText.Pick(org.Translations, "name", org.Name);
        Description = ContentText.Pick(org.Translations, "description", org.Description);
        HomeMunicipality = org.MunicipalityCode is null ? null
            : await db.Municipalities.Where(m => m.Code == org.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct);
        var signedIn = User.Identity?.IsAuthenticated == true;
        Contacts = org.Contacts.Where(c => c.ServiceId is null && (c.IsPublic || signedIn)).ToList();

        var services = await db.Services.AsNoTracking().WherePublic()
            .Where(s => s.OrganizationId == id)
            .Include(s => s.Attributes).ThenInclude(a => a.TaxonomyTerm).ThenInclude(t => t.Taxonomy)
            .AsSplitQuery()
            .ToListAsync(ct);
        Services = services
            .Select(s => new ServiceItem(
                s.Id,
                ContentText.Pick(s.Translations, "name", s.Name),
                Summarize(ContentText.Pick(s.Translations, "description", s.Description)),
                s.Attributes
                    .Where(a => a.TaxonomyTerm.Taxonomy.Name is ReferenceData.TargetGroups or ReferenceData.MhpssLayers)
                    .OrderBy(a => a.TaxonomyTerm.Taxonomy.Name).ThenBy(a => a.TaxonomyTerm.SortOrder)
                    .Select(a => ContentText.TermName(a.TaxonomyTerm))
                    .ToList()))
            .OrderBy(s => s.Name.Text, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ToList();
        return Page();
    }

    internal static Localized Summarize(Localized text)
    {
        var plain = Infrastructure.SafeMarkdown.ToPlainText(text.Text);
        return text with { Text = plain.Length <= 180 ? plain : plain[..plain.LastIndexOf(' ', 179)] + "…" };
    }
}
