using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>
/// iCalendar for dialogue meetings: one meeting (signed in; with video link and agenda) and a feed of coming meetings.
/// The feed is public on purpose: calendar programs subscribe without a sign-in cookie. It therefore carries only
/// what is not sensitive (title, time, place and a link to the meeting page, which itself needs sign-in), never the
/// video link, agenda, attendance or anyone's name or address.
/// </summary>
public sealed class MeetingCalendar(SamlaDbContext db, TimeProvider clock, IOptions<SamlaOptions> options, IStringLocalizer<MeetingsText> t)
{
    public SamlaOptions Options => options.Value;

    public const string ContentType = "text/calendar; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/meetings").WithTags("Calendar");
        group.MapGet("/{id:guid}.ics", async (Guid id, MeetingCalendar calendar, HttpContext http, CancellationToken ct) =>
                await calendar.ForMeetingAsync(id, BaseUrl(http, calendar.Options), ct) is { } ics
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(ics), ContentType, $"dialogmote-{id:N}.ics")
                    : Results.NotFound())
            .RequireAuthorization().WithSummary("One dialogue meeting as iCalendar (signed-in users).");
        app.MapGet("/api/calendar/meetings.ics", async (MeetingCalendar calendar, HttpContext http, CancellationToken ct) =>
                Results.Text(await calendar.FeedAsync(BaseUrl(http, calendar.Options), ct), ContentType))
            .WithTags("Calendar").WithSummary("Coming dialogue meetings: title, time, place and a link; no video links, no personal data.");
    }

    public static string BaseUrl(HttpContext? http, SamlaOptions o) =>
        o.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/')
        : http is not null ? $"{http.Request.Scheme}://{http.Request.Host}"
        : "http://localhost";

    public async Task<string?> ForMeetingAsync(Guid id, string baseUrl, CancellationToken ct)
    {
        var meeting = await db.Set<DialogueMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return meeting is null ? null : Build([meeting], baseUrl, full: true);
    }

    public async Task<string> FeedAsync(string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await db.Set<DialogueMeeting>().AsNoTracking()
            .Where(m => m.EndsAt >= now && !m.IsCancelled).OrderBy(m => m.StartsAt).Take(50).ToListAsync(ct);
        return Build(meetings, baseUrl, full: false);
    }

    /// <summary>The calendar text; <paramref name="full"/> adds the video link and the agenda (signed-in use and invitation mail only).</summary>
    public string Build(IEnumerable<DialogueMeeting> meetings, string baseUrl, bool full)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Samla//Dialogue meetings//SV", Method = full ? "PUBLISH" : null };
        calendar.AddProperty("X-WR-CALNAME", t["CalendarName"]);
        foreach (var m in meetings)
        {
            var link = $"{baseUrl}/samordning/moten/{m.Id}";
            var description = new List<string> { t["CalendarDescription", link] };
            if (full && m.Agenda.Count > 0)
            {
                description.Add(t["Agenda"] + ":");
                description.AddRange(m.Agenda.Select((a, i) => $"{i + 1}. {a}"));
            }
            if (full && m.VideoUrl is { Length: > 0 } video) description.Add(t["CalendarVideo", video]);
            var ev = new CalendarEvent
            {
                Uid = $"meeting-{m.Id}@samla",
                Summary = m.IsCancelled ? t["CalendarCancelled", m.Title] : m.Title,
                Description = string.Join("\n", description),
                Location = m.Place ?? (full ? m.VideoUrl : null) ?? t["CalendarOnline"],
                DtStart = new CalDateTime(DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Utc), "UTC"),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(m.EndsAt, DateTimeKind.Utc), "UTC"),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(m.LastModified, DateTimeKind.Utc), "UTC"),
                Sequence = m.Version,
                Status = m.IsCancelled ? "CANCELLED" : "CONFIRMED",
                Url = new Uri(link),
            };
            calendar.Events.Add(ev);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

/// <summary>Meeting times: stored in UTC, shown and entered in the site's time zone.</summary>
public static class MeetingTime
{
    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zone));

    public static DateTime ToUtc(DateTime local, string zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(zone));

    public static string Format(DateTime utc, string zone) =>
        ToLocal(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"22 apr. 2026 09:00" in the site's time zone, the way the UI language writes it (pages and mail; CSV keeps <see cref="Format"/>).</summary>
    public static string Display(DateTime utc, string zone)
    {
        var local = ToLocal(utc, zone);
        return Formats.Date(DateOnly.FromDateTime(local)) + " " + Formats.Time(TimeOnly.FromDateTime(local));
    }

    /// <summary>"22 apr. 2026" in the site's time zone.</summary>
    public static string DisplayDate(DateTime utc, string zone) => Formats.Date(DateOnly.FromDateTime(ToLocal(utc, zone)));

    /// <summary>"22 apr. 2026 09:00–12:00" (pages and the invitation mail).</summary>
    public static string DisplaySpan(DateTime startUtc, DateTime endUtc, string zone)
    {
        var s = ToLocal(startUtc, zone);
        var e = ToLocal(endUtc, zone);
        return s.Date == e.Date
            ? $"{Display(startUtc, zone)}–{Formats.Time(TimeOnly.FromDateTime(e))}"
            : $"{Display(startUtc, zone)} – {Display(endUtc, zone)}";
    }
}
