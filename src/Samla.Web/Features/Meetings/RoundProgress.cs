using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>An organisation's state in an update round, derived from what happened during the round.</summary>
public enum RoundState
{
    NotStarted,
    Confirmed,
    Updated,
    Overdue,
}

/// <summary>One organisation's row on the round board.</summary>
public sealed record OrganizationProgress(
    Guid OrganizationId,
    string Name,
    RoundState State,
    int ActiveServices,
    int Confirmed,
    IReadOnlyList<string> UpdatedServices,
    IReadOnlyList<string> ServicesToConfirm,
    DateTime? LastActivity,
    int ActiveEditors,
    string? ProcessLeaderRole)
{
    /// <summary>Every active service confirmed or updated during the round.</summary>
    public bool Done => ServicesToConfirm.Count == 0;
}

/// <summary>
/// Derives each covered organisation's state from the workspace's own records: the ServiceVersion rows its saves wrote
/// during the round's window (action "confirm", from "Uppgifterna stämmer" or a single service's confirmation, = confirmed
/// unchanged; edit, create, deactivate, restore and the like = updated). An assured date alone does not count: imports
/// and old data carry them too.
/// </summary>
public sealed class RoundProgress(SamlaDbContext db, OrganizationAccess access, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MeetingsOptions> options)
{
    /// <summary>The one rule: overdue beats everything once the deadline has passed with work left; then updated, then confirmed.</summary>
    public static RoundState Derive(int remaining, int confirmed, int updated, DateOnly today, DateOnly deadline)
    {
        if (today > deadline && remaining > 0) return RoundState.Overdue;
        if (updated > 0) return RoundState.Updated;
        if (confirmed > 0) return RoundState.Confirmed;
        return RoundState.NotStarted;
    }

    /// <summary>Today in the site's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(MeetingTime.ToLocal(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone));

    public async Task<IReadOnlyList<OrganizationProgress>> ForRoundAsync(UpdateRound round, CancellationToken ct)
    {
        var orgIds = round.OrganizationIds;
        var from = round.OpenedAt;
        var to = round.ClosedAt ?? clock.GetUtcNow().UtcDateTime;
        var today = round.ClosedAt is { } closed ? DateOnly.FromDateTime(MeetingTime.ToLocal(closed, options.Value.TimeZone)) : Today;

        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var services = await db.Services.AsNoTracking()
            .Where(s => orgIds.Contains(s.OrganizationId) && s.Status == ServiceStatus.Active)
            .Select(s => new { s.Id, s.OrganizationId, s.Name }).ToListAsync(ct);
        var versions = await db.ServiceVersions.AsNoTracking()
            .Where(v => orgIds.Contains(v.OrganizationId) && v.Timestamp >= from && v.Timestamp <= to && v.Action != "baseline")
            .Select(v => new { v.ServiceId, v.OrganizationId, v.Action, v.Timestamp }).ToListAsync(ct);
        var editors = await ActiveEditorCountsAsync(orgIds, ct);
        var leaders = await db.Contacts.AsNoTracking()
            .Where(c => c.OrganizationId != null && orgIds.Contains(c.OrganizationId.Value) && c.Role == ContactRole.ProcessLeader && c.Title != null)
            .Select(c => new { OrganizationId = c.OrganizationId!.Value, c.Title }).ToListAsync(ct);

        var rows = new List<OrganizationProgress>();
        foreach (var org in orgs)
        {
            var own = services.Where(s => s.OrganizationId == org.Id).ToList();
            var ownVersions = versions.Where(v => v.OrganizationId == org.Id).ToList();
            var updatedIds = ownVersions.Where(v => v.Action != "confirm").Select(v => v.ServiceId).ToHashSet();
            var confirmedIds = ownVersions.Where(v => v.Action == "confirm").Select(v => v.ServiceId).ToHashSet();
            var toConfirm = own.Where(s => !updatedIds.Contains(s.Id) && !confirmedIds.Contains(s.Id)).Select(s => s.Name).Order().ToList();
            var updatedNames = await UpdatedNamesAsync(updatedIds, ct);
            var confirmedOnly = confirmedIds.Count(id => !updatedIds.Contains(id));
            DateTime? last = ownVersions.Count == 0 ? null : ownVersions.Max(v => v.Timestamp);
            rows.Add(new OrganizationProgress(org.Id, org.Name,
                Derive(toConfirm.Count, confirmedOnly, updatedIds.Count, today, round.Deadline),
                own.Count, confirmedOnly, updatedNames, toConfirm, last,
                editors.GetValueOrDefault(org.Id), leaders.FirstOrDefault(l => l.OrganizationId == org.Id)?.Title));
        }
        return rows;
    }

    private async Task<IReadOnlyList<string>> UpdatedNamesAsync(HashSet<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);

    /// <summary>Active users in the Editor role bound to each organisation.</summary>
    public async Task<Dictionary<Guid, int>> ActiveEditorCountsAsync(IReadOnlyCollection<Guid> orgIds, CancellationToken ct) =>
        (await access.ActiveEditorsAsync(orgIds, ct)).GroupBy(e => e.OrganizationId).ToDictionary(g => g.Key, g => g.Select(e => e.UserId).Distinct().Count());

    /// <summary>The addresses of an organisation's active editors (for mail only; never shown).</summary>
    public async Task<IReadOnlyList<(string UserId, string Email)>> ActiveEditorAddressesAsync(Guid orgId, CancellationToken ct) =>
        (await access.ActiveEditorsAsync([orgId], ct)).Where(e => e.Email is not null).Select(e => (e.UserId, e.Email!)).Distinct().ToList();
}

/// <summary>When reminders go out: on the chosen days before the deadline, then every N days while overdue.</summary>
public static class ReminderSchedule
{
    public static bool IsReminderDay(DateOnly today, DateOnly deadline, IReadOnlyCollection<int> daysBefore, int overdueEveryDays)
    {
        var left = deadline.DayNumber - today.DayNumber;
        if (left >= 0) return daysBefore.Contains(left);
        return overdueEveryDays > 0 && -left % overdueEveryDays == 0;
    }

    /// <summary>The organisations to remind today: none on other days or for a closed round; otherwise those not done.</summary>
    public static IReadOnlyList<OrganizationProgress> Select(UpdateRound round, IEnumerable<OrganizationProgress> progress, DateOnly today) =>
        round.ClosedAt is not null || !IsReminderDay(today, round.Deadline, round.ReminderDaysBefore, round.OverdueEveryDays)
            ? []
            : progress.Where(p => !p.Done).ToList();

    /// <summary>
    /// How often reminders go after the deadline, in words that read naturally: "varje dag", "varannan dag", "varje vecka",
    /// "varannan vecka", "var 10:e dag", "inga" (never "var 1:e dag").
    /// </summary>
    public static string OverdueInWords(IStringLocalizer t, int everyDays) => everyDays switch
    {
        <= 0 => t["OverdueEvery_None"],
        1 => t["OverdueEvery_Daily"],
        2 => t["OverdueEvery_EveryOther"],
        7 => t["OverdueEvery_Weekly"],
        14 => t["OverdueEvery_EveryOtherWeek"],
        _ => t["OverdueEvery_Nth", everyDays],
    };

    /// <summary>Parses "14, 3" into days before the deadline; null when a value is not a whole number 0–365.</summary>
    public static List<int>? Parse(string? text)
    {
        var result = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) || d > 365) return null;
            result.Add(d);
        }
        return result.Distinct().OrderDescending().ToList();
    }
}
