using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Workspace;

namespace Samla.Web.Features.Admin;

/// <summary>Organisations: create, deactivate and reactivate (never delete), and merge a duplicate into the one to keep.</summary>
public sealed class OrganizationsModel(SamlaDbContext db, IOptions<SamlaOptions> options, IStringLocalizer<AdminText> t) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganizationType Type, bool IsActive, int Services, int Users);

    public sealed class CreateInput
    {
        public string? Name { get; set; }
        public OrganizationType Type { get; set; } = OrganizationType.Other;
        public string? MunicipalityCode { get; set; }
        public string? Email { get; set; }
        public string? Website { get; set; }
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    [BindProperty]
    public Guid? KeepId { get; set; }

    [BindProperty]
    public Guid? MergeId { get; set; }

    public IReadOnlyList<Row> Organizations { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Municipalities { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", t["Validation_NameRequired"]);
        if (!Enum.IsDefined(Input.Type)) ModelState.AddModelError("Input.Type", t["Validation_Type"]);
        if (!string.IsNullOrWhiteSpace(Input.Email) && !FieldRules.IsEmail(Input.Email)) ModelState.AddModelError("Input.Email", t["Validation_Email"]);
        if (!string.IsNullOrWhiteSpace(Input.Website) && !FieldRules.IsWebAddress(Input.Website)) ModelState.AddModelError("Input.Website", t["Validation_Url"]);
        if (!string.IsNullOrEmpty(Input.MunicipalityCode) && !Municipalities.ContainsKey(Input.MunicipalityCode)) ModelState.AddModelError("Input.MunicipalityCode", t["Validation_Municipality"]);
        if (!ModelState.IsValid) return Page();
        var org = new Organization
        {
            Name = Input.Name!.Trim(), Type = Input.Type, MunicipalityCode = string.IsNullOrEmpty(Input.MunicipalityCode) ? null : Input.MunicipalityCode,
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            Website = string.IsNullOrWhiteSpace(Input.Website) ? null : Input.Website.Trim(),
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        Message = t["Message_OrganizationCreated", org.Name];
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    /// <summary>
    /// Moves services, locations, contacts, phones and editors of the duplicate to the kept organisation and
    /// deactivates the duplicate. Both keep their audit history: entries are never rewritten, and the move itself is audited.
    /// </summary>
    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (KeepId is null || MergeId is null || KeepId == MergeId) ModelState.AddModelError(nameof(MergeId), t["Validation_MergeChoice"]);
        var keep = KeepId is null ? null : await db.Organizations.FirstOrDefaultAsync(o => o.Id == KeepId, ct);
        var merge = MergeId is null ? null : await db.Organizations.FirstOrDefaultAsync(o => o.Id == MergeId, ct);
        if (ModelState.IsValid && (keep is null || merge is null)) ModelState.AddModelError(nameof(MergeId), t["Validation_MergeChoice"]);
        if (!ModelState.IsValid) return Page();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var s in await db.Services.Where(s => s.OrganizationId == merge!.Id).ToListAsync(ct)) s.OrganizationId = keep!.Id;
        foreach (var l in await db.Locations.Where(l => l.OrganizationId == merge!.Id).ToListAsync(ct)) l.OrganizationId = keep!.Id;
        foreach (var c in await db.Contacts.Where(c => c.OrganizationId == merge!.Id).ToListAsync(ct)) c.OrganizationId = keep!.Id;
        foreach (var p in await db.Phones.Where(p => p.OrganizationId == merge!.Id).ToListAsync(ct)) p.OrganizationId = keep!.Id;
        var keptEditors = await db.UserOrganizations.Where(u => u.OrganizationId == keep!.Id).Select(u => u.UserId).ToListAsync(ct);
        var movedEditors = await db.UserOrganizations.Where(u => u.OrganizationId == merge!.Id).ToListAsync(ct);
        db.UserOrganizations.RemoveRange(movedEditors);
        foreach (var u in movedEditors.Where(u => !keptEditors.Contains(u.UserId)))
        {
            db.UserOrganizations.Add(new UserOrganization { UserId = u.UserId, OrganizationId = keep!.Id });
        }
        merge!.IsActive = false;
        db.AuditEntries.Add(db.AuditEntryFor(nameof(Organization), merge.Id, "merge", "MergedInto", merge.Name, keep!.Id.ToString(), merge.Id));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Message = t["Message_Merged", merge.Name, keep.Name];
        return RedirectToPage();
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        org.IsActive = active;
        await db.SaveChangesAsync(ct);
        Message = t[active ? "Message_OrganizationReactivated" : "Message_OrganizationDeactivated", org.Name];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Type, o.IsActive, o.Services.Count, db.UserOrganizations.Count(u => u.OrganizationId == o.Id)))
            .ToListAsync(ct);
        var county = options.Value.CountyCode;
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == county).OrderBy(m => m.Name).ToDictionaryAsync(m => m.Code, m => m.Name, ct);
    }
}
