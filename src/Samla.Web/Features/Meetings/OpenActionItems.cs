using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>The organisation's open action items from dialogue meetings, on its workspace page.</summary>
public sealed class OpenActionItemsViewComponent(SamlaDbContext db) : ViewComponent
{
    public sealed record Item(Guid Id, string What, DateOnly? DueDate, Guid MeetingId, string Meeting, int Version);

    public async Task<IViewComponentResult> InvokeAsync(Guid organizationId)
    {
        var items = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => a.OwnerOrganizationId == organizationId && a.Status == ActionItemStatus.Open)
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.What)
            .Select(a => new Item(a.Id, a.What, a.DueDate, a.MeetingId, a.Meeting.Title, a.Version))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Meetings/_OpenActionItems.cshtml", items);
    }
}

/// <summary>
/// An editor marks one of their organisation's action items done, with a comment. The item's owner organisation
/// decides, through OrganizationAccess (the one edit-rights rule); another organisation's item is a 404 and nothing is written.
/// </summary>
[Authorize]
public sealed class ActionItemDoneModel(SamlaDbContext db, OrganizationAccess access, TimeProvider clock, IStringLocalizer<MeetingsText> t) : PageModel
{
    public ActionItem Item { get; private set; } = null!;
    public string MeetingTitle { get; private set; } = "";

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Comment = Item.Comment;
        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Comment?.Length > 2000) ModelState.AddModelError(nameof(Comment), t["Validation_Comment"]);
        if (Version != Item.Version)
        {
            ModelState.AddModelError(nameof(Version), t["Message_ItemStale"]);
            Version = Item.Version;
        }
        if (!ModelState.IsValid) return Page();
        ActionItems.SetStatus(Item, ActionItemStatus.Done, Comment, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        db.Entry(Item).Property(a => a.Version).OriginalValue = Version;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = t["Message_ItemDone", Item.What].Value;
        return Redirect($"/arbetsyta/organisationer/{Item.OwnerOrganizationId}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Set<ActionItem>().Include(a => a.Meeting).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (item is null || !await access.CanEditAsync(User, item.OwnerOrganizationId, ct)) return false;
        Item = item;
        MeetingTitle = item.Meeting.Title;
        return true;
    }
}
