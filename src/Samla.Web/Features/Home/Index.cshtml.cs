using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Home;

public sealed class IndexModel(SamlaDbContext db, TermCatalogCache termCatalog) : PageModel
{
    public sealed record TargetGroup(string Code, string Name);

    public IReadOnlyList<TargetGroup> TargetGroups { get; private set; } = [];
    public int ServiceCount { get; private set; }
    public int OrganizationCount { get; private set; }
    public int MunicipalityCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var terms = (await termCatalog.GetAsync(ct)).Of(ReferenceData.TargetGroups);
        TargetGroups = terms.Select(t => new TargetGroup(t.Code, ContentText.TermName(t))).ToList();

        var services = db.Services.AsNoTracking().WherePublic();
        ServiceCount = await services.CountAsync(ct);
        OrganizationCount = await services.Select(s => s.OrganizationId).Distinct().CountAsync(ct);
        MunicipalityCount = await services.SelectMany(s => s.ServiceAreas).Select(a => a.MunicipalityCode).Distinct().CountAsync(ct);
    }
}
