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
        /// <summary>The place as the form was read (JSON of a LocationSnapshot); only preselects the choices after a conflict.</summary>
        public string? Seen { get; set; }
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

    /// <summary>The user's choice per differing field after a conflict ("saved" or "mine").</summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    /// <summary>Set when someone saved the place in between: the differing fields, shown by _Conflict.cshtml.</summary>
    public ConflictView? Conflict { get; private set; }

    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(LocationSnapshot.Name)] = "Field_Name",
        [nameof(LocationSnapshot.LocationType)] = "Field_LocationType",
        [nameof(LocationSnapshot.Description)] = "Field_HowToGetThere",
        [nameof(LocationSnapshot.Url)] = "Field_Url",
        [nameof(LocationSnapshot.MunicipalityCode)] = "Field_Municipality",
        [nameof(LocationSnapshot.Address1)] = "Field_Address",
        [nameof(LocationSnapshot.PostalCode)] = "Field_PostalCode",
        [nameof(LocationSnapshot.City)] = "Field_City",
    };

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
            var saved = LocationSnapshot.Capture(l);
            Input = saved.ToInput(l.Id, OrgId, l.Version, FieldConflicts.ToJson(saved));
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(merge: false, ct);

    /// <summary>After a conflict: saves with the per-field choices (the saved value where the user chose it).</summary>
    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) => SaveAsync(merge: true, ct);

    private async Task<IActionResult> SaveAsync(bool merge, CancellationToken ct)
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

        var mine = LocationSnapshot.FromInput(Input);
        var stateProvince = physical ? await db.Counties.Where(c => c.Code == options.Value.CountyCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "" : "";
        if (location is null)
        {
            location = new Location { OrganizationId = OrgId };
            db.Locations.Add(location);
            mine.ApplyTo(location, db, stateProvince);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            var locationId = location.Id;
            var stale = await FieldConflicts.SaveAsync(db, location, Input.Version, mine, merge, Choices, LocationSnapshot.Capture,
                (l, version) =>
                {
                    mine.ApplyTo(l, db, stateProvince);
                    FieldConflicts.StageVersion(db, l, version);
                    return Task.CompletedTask;
                },
                db.SaveChangesAsync, async c =>
                {
                    await LoadAsync(c);
                    return await db.Locations.Include(l => l.Addresses).FirstOrDefaultAsync(l => l.Id == locationId, c);
                }, ct);
            if (stale is not null) return stale.Current is { } current ? await ConflictAsync(current, stale.Saved!, mine, ct) : NotFound();
        }
        Message = t["Message_LocationSaved"];
        return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
    }

    private async Task<IActionResult> ConflictAsync(Location current, LocationSnapshot saved, LocationSnapshot mine, CancellationToken ct)
    {
        Conflict = await FieldConflicts.ViewAsync(db, t["ConflictHeadingLocation"], saved, mine, FieldConflicts.FromJson<LocationSnapshot>(Input.Seen), f => t[Labels[f]], Describe,
            current.OrganizationId, current.LastModified, nameof(Location), current.Id, ct);
        // The form keeps this user's values at the newer version: saving again applies them knowingly, merging takes the choices.
        Input = mine.ToInput(current.Id, OrgId, current.Version, FieldConflicts.ToJson(saved));
        Choices = new(Conflict.Choices);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private string Describe(string field, LocationSnapshot s) => field switch
    {
        nameof(LocationSnapshot.LocationType) => s.IsPhysical ? t["LocationPhysical"] : t["LocationVirtual"],
        nameof(LocationSnapshot.MunicipalityCode) => s.MunicipalityCode is { } c ? Municipalities.GetValueOrDefault(c) ?? c : "",
        _ => FieldConflicts.FieldsOf(typeof(LocationSnapshot)).First(p => p.Name == field).GetValue(s) as string ?? "",
    };

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
