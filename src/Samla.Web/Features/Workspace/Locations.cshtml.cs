using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>The organisation's places (with address and how to get there) that its services link to.</summary>
public sealed class LocationsModel(SamlaDbContext db, OrganizationAccess access, IOptions<SamlaOptions> options, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed class LocationInput
    {
        public Guid? Id { get; set; }
        public Guid OrganizationId { get; set; }
        public int Version { get; set; }
        public string? Name { get; set; }
        public string LocationType { get; set; } = "physical";
        public string? Description { get; set; }
        public string? Url { get; set; }
        public string? MunicipalityCode { get; set; }
        public string? Address1 { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
    }

    [FromRoute]
    public Guid OrgId { get; set; }

    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public IReadOnlyList<Location> Locations { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Municipalities { get; private set; } = new Dictionary<string, string>();
    public string OrganizationName { get; private set; } = "";
    public bool ConflictShown { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new LocationInput { OrganizationId = OrgId };
        if (id is not null)
        {
            var l = Locations.FirstOrDefault(x => x.Id == id);
            if (l is null) return NotFound();
            var a = l.Addresses.FirstOrDefault();
            Input = new LocationInput
            {
                Id = l.Id, OrganizationId = OrgId, Version = l.Version, Name = l.Name, LocationType = l.LocationType, Description = l.Description,
                Url = l.Url, MunicipalityCode = l.MunicipalityCode, Address1 = a?.Address1, PostalCode = a?.PostalCode, City = a?.City,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.OrganizationId != OrgId) return BadRequest();
        Location? location = null;
        if (Input.Id is { } id)
        {
            // Load by id, then check that the place is this organisation's: ids from other organisations are not found.
            location = await db.Locations.Include(l => l.Addresses).FirstOrDefaultAsync(l => l.Id == id, ct);
            if (location?.OrganizationId is not { } owner || owner != OrgId || !await access.CanEditAsync(User, owner, ct)) return NotFound();
        }
        ModelState.Clear();
        var physical = Input.LocationType != "virtual";
        if (physical && string.IsNullOrWhiteSpace(Input.Address1)) ModelState.AddModelError("Input.Address1", t["Validation_AddressRequired"]);
        if (physical && string.IsNullOrWhiteSpace(Input.City)) ModelState.AddModelError("Input.City", t["Validation_CityRequired"]);
        if (physical && (string.IsNullOrWhiteSpace(Input.PostalCode) || !System.Text.RegularExpressions.Regex.IsMatch(Input.PostalCode.Trim(), @"^\d{3} ?\d{2}$")))
        {
            ModelState.AddModelError("Input.PostalCode", t["Validation_PostalCode"]);
        }
        if (!physical && (string.IsNullOrWhiteSpace(Input.Url) || !FieldRules.IsWebAddress(Input.Url))) ModelState.AddModelError("Input.Url", t["Validation_Url"]);
        else if (!string.IsNullOrWhiteSpace(Input.Url) && !FieldRules.IsWebAddress(Input.Url)) ModelState.AddModelError("Input.Url", t["Validation_Url"]);
        if (!string.IsNullOrEmpty(Input.MunicipalityCode) && !Municipalities.ContainsKey(Input.MunicipalityCode)) ModelState.AddModelError("Input.MunicipalityCode", t["Validation_Municipality"]);
        if (!ModelState.IsValid) return Page();

        if (location is null)
        {
            location = new Location { OrganizationId = OrgId };
            db.Locations.Add(location);
        }
        else if (location.Version != Input.Version)
        {
            // Someone changed the place since this form was opened: show theirs, keep ours in the form.
            ConflictShown = true;
            Input.Version = location.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        else
        {
            db.Entry(location).Property(l => l.Version).OriginalValue = Input.Version;
        }
        location.Name = Input.Name?.Trim();
        location.LocationType = physical ? "physical" : "virtual";
        location.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        location.Url = string.IsNullOrWhiteSpace(Input.Url) ? null : Input.Url.Trim();
        location.MunicipalityCode = string.IsNullOrEmpty(Input.MunicipalityCode) ? null : Input.MunicipalityCode;
        var address = location.Addresses.FirstOrDefault();
        if (physical)
        {
            if (address is null)
            {
                address = new Address { Address1 = "", City = "", PostalCode = "", StateProvince = "", LocationId = location.Id };
                db.Addresses.Add(address);
                location.Addresses.Add(address);
            }
            address.Address1 = Input.Address1!.Trim();
            address.City = Input.City!.Trim();
            address.PostalCode = Input.PostalCode!.Trim();
            address.StateProvince = await db.Counties.Where(c => c.Code == options.Value.CountyCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ConflictShown = true;
            Input.Version = Locations.FirstOrDefault(l => l.Id == location.Id)?.Version ?? Input.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Message = t["Message_LocationSaved"];
        return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return false;
        var name = await db.Organizations.Where(o => o.Id == OrgId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        OrganizationName = name;
        Locations = await db.Locations.AsNoTracking().Include(l => l.Addresses).Where(l => l.OrganizationId == OrgId)
            .OrderBy(l => l.Name).ToListAsync(ct);
        var county = options.Value.CountyCode;
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == county).OrderBy(m => m.Name)
            .ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        return true;
    }
}
