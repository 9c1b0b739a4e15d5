using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// The organisation's own profile: name, description, contact ways and translations. The form carries the version
/// it was read at; when someone saved in between, the page answers 409 with both versions side by side and lets the
/// user pick per field, keeping what they wrote (the same mechanism as the service form, FieldConflicts).
/// </summary>
public sealed class ProfileModel(SamlaDbContext db, OrganizationAccess access, IOptions<SamlaOptions> options, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed class ProfileInput
    {
        public Guid OrganizationId { get; set; }
        public int Version { get; set; }
        /// <summary>The profile as the form was read (JSON of a ProfileSnapshot); only preselects the choices after a conflict.</summary>
        public string? Seen { get; set; }
        public string? Name { get; set; }
        public string? AlternateName { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public string? Website { get; set; }
        public string? MunicipalityCode { get; set; }
        public List<ServiceInput.TranslationInput> Translations { get; set; } = [];
    }

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ProfileSnapshot.Name)] = "Field_Name",
        [nameof(ProfileSnapshot.AlternateName)] = "Field_AlternateName",
        [nameof(ProfileSnapshot.Description)] = "Field_Description",
        [nameof(ProfileSnapshot.Email)] = "Field_Email",
        [nameof(ProfileSnapshot.Website)] = "Field_Url",
        [nameof(ProfileSnapshot.MunicipalityCode)] = "Field_Municipality",
        [nameof(ProfileSnapshot.Translations)] = "Field_Translations",
    };

    [FromRoute]
    public Guid OrgId { get; set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>Per conflicting field: "mine" or "saved".</summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    public IReadOnlyDictionary<string, string> Municipalities { get; private set; } = new Dictionary<string, string>();
    /// <summary>Set when someone saved in between: the differing fields, shown by _Conflict.cshtml.</summary>
    public ConflictView? Conflict { get; private set; }
    public string? Preview { get; private set; }

    /// <summary>The organisation's saved name, for the breadcrumb (the form may hold an edited one).</summary>
    public string OrganizationName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = await LoadAsync(ct);
        if (org is null) return NotFound();
        Input = From(ProfileSnapshot.Capture(org), org);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null) return NotFound();
        ModelState.Clear();
        Preview = SafeMarkdown.ToHtml(Input.Description);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(merge: false, ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) => SaveAsync(merge: true, ct);

    private async Task<IActionResult> SaveAsync(bool merge, CancellationToken ct)
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

        var mine = ProfileSnapshot.FromInput(Input, ProfileSnapshot.Capture(org));
        var stale = await FieldConflicts.SaveAsync(db, org, Input.Version, mine, merge, Choices, ProfileSnapshot.Capture,
            (o, version) =>
            {
                mine.ApplyTo(o);
                FieldConflicts.StageVersion(db, o, version);
                return Task.CompletedTask;
            },
            db.SaveChangesAsync, LoadAsync, ct);
        if (stale is not null) return stale.Current is { } current ? await ConflictAsync(current, stale.Saved!, mine, ct) : NotFound();
        Message = t["Message_ProfileSaved"];
        return RedirectToPage("Organization", new { orgId = OrgId });
    }

    private async Task<IActionResult> ConflictAsync(Organization current, ProfileSnapshot saved, ProfileSnapshot mine, CancellationToken ct)
    {
        Conflict = await FieldConflicts.ViewAsync(db, t["ConflictHeadingProfile"], saved, mine, FieldConflicts.FromJson<ProfileSnapshot>(Input.Seen), f => t[Labels[f]], Describe,
            current.Id, current.LastModified, nameof(Organization), current.Id, ct);
        // The form keeps this user's values at the newer version: saving again applies them knowingly, merging takes the choices.
        Input = From(mine, current);
        Choices = new(Conflict.Choices);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private string Describe(string field, ProfileSnapshot s) => field switch
    {
        nameof(ProfileSnapshot.MunicipalityCode) when s.MunicipalityCode is { } code => Municipalities.GetValueOrDefault(code) ?? code,
        nameof(ProfileSnapshot.Translations) => WorkspaceCatalog.DescribeTranslations(s.Translations, t),
        _ => FieldConflicts.FieldsOf(typeof(ProfileSnapshot)).First(p => p.Name == field).GetValue(s) as string ?? "",
    };

    /// <summary>The form for <paramref name="profile"/>, at the version of <paramref name="current"/> and with it as the version seen.</summary>
    private static ProfileInput From(ProfileSnapshot profile, Organization current) => new()
    {
        OrganizationId = current.Id, Version = current.Version, Seen = FieldConflicts.ToJson(ProfileSnapshot.Capture(current)),
        Name = profile.Name, AlternateName = profile.AlternateName, Description = profile.Description,
        Email = profile.Email, Website = profile.Website, MunicipalityCode = profile.MunicipalityCode,
        Translations = UiLanguages.All.Where(l => l.Code != UiLanguages.Default).Select(l => new ServiceInput.TranslationInput
        {
            Lang = l.Code,
            Name = profile.Translations.GetValueOrDefault(l.Code)?.GetValueOrDefault("name"),
            Description = profile.Translations.GetValueOrDefault(l.Code)?.GetValueOrDefault("description"),
        }).ToList(),
    };

    private async Task<Organization?> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return null;
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == OrgId, ct);
        OrganizationName = org?.Name ?? "";
        var county = options.Value.CountyCode;
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == county).OrderBy(m => m.Name)
            .ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        return org;
    }
}
