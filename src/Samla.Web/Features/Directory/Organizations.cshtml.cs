using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Directory;

public sealed class OrganizationsModel(SamlaDbContext db) : PageModel
{
    public sealed record Item(Guid Id, Localized Name, int ServiceCount);

    public sealed record Group(OrganizationType Type, IReadOnlyList<Item> Organizations);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Organizations.AsNoTracking().WherePublic()
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Type,
                o.Translations,
                Count = o.Services.AsQueryable().Count(PublicVisibility.Rule),
            })
            .ToListAsync(ct);
        Groups = rows
            .GroupBy(r => r.Type)
            .OrderBy(g => g.Key)
            .Select(g => new Group(g.Key, g
                .Select(r => new Item(r.Id, ContentText.Pick(r.Translations, "name", r.Name), r.Count))
                .OrderBy(i => i.Name.Text, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
                .ToList()))
            .ToList();
    }
}
