using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Directory;

public class ServiceModel(SamlaDbContext db, Freshness freshness, ScheduleText scheduleText, OrganizationAccess access) : PageModel
{
    public sealed record Place(string? Name, Address? Address, string? Municipality, string LocationType, string? Url);

    public Service Service { get; private set; } = null!;
    public Localized Name { get; private set; }
    public Localized Description { get; private set; }
    public Localized? ApplicationProcess { get; private set; }
    public Localized OrganizationName { get; private set; }
    public bool IsPublic { get; private set; }
    public bool IsStale { get; private set; }
    public int CycleMonths => freshness.CycleMonths;

    /// <summary>Terms per taxonomy name, in the UI language, in taxonomy order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<string> Municipalities { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public IReadOnlyList<string> Schedules { get; private set; } = [];
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Services.AsNoTracking()
            .Include(x => x.Organization)
            .Include(x => x.Attributes).ThenInclude(a => a.TaxonomyTerm).ThenInclude(t => t.Taxonomy)
            .Include(x => x.ServiceAreas)
            .Include(x => x.Languages)
            .Include(x => x.Schedules)
            .Include(x => x.Phones)
            .Include(x => x.Contacts).ThenInclude(c => c.Phones)
            .Include(x => x.ServiceAtLocations).ThenInclude(l => l.Location).ThenInclude(l => l.Addresses)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        IsPublic = s.IsPublic();
        if (!IsPublic && !await access.CanEditAsync(User, s.OrganizationId, ct)) return NotFound();

        Service = s;
        Name = ContentText.Pick(s.Translations, "name", s.Name);
        Description = ContentText.Pick(s.Translations, "description", s.Description);
        ApplicationProcess = s.ApplicationProcess is null ? null : ContentText.Pick(s.Translations, "application_process", s.ApplicationProcess);
        OrganizationName = ContentText.Pick(s.Organization.Translations, "name", s.Organization.Name);
        IsStale = freshness.IsStale(s.AssuredDate);

        Terms = s.Attributes
            .OrderBy(a => a.TaxonomyTerm.SortOrder)
            .GroupBy(a => a.TaxonomyTerm.Taxonomy.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => ContentText.TermName(a.TaxonomyTerm)).ToList());

        var codes = s.ServiceAreas.Select(a => a.MunicipalityCode).ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        Municipalities = codes.Select(c => names.GetValueOrDefault(c) ?? c).Order(StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ToList();
        Languages = s.Languages.Select(l => ContentText.LanguageName(l.Code, l.Name)).Distinct().ToList();
        Schedules = s.Schedules.Select(scheduleText.Describe).Where(x => x.Length > 0).ToList();

        var locationCodes = s.ServiceAtLocations.Select(l => l.Location.MunicipalityCode).OfType<string>().ToList();
        var locationNames = await db.Municipalities.AsNoTracking().Where(m => locationCodes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        Places = s.ServiceAtLocations
            .Select(sal => new Place(
                sal.Location.Name,
                sal.Location.Addresses.FirstOrDefault(a => a.AddressType == "physical") ?? sal.Location.Addresses.FirstOrDefault(),
                sal.Location.MunicipalityCode is { } c ? locationNames.GetValueOrDefault(c) : null,
                sal.Location.LocationType,
                sal.Location.Url))
            .ToList();

        var signedIn = User.Identity?.IsAuthenticated == true;
        Contacts = s.Contacts.Where(c => c.IsPublic || signedIn).ToList();
        return Page();
    }

    public IReadOnlyList<string> TermsOf(string taxonomy) => Terms.GetValueOrDefault(taxonomy) ?? [];
}

/// <summary>The printable view of a service: the same content without site navigation.</summary>
public sealed class ServicePrintModel(SamlaDbContext db, Freshness freshness, ScheduleText scheduleText, OrganizationAccess access)
    : ServiceModel(db, freshness, scheduleText, access);
