using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Needs;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Meetings;

/// <summary>Minutes (Markdown), decisions and action items of a meeting (coordinators and administrators).</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class MeetingMinutesModel(SamlaDbContext db, TimeProvider clock, IStringLocalizer<MeetingsText> t) : PageModel
{
    public sealed class ItemInput
    {
        public string? What { get; set; }
        public Guid? Owner { get; set; }
        public DateOnly? DueDate { get; set; }
        public Guid? NeedId { get; set; }
    }

    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ItemInput Item { get; set; } = new();

    public DialogueMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> NeedChoices { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<(string Label, string Saved, string Mine)> Conflicts { get; private set; } = [];
    public bool Stale { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Minutes = Meeting.Minutes;
        Decisions = string.Join("\n", Meeting.Decisions);
        Version = Meeting.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Minutes?.Length > 100_000) ModelState.AddModelError(nameof(Minutes), t["Validation_Minutes"]);
        if (Version != Meeting.Version)
        {
            Stale = true;
            var rows = new List<(string, string, string)>
            {
                (t["MinutesTitle"], Meeting.Minutes, Minutes ?? ""),
                (t["DecisionsTitle"], string.Join(" / ", Meeting.Decisions), string.Join(" / ", MeetingInput.Lines(Decisions))),
            };
            Conflicts = rows.Where(r => r.Item2.Trim() != r.Item3.Trim()).ToList();
            ModelState.Remove(nameof(Version));
            Version = Meeting.Version;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var m = await db.Set<DialogueMeeting>().FirstAsync(x => x.Id == id, ct);
        m.Minutes = Minutes?.Trim() ?? "";
        m.Decisions = MeetingInput.Lines(Decisions);
        db.Entry(m).Property(x => x.Version).OriginalValue = Version;
        await db.SaveChangesAsync(ct);
        Message = t["Message_MinutesSaved"];
        return Redirect($"/samordning/moten/{id}/protokoll");
    }

    public async Task<IActionResult> OnPostAddItemAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Minutes = Meeting.Minutes;
        Decisions = string.Join("\n", Meeting.Decisions);
        Version = Meeting.Version;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Item.What) || Item.What.Length > 1000) ModelState.AddModelError("Item.What", t["Validation_What"]);
        if (Item.Owner is not { } owner || Organizations.All(o => o.Id != owner)) ModelState.AddModelError("Item.Owner", t["Validation_Owner"]);
        if (Item.NeedId is { } need && NeedChoices.All(n => n.Id != need)) ModelState.AddModelError("Item.NeedId", t["Validation_Need"]);
        if (!ModelState.IsValid) return Page();
        var order = await db.Set<ActionItem>().Where(a => a.MeetingId == id).Select(a => (int?)a.SortOrder).MaxAsync(ct) ?? 0;
        db.Add(new ActionItem
        {
            MeetingId = id,
            What = Item.What!.Trim(),
            OwnerOrganizationId = Item.Owner!.Value,
            DueDate = Item.DueDate,
            NeedId = Item.NeedId,
            Status = ActionItemStatus.Open,
            SortOrder = order + 1,
        });
        await db.SaveChangesAsync(ct);
        Message = t["Message_ItemAdded"];
        return Redirect($"/samordning/moten/{id}/protokoll#action-items");
    }

    public async Task<IActionResult> OnPostItemStatusAsync(Guid id, Guid itemId, ActionItemStatus status, string? comment, int itemVersion, CancellationToken ct)
    {
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == itemId && a.MeetingId == id, ct);
        if (item is null) return NotFound();
        if (item.Version != itemVersion)
        {
            Message = t["Message_ItemStale"];
            return Redirect($"/samordning/moten/{id}/protokoll#action-items");
        }
        ActionItems.SetStatus(item, status, comment, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        db.Entry(item).Property(a => a.Version).OriginalValue = itemVersion;
        await db.SaveChangesAsync(ct);
        Message = t["Message_ItemSaved"];
        return Redirect($"/samordning/moten/{id}/protokoll#action-items");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await db.Set<DialogueMeeting>().AsNoTracking().Include(x => x.ActionItems).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return false;
        Meeting = m;
        Organizations = await MeetingChoices.OrganizationsAsync(db, ct);
        Names = await MeetingChoices.NamesAsync(db, ct);
        NeedChoices = (await db.Set<Need>().AsNoTracking().Where(n => n.Status != NeedStatus.Closed).OrderBy(n => n.Title)
            .Select(n => new { n.Id, n.Title }).ToListAsync(ct)).Select(n => (n.Id, n.Title)).ToList();
        return true;
    }
}

/// <summary>The one place an action item's status changes (coordinators on the minutes page, editors on their workspace).</summary>
public static class ActionItems
{
    public static void SetStatus(ActionItem item, ActionItemStatus status, string? comment, string by, DateTime now)
    {
        item.Status = status;
        item.Comment = string.IsNullOrWhiteSpace(comment) ? item.Comment : comment.Trim()[..Math.Min(comment.Trim().Length, 2000)];
        item.DoneBy = status == ActionItemStatus.Done ? by : null;
        item.DoneAt = status == ActionItemStatus.Done ? now : null;
    }
}
