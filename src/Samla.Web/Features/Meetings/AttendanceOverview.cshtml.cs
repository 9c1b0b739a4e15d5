using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>Who has dropped away: the latest meetings per organisation, absent from the last two, no active editor.</summary>
public static class AttendanceFlags
{
    /// <summary>
    /// Not present at either of the last two meetings the organisation was invited to (newest first; null = invited but
    /// nothing recorded, which counts as absent). Fewer than two meetings: no flag.
    /// </summary>
    public static bool AbsentFromLastTwo(IReadOnlyList<AttendanceStatus?> invitedNewestFirst) =>
        invitedNewestFirst.Count >= 2 && invitedNewestFirst.Take(2).All(s => s != AttendanceStatus.Present);
}

[Authorize]
public sealed class AttendanceOverviewModel(SamlaDbContext db, RoundProgress progress, TimeProvider clock) : PageModel
{
    public const int MeetingCount = 4;

    public sealed record Row(Guid OrganizationId, string Name, IReadOnlyList<AttendanceStatus?> Cells, IReadOnlyList<bool> Invited,
        bool AbsentFromLastTwo, bool NoActiveEditor);

    public IReadOnlyList<DialogueMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanManage => OrganizationAccess.CanEditAll(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Newest first.
        Meetings = await db.Set<DialogueMeeting>().AsNoTracking().Include(m => m.Attendance)
            .Where(m => m.StartsAt <= now && !m.IsCancelled).OrderByDescending(m => m.StartsAt).Take(MeetingCount).ToListAsync(ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var editors = await progress.ActiveEditorCountsAsync(orgs.Select(o => o.Id).ToList(), ct);
        Rows = orgs.Select(o =>
        {
            var invited = Meetings.Select(m => m.InvitedOrganizationIds.Contains(o.Id) || m.Attendance.Any(a => a.OrganizationId == o.Id)).ToList();
            var cells = Meetings.Select(m => m.Attendance.FirstOrDefault(a => a.OrganizationId == o.Id)?.Status).ToList();
            var invitedCells = cells.Where((_, i) => invited[i]).ToList();
            return new Row(o.Id, o.Name, cells, invited, AttendanceFlags.AbsentFromLastTwo(invitedCells), editors.GetValueOrDefault(o.Id) == 0);
        }).ToList();
    }
}
