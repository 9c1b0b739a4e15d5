using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Workspace;

public sealed class CreateModel(SamlaDbContext db, TermCatalogCache termCatalog, OrganizationAccess access, ServiceChanges changes, IOptions<SamlaOptions> options,
    IStringLocalizer<WorkspaceText> t) : PageModel, IServiceFormPage
{
    [FromRoute]
    public Guid OrgId { get; set; }

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public WorkspaceCatalog Catalog { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public (string Description, string ApplicationProcess)? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = ServiceInput.From(new ServiceSnapshot { IsPublished = false }, OrgId, 0);
        Input.PadSchedules();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.OrganizationId != OrgId) return BadRequest();
        ModelState.Clear();
        Preview = (SafeMarkdown.ToHtml(Input.Description), SafeMarkdown.ToHtml(Input.ApplicationProcess));
        Input.PadSchedules();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // The organisation comes from the address and is checked above; a form claiming another one is refused.
        if (Input.OrganizationId != OrgId) return BadRequest();
        ModelState.Clear();
        Input.Validate(ModelState, t, Catalog);
        if (!ModelState.IsValid)
        {
            Input.PadSchedules();
            return Page();
        }
        var snapshot = Input.ToSnapshot(new ServiceSnapshot());
        snapshot.AssuredDate = changes.Today;
        snapshot.AssurerEmail = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
        var service = new Service { Name = snapshot.Name, OrganizationId = OrgId };
        snapshot.ApplyTo(service, Catalog, db: null);
        changes.StageNew(service, "create", Catalog, User);
        await changes.SaveAsync(ct);
        Message = t["Message_Created", service.Name];
        return RedirectToPage("Organization", new { orgId = OrgId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return false;
        var name = await db.Organizations.Where(o => o.Id == OrgId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        OrganizationName = name;
        Catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, OrgId, ct);
        return true;
    }
}
