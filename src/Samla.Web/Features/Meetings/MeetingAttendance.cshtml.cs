using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Meetings;

/// <summary>Records who came: per invited organisation present, absent or excused, and the representative's role (never a name).</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class MeetingAttendanceModel(SamlaDbContext db, IStringLocalizer<MeetingsText> t) : PageModel
{
    public sealed class Row
    {
        public Guid OrganizationId { get; set; }
        /// <summary>Empty: not recorded.</summary>
        public AttendanceStatus? Status { get; set; }
        public string? Role { get; set; }
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public DialogueMeeting Meeting { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<(string Label, string Saved, string Mine)> Conflicts { get; private set; } = [];
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Version = Meeting.Version;
        Rows = Organizations().Select(org =>
        {
            var a = Meeting.Attendance.FirstOrDefault(x => x.OrganizationId == org);
            return new Row { OrganizationId = org, Status = a?.Status, Role = a?.Role };
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        var allowed = Organizations().ToHashSet();
        Rows = Rows.Where(r => allowed.Contains(r.OrganizationId)).ToList();
        foreach (var r in Rows.Where(r => r.Role?.Length > 200)) ModelState.AddModelError("Rows", t["Validation_Role"]);
        if (Version != Meeting.Version)
        {
            Stale = true;
            Conflicts = Rows.Select(r =>
            {
                var saved = Meeting.Attendance.FirstOrDefault(a => a.OrganizationId == r.OrganizationId);
                return (Names.GetValueOrDefault(r.OrganizationId, "?"), Describe(saved?.Status, saved?.Role), Describe(r.Status, r.Role));
            }).Where(c => c.Item2 != c.Item3).ToList();
            ModelState.Remove(nameof(Version));
            Version = Meeting.Version;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        foreach (var r in Rows)
        {
            var existing = Meeting.Attendance.FirstOrDefault(a => a.OrganizationId == r.OrganizationId);
            var role = string.IsNullOrWhiteSpace(r.Role) ? null : r.Role.Trim();
            if (r.Status is null)
            {
                if (existing is not null) db.Remove(existing);
                continue;
            }
            if (existing is null)
            {
                db.Add(new MeetingAttendance { MeetingId = Meeting.Id, OrganizationId = r.OrganizationId, Status = r.Status.Value, Role = role });
            }
            else
            {
                existing.Status = r.Status.Value;
                existing.Role = role;
            }
        }
        // The meeting's version covers its attendance: a concurrent save of either is caught.
        var entry = db.Entry(Meeting);
        entry.Property(m => m.LastModified).IsModified = true;
        entry.Property(m => m.Version).OriginalValue = Version;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = t["Message_AttendanceSaved"].Value;
        return Redirect($"/samordning/moten/{id}");
    }

    private string Describe(AttendanceStatus? status, string? role) =>
        status is null ? t["NotRecorded"] : role is { Length: > 0 } ? $"{t["Attendance_" + status]} ({role})" : t["Attendance_" + status];

    private IEnumerable<Guid> Organizations() =>
        Meeting.InvitedOrganizationIds.Concat(Meeting.Attendance.Select(a => a.OrganizationId)).Distinct()
            .OrderBy(id => Names.GetValueOrDefault(id, "?"), StringComparer.CurrentCulture);

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var q = db.Set<DialogueMeeting>().Include(m => m.Attendance).AsQueryable();
        if (!tracked) q = q.AsNoTracking();
        if (await q.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting) return false;
        Meeting = meeting;
        Names = await MeetingChoices.NamesAsync(db, ct);
        return true;
    }
}
