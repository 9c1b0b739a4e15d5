using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Workspace;

/// <summary>The organisation's own profile: name, description, contact ways and translations.</summary>
public sealed class ProfileModel(SamlaDbContext db, OrganizationAccess access, IConfiguration config, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed class ProfileInput
    {
        public Guid OrganizationId { get; set; }
        public int Version { get; set; }
        public string? Name { get; set; }
        public string? AlternateName { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public string? Website { get; set; }
        public string? MunicipalityCode { get; set; }
        public List<ServiceInput.TranslationInput> Translations { get; set; } = [];
    }

    public sealed record ConflictRow(string Label, string Saved, string Mine);

    [FromRoute]
    public Guid OrgId { get; set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public IReadOnlyDictionary<string, string> Municipalities { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<ConflictRow>? Conflict { get; private set; }
    public string? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = await LoadAsync(ct);
        if (org is null) return NotFound();
        Input = From(org);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null) return NotFound();
        ModelState.Clear();
        Preview = SafeMarkdown.ToHtml(Input.Description);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var org = await LoadAsync(ct);
        if (org is null) return NotFound();
        if (Input.OrganizationId != org.Id) return BadRequest();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", t["Validation_NameRequired"]);
        if (string.IsNullOrWhiteSpace(Input.Description)) ModelState.AddModelError("Input.Description", t["Validation_DescriptionRequired"]);
        if (!string.IsNullOrWhiteSpace(Input.Email) && !FieldRules.IsEmail(Input.Email)) ModelState.AddModelError("Input.Email", t["Validation_Email"]);
        if (!string.IsNullOrWhiteSpace(Input.Website) && !FieldRules.IsWebAddress(Input.Website)) ModelState.AddModelError("Input.Website", t["Validation_Url"]);
        if (!string.IsNullOrEmpty(Input.MunicipalityCode) && !Municipalities.ContainsKey(Input.MunicipalityCode)) ModelState.AddModelError("Input.MunicipalityCode", t["Validation_Municipality"]);
        if (!ModelState.IsValid) return Page();
        if (org.Version != Input.Version) return ShowConflict(org);

        org.Name = Input.Name!.Trim();
        org.AlternateName = Blank(Input.AlternateName);
        org.Description = Input.Description!.Trim();
        org.Email = Blank(Input.Email);
        org.Website = Blank(Input.Website);
        org.MunicipalityCode = Blank(Input.MunicipalityCode);
        var translations = org.Translations.ToDictionary(kv => kv.Key, kv => new Dictionary<string, string>(kv.Value));
        foreach (var tr in Input.Translations.Where(x => UiLanguages.Find(x.Lang) is not null && x.Lang != UiLanguages.Default))
        {
            var fields = translations.GetValueOrDefault(tr.Lang) ?? [];
            if (string.IsNullOrWhiteSpace(tr.Name)) fields.Remove("name"); else fields["name"] = tr.Name.Trim();
            if (string.IsNullOrWhiteSpace(tr.Description)) fields.Remove("description"); else fields["description"] = tr.Description.Trim();
            if (fields.Count > 0) translations[tr.Lang] = fields; else translations.Remove(tr.Lang);
        }
        org.Translations = translations;
        db.Entry(org).Property(o => o.Version).OriginalValue = Input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(ct);
            return current is null ? NotFound() : ShowConflict(current);
        }
        Message = t["Message_ProfileSaved"];
        return RedirectToPage("Organization", new { orgId = OrgId });
    }

    private IActionResult ShowConflict(Organization saved)
    {
        Conflict = new[]
        {
            (t["Field_Name"].Value, saved.Name, Input.Name),
            (t["Field_AlternateName"].Value, saved.AlternateName, Input.AlternateName),
            (t["Field_Description"].Value, saved.Description, Input.Description),
            (t["Field_Email"].Value, saved.Email, Input.Email),
            (t["Field_Url"].Value, saved.Website, Input.Website),
            (t["Field_Municipality"].Value, saved.MunicipalityCode, Input.MunicipalityCode),
        }.Where(r => (r.Item2 ?? "") != (r.Item3 ?? "").Trim()).Select(r => new ConflictRow(r.Item1, r.Item2 ?? "", r.Item3 ?? "")).ToList();
        // The form keeps this user's values; saving again now re-applies them over the newer version, knowingly.
        Input.Version = saved.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    private static ProfileInput From(Organization org) => new()
    {
        OrganizationId = org.Id, Version = org.Version, Name = org.Name, AlternateName = org.AlternateName, Description = org.Description,
        Email = org.Email, Website = org.Website, MunicipalityCode = org.MunicipalityCode,
        Translations = UiLanguages.All.Where(l => l.Code != UiLanguages.Default).Select(l => new ServiceInput.TranslationInput
        {
            Lang = l.Code,
            Name = org.Translations.GetValueOrDefault(l.Code)?.GetValueOrDefault("name"),
            Description = org.Translations.GetValueOrDefault(l.Code)?.GetValueOrDefault("description"),
        }).ToList(),
    };

    private async Task<Organization?> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return null;
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == OrgId, ct);
        var county = config.GetValue("Samla:CountyCode", "13");
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == county).OrderBy(m => m.Name)
            .ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        return org;
    }
}
