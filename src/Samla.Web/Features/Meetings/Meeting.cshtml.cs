using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Needs;

namespace Samla.Web.Features.Meetings;

/// <summary>A meeting with everything its pages show: organisation names, action items with owners and needs.</summary>
public sealed record MeetingView(DialogueMeeting Meeting, IReadOnlyDictionary<Guid, string> Names, IReadOnlyList<MeetingView.ItemRow> Items, string Zone)
{
    public sealed record ItemRow(ActionItem Item, string Owner, string? NeedTitle);

    public string Name(Guid id) => Names.GetValueOrDefault(id, "?");

    public static async Task<MeetingView?> LoadAsync(SamlaDbContext db, Guid id, string zone, CancellationToken ct)
    {
        var m = await db.Set<DialogueMeeting>().AsNoTracking().Include(x => x.Attendance).Include(x => x.ActionItems)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var names = await MeetingChoices.NamesAsync(db, ct);
        var needIds = m.ActionItems.Where(a => a.NeedId != null).Select(a => a.NeedId!.Value).ToList();
        var needs = await db.Set<Need>().AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, ct);
        var items = m.ActionItems.OrderBy(a => a.SortOrder).ThenBy(a => a.CreatedAt)
            .Select(a => new ItemRow(a, names.GetValueOrDefault(a.OwnerOrganizationId, "?"), a.NeedId is { } n ? needs.GetValueOrDefault(n) : null)).ToList();
        return new MeetingView(m, names, items, zone);
    }
}

/// <summary>One meeting: time, place, agenda, attendance, minutes, decisions and action items; coordinators' actions.</summary>
[Authorize]
public sealed class MeetingModel(SamlaDbContext db, UpdateRoundMail mail, Microsoft.Extensions.Options.IOptions<MeetingsOptions> options,
    IStringLocalizer<MeetingsText> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public DialogueMeeting Meeting => View.Meeting;
    public IReadOnlyList<UpdateRound> Rounds { get; private set; } = [];
    public bool CanManage => OrganizationAccess.CanEditAll(User);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await MeetingView.LoadAsync(db, id, options.Value.TimeZone, ct) is not { } view) return NotFound();
        View = view;
        Rounds = await db.Set<UpdateRound>().AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.OpenedAt).ToListAsync(ct);
        return Page();
    }

    /// <summary>Mails the invitation with the .ics to the invited organisations' editors (once per version of the meeting).</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var meeting = await db.Set<DialogueMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        var count = await mail.InvitationAsync(meeting, HttpContext, ct);
        await db.SaveChangesAsync(ct);
        Message = count == 0 ? t["Message_InvitedNone"] : t.Plural("Message_Invited", count);
        return Redirect($"/samordning/moten/{id}");
    }
}

/// <summary>The minutes as a board would file them: meeting, attendance, minutes, decisions, action items.</summary>
[Authorize]
public sealed class MinutesPrintModel(SamlaDbContext db, Microsoft.Extensions.Options.IOptions<MeetingsOptions> options) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await MeetingView.LoadAsync(db, id, options.Value.TimeZone, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
