using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>"Min organisation": the services with state and freshness, what to do next, and the one-click actions.</summary>
public sealed class OrganizationModel(SamlaDbContext db, TermCatalogCache termCatalog, OrganizationAccess access, ServiceChanges changes, Freshness freshness,
    IOptions<SamlaOptions> options, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Status, bool IsPublished, DateOnly? AssuredDate, string? AssurerEmail, int Version)
    {
        public bool IsActive => Status == ServiceStatus.Active;
    }

    [FromRoute]
    public Guid OrgId { get; set; }

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Row> Services { get; private set; } = [];
    public int Locations { get; private set; }
    public int Contacts { get; private set; }
    public int CycleMonths => freshness.CycleMonths;
    public DateOnly Today => changes.Today;

    [TempData]
    public string? Message { get; set; }

    public bool IsStale(Row r) => freshness.IsStale(r.AssuredDate);

    /// <summary>Not stale yet, but will be within a month.</summary>
    public bool IsDue(Row r) => !IsStale(r) && r.AssuredDate < freshness.StaleBefore.AddMonths(1);

    public DateOnly? DueDate(Row r) => r.AssuredDate?.AddMonths(freshness.CycleMonths);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return NotFound();
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == OrgId, ct);
        if (org is null) return NotFound();
        Organization = org;
        Services = await db.Services.AsNoTracking().Where(s => s.OrganizationId == OrgId)
            .OrderBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Status, s.IsPublished, s.AssuredDate, s.AssurerEmail, s.Version))
            .ToListAsync(ct);
        Locations = await db.Locations.CountAsync(l => l.OrganizationId == OrgId, ct);
        Contacts = await db.Contacts.CountAsync(c => c.OrganizationId == OrgId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid serviceId, CancellationToken ct) =>
        ChangeOneAsync(serviceId, "confirm", Confirm, "Message_Confirmed", ct);

    public Task<IActionResult> OnPostDeactivateAsync(Guid serviceId, CancellationToken ct) =>
        ChangeOneAsync(serviceId, "deactivate", s => s.Status = ServiceStatus.Inactive, "Message_Deactivated", ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid serviceId, CancellationToken ct) =>
        ChangeOneAsync(serviceId, "reactivate", s => s.Status = ServiceStatus.Active, "Message_Reactivated", ct);

    public async Task<IActionResult> OnPostConfirmAllAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return NotFound();
        var catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, OrgId, ct);
        var ids = await db.Services.Where(s => s.OrganizationId == OrgId && s.Status == ServiceStatus.Active)
            .Select(s => s.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            var service = await changes.LoadAsync(id, ct);
            if (service is null || service.OrganizationId != OrgId) continue;
            await changes.StageAsync(service, service.Version, "confirm", catalog, User, Confirm, ct);
        }
        await changes.SaveAsync(ct);
        Message = t.Plural("Message_ConfirmedAll", ids.Count);
        return RedirectToPage(new { orgId = OrgId });
    }

    public async Task<IActionResult> OnPostDuplicateAsync(Guid serviceId, CancellationToken ct)
    {
        var original = await changes.LoadAsync(serviceId, ct);
        if (original is null || original.OrganizationId != OrgId || !await access.CanEditAsync(User, original.OrganizationId, ct)) return NotFound();
        var catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, OrgId, ct);
        var snapshot = ServiceSnapshot.Capture(original, catalog);
        snapshot.Name = t["CopyOf", original.Name];
        snapshot.IsPublished = false;
        snapshot.Status = ServiceStatus.Active;
        snapshot.AssuredDate = null;
        snapshot.AssurerEmail = null;
        snapshot.Translations = [];
        var copy = new Service { Name = snapshot.Name, OrganizationId = original.OrganizationId };
        snapshot.ApplyTo(copy, catalog, db: null);
        changes.StageNew(copy, "duplicate", catalog, User);
        await changes.SaveAsync(ct);
        Message = t["Message_Duplicated"];
        return RedirectToPage("Edit", new { id = copy.Id });
    }

    private void Confirm(Service s)
    {
        s.AssuredDate = changes.Today;
        s.AssurerEmail = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
    }

    private async Task<IActionResult> ChangeOneAsync(Guid serviceId, string action, Action<Service> change, string message, CancellationToken ct)
    {
        var service = await changes.LoadAsync(serviceId, ct);
        // The service's own organisation decides, and it must be the one in the address.
        if (service is null || service.OrganizationId != OrgId || !await access.CanEditAsync(User, service.OrganizationId, ct)) return NotFound();
        var catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, service.OrganizationId, ct);
        await changes.StageAsync(service, service.Version, action, catalog, User, change, ct);
        await changes.SaveAsync(ct);
        Message = t[message, service.Name];
        return RedirectToPage(new { orgId = OrgId });
    }
}
