using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Exchange;

/// <summary>iCalendar feeds of the scheduled activities of a service or of all an organisation's public services.</summary>
public static class CalendarFeed
{
    public const string TimeZone = "Europe/Stockholm";
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = DayOfWeek.Monday, ["TU"] = DayOfWeek.Tuesday, ["WE"] = DayOfWeek.Wednesday, ["TH"] = DayOfWeek.Thursday,
        ["FR"] = DayOfWeek.Friday, ["SA"] = DayOfWeek.Saturday, ["SU"] = DayOfWeek.Sunday,
    };

    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireCors(Policies.OpenRead);
        group.MapGet("/{serviceId}.ics", ForService).WithName("CalendarService").Produces<string>(200, "text/calendar");
        group.MapGet("/organization/{orgId}.ics", ForOrganization).WithName("CalendarOrganization").Produces<string>(200, "text/calendar");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ForService(Guid serviceId, SamlaDbContext db, CancellationToken ct)
    {
        var services = await Load(db.Services.Where(s => s.Id == serviceId), ct);
        if (services.Count == 0) return NotFound("service", serviceId);
        return TypedResults.Text(Build(services), "text/calendar; charset=utf-8");
    }

    /// <summary>
    /// All the organisation's public services' schedules, streamed: the calendar head, then the events of a few hundred services
    /// at a time in id order, then the tail; memory stays flat for an organisation with any number of services.
    /// </summary>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ForOrganization(Guid orgId, SamlaDbContext db, CancellationToken ct)
    {
        if (!await db.Organizations.WherePublic().AnyAsync(o => o.Id == orgId, ct)) return NotFound("organization", orgId);
        var query = db.Services.Where(s => s.OrganizationId == orgId);
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 16 * 1024, leaveOpen: true);
            var (head, tail) = HeadAndTail();
            await writer.WriteAsync(head);
            Guid? after = null;
            while (true)
            {
                var q = query;
                if (after is { } last) q = q.Where(s => s.Id.CompareTo(last) > 0);
                var batch = await Load(q.OrderBy(s => s.Id).Take(FeedBatch), ct);
                if (Events(batch) is { Length: > 0 } events) await writer.WriteAsync(events);
                await writer.FlushAsync(ct);
                if (batch.Count < FeedBatch) break;
                after = batch[^1].Id;
            }
            await writer.WriteAsync(tail);
        }, "text/calendar; charset=utf-8");
    }

    private const int FeedBatch = 500;

    private static Task<List<Service>> Load(IQueryable<Service> query, CancellationToken ct) =>
        query.AsNoTracking().WherePublic().Include(s => s.Schedules)
            .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location).ThenInclude(l => l.Addresses)
            .AsSplitQuery().OrderBy(s => s.Id).ToListAsync(ct);

    public static string Build(IEnumerable<Service> services)
    {
        var calendar = NewCalendar();
        foreach (var ev in EventsOf(services)) calendar.Events.Add(ev);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static Calendar NewCalendar()
    {
        var calendar = new Calendar { ProductId = "-//Samla//HSDS schedules//SV" };
        // With its STANDARD and DAYLIGHT rules (RFC 5545 requires one of them; a TZID alone is rejected by some clients).
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false));
        return calendar;
    }

    /// <summary>The calendar without events, cut where the events go: everything up to END:VCALENDAR, and that line.</summary>
    private static (string Head, string Tail) HeadAndTail()
    {
        var text = new CalendarSerializer().SerializeToString(NewCalendar())!;
        var end = text.LastIndexOf("END:VCALENDAR", StringComparison.Ordinal);
        return (text[..end], text[end..]);
    }

    /// <summary>The VEVENT blocks of these services, serialised as the whole calendar would serialise them.</summary>
    private static string Events(IEnumerable<Service> services)
    {
        var calendar = new Calendar();
        foreach (var ev in EventsOf(services)) calendar.Events.Add(ev);
        if (calendar.Events.Count == 0) return "";
        var text = new CalendarSerializer().SerializeToString(calendar)!;
        var start = text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal);
        var end = text.LastIndexOf("END:VEVENT", StringComparison.Ordinal) + "END:VEVENT".Length;
        return text[start..end] + "\r\n";
    }

    private static IEnumerable<CalendarEvent> EventsOf(IEnumerable<Service> services)
    {
        foreach (var service in services)
        {
            var place = service.ServiceAtLocations.Select(x => x.Location).FirstOrDefault();
            var address = place?.Addresses.FirstOrDefault() is { } a ? $"{a.Address1}, {a.PostalCode} {a.City}" : place?.Name;
            foreach (var s in service.Schedules.OrderBy(x => x.Id))
            {
                if (s.OpensAt is not { } opens || s.ClosesAt is not { } closes) continue;
                var rule = Rule(s);
                var from = s.DtStart ?? s.ValidFrom ?? DateOnly.FromDateTime(service.CreatedAt);
                var first = rule is null ? from : FirstOccurrence(from, s);
                var ev = new CalendarEvent
                {
                    Uid = $"{s.Id}@samla",
                    Summary = service.Name,
                    Description = s.Description is { Length: > 0 } d ? $"{d}\n\n{service.Description}" : service.Description,
                    Location = address,
                    DtStart = new CalDateTime(first, opens, TimeZone),
                    DtEnd = new CalDateTime(first, closes, TimeZone),
                    DtStamp = new CalDateTime(service.LastModified, "UTC"),
                };
                if (service.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)) ev.Url = uri;
                if (rule is not null) ev.RecurrenceRule = rule;
                yield return ev;
            }
        }
    }

    /// <summary>The RRULE from HSDS's schedule fields (freq, interval, byday, bymonthday, count, until/valid_to).</summary>
    private static RecurrencePattern? Rule(Schedule s)
    {
        var freq = s.Freq?.ToUpperInvariant() switch
        {
            "WEEKLY" => FrequencyType.Weekly,
            "MONTHLY" => FrequencyType.Monthly,
            _ => (FrequencyType?)null,
        };
        if (freq is null) return null;
        var rule = new RecurrencePattern(freq.Value, s.Interval ?? 1);
        foreach (var day in (s.Byday ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (day.Length < 2 || !Days.TryGetValue(day[^2..], out var dow)) continue;
            rule.ByDay.Add(day.Length > 2 && int.TryParse(day[..^2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var nth)
                ? new WeekDay(dow, nth)
                : new WeekDay(dow));
        }
        foreach (var d in (s.Bymonthday ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(d, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)) rule.ByMonthDay.Add(n);
        }
        if (s.Count is { } count) rule.Count = count;
        else if ((s.Until ?? s.ValidTo) is { } until)
        {
            rule.Until = new CalDateTime(until.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc), "UTC");
        }
        return rule;
    }

    /// <summary>The first day on or after the start that the rule's days allow (RFC 5545 counts DTSTART as an occurrence).</summary>
    private static DateOnly FirstOccurrence(DateOnly from, Schedule s)
    {
        var days = (s.Byday ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (days.Length == 0) return from;
        for (var d = from; d < from.AddDays(400); d = d.AddDays(1))
        {
            foreach (var day in days)
            {
                if (day.Length < 2 || !Days.TryGetValue(day[^2..], out var dow) || d.DayOfWeek != dow) continue;
                if (day.Length == 2) return d;
                if (int.TryParse(day[..^2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var nth)
                    && (nth > 0 ? (d.Day - 1) / 7 + 1 == nth : (DateTime.DaysInMonth(d.Year, d.Month) - d.Day) / 7 + 1 == -nth))
                {
                    return d;
                }
            }
        }
        return from;
    }

    private static ProblemHttpResult NotFound(string kind, Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No public {kind} with id {id}.");
}
