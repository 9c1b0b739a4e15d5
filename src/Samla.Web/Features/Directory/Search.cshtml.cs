using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Directory;

public sealed class SearchModel(SamlaDbContext db) : PageModel
{
    public sealed record Hit(Guid Id, Localized Name, Localized Summary, Localized OrganizationName);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "malgrupp")]
    public string? TargetGroup { get; set; }

    public string? TargetGroupName { get; private set; }
    public IReadOnlyList<Hit> Hits { get; private set; } = [];
    public bool Searched => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(TargetGroup);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Searched) return;
        var services = db.Services.AsNoTracking().WherePublic();
        if (!string.IsNullOrWhiteSpace(TargetGroup))
        {
            var term = await db.TaxonomyTerms.AsNoTracking()
                .FirstOrDefaultAsync(t => t.Taxonomy.Name == ReferenceData.TargetGroups && t.Code == TargetGroup, ct);
            TargetGroupName = term is null ? null : ContentText.TermName(term);
            services = services.Where(s => s.Attributes.Any(a => a.TaxonomyTerm.Code == TargetGroup && a.TaxonomyTerm.Taxonomy.Name == ReferenceData.TargetGroups));
        }
        foreach (var word in (Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var w = word.ToLowerInvariant();
#pragma warning disable CA1304 // translated to SQL LOWER(), not run in .NET
            services = services.Where(s => s.Name.ToLower().Contains(w) || s.Description.ToLower().Contains(w) || s.Organization.Name.ToLower().Contains(w));
#pragma warning restore CA1304
        }
        var rows = await services
            .OrderBy(s => s.Name)
            .Take(200)
            .Select(s => new { s.Id, s.Name, s.Description, s.Translations, Org = s.Organization.Name, OrgTranslations = s.Organization.Translations })
            .ToListAsync(ct);
        Hits = rows.Select(r => new Hit(
                r.Id,
                ContentText.Pick(r.Translations, "name", r.Name),
                OrganizationModel.Summarize(ContentText.Pick(r.Translations, "description", r.Description)),
                ContentText.Pick(r.OrgTranslations, "name", r.Org)))
            .ToList();
    }
}
