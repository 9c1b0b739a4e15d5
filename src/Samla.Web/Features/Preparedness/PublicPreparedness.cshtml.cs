using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Preparedness;

/// <summary>The public list of services open to new arrivals now: active, public, with surge capacity.</summary>
[AllowAnonymous]
public sealed class PublicPreparednessModel(SamlaDbContext db, FindSurgeServices surge, PreparednessMode mode) : PageModel
{
    public sealed record Item(Guid Id, Localized Name, Localized Organization, string Municipalities, string Languages, int Capacity, int? LeadTimeDays);

    public bool ModeOn { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModeOn = await mode.IsOnAsync(ct);
        var services = await surge.RunAsync(county: null, ct);
        var names = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        Items = services.Select(s => new Item(
                s.Id,
                ContentText.Pick(s.Translations, "name", s.Name),
                ContentText.Pick(s.OrganizationTranslations, "name", s.Organization),
                PreparednessModel.Names(s.Municipalities, names),
                string.Join(UiLanguages.ListSeparator, s.Languages.Select(l => ContentText.LanguageName(l))),
                s.SurgeCapacity,
                s.LeadTimeDays))
            .ToList();
    }
}
