using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Directory;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// Edits a service. The form carries the version it was read at; when someone saved in between, the page
/// answers 409 with both versions side by side and lets the user pick per field (nothing is overwritten silently).
/// </summary>
public sealed class EditModel(SamlaDbContext db, TermCatalogCache termCatalog, OrganizationAccess access, ServiceChanges changes, IOptions<SamlaOptions> options,
    ScheduleText scheduleText, IStringLocalizer<WorkspaceText> t) : PageModel, IServiceFormPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    /// <summary>Per conflicting field: "mine" or "saved".</summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    public WorkspaceCatalog Catalog { get; private set; } = null!;
    public (string Description, string ApplicationProcess)? Preview { get; private set; }
    public Service Service { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    /// <summary>Set when someone saved in between: the differing fields, shown by _Conflict.cshtml.</summary>
    public ConflictView? Conflict { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = ServiceInput.From(ServiceSnapshot.Capture(Service, Catalog), Service.OrganizationId, Service.Version);
        Input.PadSchedules();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.OrganizationId != Service.OrganizationId) return BadRequest();
        ModelState.Clear();
        Preview = (SafeMarkdown.ToHtml(Input.Description), SafeMarkdown.ToHtml(Input.ApplicationProcess));
        Input.PadSchedules();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(merge: false, ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) => SaveAsync(merge: true, ct);

    private async Task<IActionResult> SaveAsync(bool merge, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // Never moved between organisations by a form: a posted organisation other than the service's own is refused.
        if (Input.OrganizationId != Service.OrganizationId) return BadRequest();
        ModelState.Clear();
        Input.Validate(ModelState, t, Catalog);
        if (!ModelState.IsValid)
        {
            Input.PadSchedules();
            return Page();
        }

        var mine = Input.ToSnapshot(ServiceSnapshot.Capture(Service, Catalog));
        var stale = await FieldConflicts.SaveAsync(db, Service, Input.Version, mine, merge, Choices, s => ServiceSnapshot.Capture(s, Catalog),
            (s, version) =>
            {
                mine.AssuredDate = changes.Today;
                mine.AssurerEmail = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
                return changes.StageAsync(s, version, merge ? "merge" : "edit", Catalog, User, x => mine.ApplyTo(x, Catalog, db), ct);
            },
            changes.SaveAsync, async c => await LoadAsync(c) ? Service : null, ct);
        if (stale is not null) return stale.Current is null ? NotFound() : await ConflictAsync(stale.Saved!, mine, ct);
        Message = t["Message_Saved", Service.Name, Service.Version];
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> ConflictAsync(ServiceSnapshot saved, ServiceSnapshot mine, CancellationToken ct)
    {
        var seen = await db.ServiceVersions.AsNoTracking()
            .Where(v => v.ServiceId == Id && v.Version == Input.Version).Select(v => v.SnapshotJson).FirstOrDefaultAsync(ct);
        var latest = await db.ServiceVersions.AsNoTracking().Where(v => v.ServiceId == Id)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        // What the other person changed defaults to theirs; what this user changed defaults to theirs too — "mine".
        Conflict = await FieldConflicts.ViewAsync(db, t["ConflictHeading"], saved, mine, seen is null ? null : ServiceSnapshot.FromJson(seen),
            f => t["Field_" + f], (f, s) => Catalog.Describe(f, s, scheduleText, t), Service.OrganizationId, Service.LastModified,
            nameof(Service), Service.Id, ct, f => f is not nameof(ServiceSnapshot.AssuredDate) and not nameof(ServiceSnapshot.AssurerEmail),
            (latest?.UserName, latest?.Timestamp ?? Service.LastModified));
        Input = ServiceInput.From(mine, Service.OrganizationId, Service.Version);
        Input.PadSchedules();
        Choices = new(Conflict.Choices);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var service = await changes.LoadAsync(Id, ct);
        if (service is null || !await access.CanEditAsync(User, service.OrganizationId, ct)) return false;
        Service = service;
        OrganizationName = await db.Organizations.Where(o => o.Id == service.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        Catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, service.OrganizationId, ct);
        return true;
    }
}
