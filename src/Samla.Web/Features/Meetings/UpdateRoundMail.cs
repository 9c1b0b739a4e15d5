using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>
/// Every mail of this feature, composed in Swedish and put in the outbox (committed by the caller's SaveChanges):
/// the round's opening message, its reminders and a meeting's invitation with the .ics attached. Each carries a
/// deduplication key, so that a repeated action or a job that runs twice sends nothing twice.
/// </summary>
public sealed class UpdateRoundMail(SamlaDbContext db, Outbox outbox, RoundProgress progress, MeetingCalendar calendar,
    IOptions<MeetingsOptions> options, IOptions<SamlaOptions> site, IStringLocalizer<MeetingsText> t)
{
    public const string RoundCategory = "update-round";
    public const string InvitationCategory = "meeting-invitation";
    private static readonly CultureInfo Swedish = UiLanguages.Culture("sv");

    private string BaseUrl(HttpContext? http) => MeetingCalendar.BaseUrl(http, site.Value);

    private static string WorkspaceLink(string baseUrl, Guid orgId) => $"{baseUrl}/arbetsyta/organisationer/{orgId}";

    /// <summary>"10 december 2026": a date in the mail's running text (the mail is in Swedish, see <see cref="SwedishScope"/>).</summary>
    private static string Date(DateOnly d) => Formats.LongDate(d);

    /// <summary>The day in the deduplication key: ISO, whatever the language.</summary>
    private static string Key(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>When a round opens: each covered organisation's active editors get the link to their workspace page.</summary>
    public async Task<int> RoundOpenedAsync(UpdateRound round, HttpContext? http, CancellationToken ct)
    {
        var baseUrl = BaseUrl(http);
        var names = await OrganizationNamesAsync(round.OrganizationIds, ct);
        var count = 0;
        using var _ = SwedishScope();
        foreach (var orgId in round.OrganizationIds)
        {
            foreach (var (userId, email) in await progress.ActiveEditorAddressesAsync(orgId, ct))
            {
                var mail = new OutgoingMail(email,
                    t["Mail_Opened_Subject", round.Title],
                    t["Mail_Opened_Body", names.GetValueOrDefault(orgId, ""), round.Title, Date(round.Deadline), WorkspaceLink(baseUrl, orgId)],
                    RoundCategory, $"round:{round.Id}:org:{orgId}:opened:to:{userId}", orgId);
                if (await outbox.EnqueueAsync(mail, ct)) count++;
            }
        }
        return count;
    }

    /// <summary>Today's reminders for a round (none on days off the schedule); idempotent per day.</summary>
    public async Task<int> RemindersAsync(UpdateRound round, DateOnly today, CancellationToken ct)
    {
        var rows = ReminderSchedule.Select(round, await progress.ForRoundAsync(round, ct), today);
        var baseUrl = BaseUrl(null);
        var count = 0;
        using var _ = SwedishScope();
        foreach (var row in rows)
        {
            foreach (var (userId, email) in await progress.ActiveEditorAddressesAsync(row.OrganizationId, ct))
            {
                var overdue = today > round.Deadline;
                var mail = new OutgoingMail(email,
                    overdue ? t["Mail_Overdue_Subject", round.Title] : t["Mail_Reminder_Subject", round.Title, Date(round.Deadline)],
                    t.PluralFormat(overdue ? "Mail_Overdue_Body" : "Mail_Reminder_Body", row.ServicesToConfirm.Count, row.Name, round.Title, Date(round.Deadline),
                        Formats.Number(row.ServicesToConfirm.Count), WorkspaceLink(baseUrl, row.OrganizationId)),
                    RoundCategory, $"round:{round.Id}:org:{row.OrganizationId}:reminder:{Key(today)}:to:{userId}", row.OrganizationId);
                if (await outbox.EnqueueAsync(mail, ct)) count++;
            }
        }
        return count;
    }

    /// <summary>The invitation to a meeting, with its .ics attached, to the invited organisations' active editors.</summary>
    public async Task<int> InvitationAsync(DialogueMeeting meeting, HttpContext? http, CancellationToken ct)
    {
        var baseUrl = BaseUrl(http);
        using var _ = SwedishScope();
        var ics = System.Text.Encoding.UTF8.GetBytes(calendar.Build([meeting], baseUrl, full: true));
        var when = MeetingTime.DisplaySpan(meeting.StartsAt, meeting.EndsAt, options.Value.TimeZone);
        var where = meeting.Place ?? meeting.VideoUrl ?? "";
        var agenda = string.Join("\n", meeting.Agenda.Select((a, i) => $"{i + 1}. {a}"));
        var count = 0;
        foreach (var orgId in meeting.InvitedOrganizationIds)
        {
            foreach (var (userId, email) in await progress.ActiveEditorAddressesAsync(orgId, ct))
            {
                var mail = new OutgoingMail(email,
                    t["Mail_Invitation_Subject", meeting.Title, when],
                    t["Mail_Invitation_Body", meeting.Title, when, where, agenda, $"{baseUrl}/samordning/moten/{meeting.Id}"],
                    InvitationCategory, $"meeting:{meeting.Id}:v{meeting.Version}:to:{userId}", orgId,
                    new MailAttachment("dialogmote.ics", "text/calendar", ics));
                if (await outbox.EnqueueAsync(mail, ct)) count++;
            }
        }
        return count;
    }

    private Task<Dictionary<Guid, string>> OrganizationNamesAsync(List<Guid> ids, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>Mail is written in Swedish whatever the sender's UI language, dates and numbers too.</summary>
    private static CultureScope SwedishScope() => new(Swedish);

    private sealed class CultureScope : IDisposable
    {
        private readonly (CultureInfo Culture, CultureInfo UiCulture) _previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        public CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _previous;
    }
}

/// <summary>Sends the day's update-round reminders: runs hourly, sends at most once a day per organisation and editor.</summary>
public sealed class UpdateRoundReminderJob : IScheduledJob
{
    public string Name => "update-round-reminders";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var db = scopedServices.GetRequiredService<SamlaDbContext>();
        var mail = scopedServices.GetRequiredService<UpdateRoundMail>();
        var today = scopedServices.GetRequiredService<RoundProgress>().Today;
        var rounds = await db.Set<UpdateRound>().AsNoTracking().Where(r => r.ClosedAt == null).ToListAsync(ct);
        foreach (var round in rounds)
        {
            await mail.RemindersAsync(round, today, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
