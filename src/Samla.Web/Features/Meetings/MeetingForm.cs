using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>What the meeting form posts: the fields a coordinator edits, plus the version they saw.</summary>
public sealed class MeetingInput
{
    public string? Title { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Place { get; set; }
    public string? VideoUrl { get; set; }
    public List<Guid> Convenors { get; set; } = [];
    public List<Guid> Invited { get; set; } = [];
    /// <summary>One agenda item per line, in order.</summary>
    public string? Agenda { get; set; }
    public bool IsCancelled { get; set; }
    public int Version { get; set; }

    public static MeetingInput From(DialogueMeeting m, string zone)
    {
        var start = MeetingTime.ToLocal(m.StartsAt, zone);
        var end = MeetingTime.ToLocal(m.EndsAt, zone);
        return new MeetingInput
        {
            Title = m.Title,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            Place = m.Place,
            VideoUrl = m.VideoUrl,
            Convenors = [.. m.ConvenorIds],
            Invited = [.. m.InvitedOrganizationIds],
            Agenda = string.Join("\n", m.Agenda),
            IsCancelled = m.IsCancelled,
            Version = m.Version,
        };
    }

    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => l.Length <= 1000).ToList();

    /// <summary>Checks the input; adds errors under "Input.X".</summary>
    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IReadOnlyCollection<Guid> known, IStringLocalizer<MeetingsText> t)
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 300) state.AddModelError("Input.Title", t["Validation_Title"]);
        if (Date is null) state.AddModelError("Input.Date", t["Validation_Date"]);
        if (StartTime is null || EndTime is null || EndTime <= StartTime) state.AddModelError("Input.EndTime", t["Validation_Times"]);
        if (Place?.Length > 500) state.AddModelError("Input.Place", t["Validation_Place"]);
        if (!string.IsNullOrWhiteSpace(VideoUrl) && (!Uri.TryCreate(VideoUrl.Trim(), UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttps || VideoUrl.Length > 1000))
        {
            state.AddModelError("Input.VideoUrl", t["Validation_VideoUrl"]);
        }
        if (string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(VideoUrl)) state.AddModelError("Input.Place", t["Validation_PlaceOrVideo"]);
        if (Convenors.Count == 0) state.AddModelError("Input.Convenors", t["Validation_Convenors"]);
        if (Convenors.Concat(Invited).Any(id => !known.Contains(id))) state.AddModelError("Input.Invited", t["Validation_Organization"]);
        if ((Agenda?.Length ?? 0) > 20_000) state.AddModelError("Input.Agenda", t["Validation_Agenda"]);
    }

    public void ApplyTo(DialogueMeeting m, string zone)
    {
        m.Title = Title!.Trim();
        m.StartsAt = MeetingTime.ToUtc(Date!.Value.ToDateTime(StartTime!.Value), zone);
        m.EndsAt = MeetingTime.ToUtc(Date!.Value.ToDateTime(EndTime!.Value), zone);
        m.Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        m.VideoUrl = string.IsNullOrWhiteSpace(VideoUrl) ? null : VideoUrl.Trim();
        m.ConvenorIds = Convenors.Distinct().ToList();
        m.InvitedOrganizationIds = Invited.Concat(Convenors).Distinct().ToList();
        m.Agenda = Lines(Agenda);
        m.IsCancelled = IsCancelled;
    }

    /// <summary>The fields that differ between the saved meeting and this input, as (label, saved, mine), for the conflict notice.</summary>
    public List<(string Label, string Saved, string Mine)> Differences(DialogueMeeting saved, string zone, IReadOnlyDictionary<Guid, string> names, IStringLocalizer<MeetingsText> t)
    {
        var s = From(saved, zone);
        string Orgs(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, "?")).Order());
        string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string T(TimeOnly? x) => x?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
        var rows = new List<(string, string, string)>
        {
            (t["Field_Title"], s.Title ?? "", Title ?? ""),
            (t["Field_Date"], D(s.Date), D(Date)),
            (t["Field_StartTime"], T(s.StartTime), T(StartTime)),
            (t["Field_EndTime"], T(s.EndTime), T(EndTime)),
            (t["Field_Place"], s.Place ?? "", Place ?? ""),
            (t["Field_VideoUrl"], s.VideoUrl ?? "", VideoUrl ?? ""),
            (t["Field_Convenors"], Orgs(s.Convenors), Orgs(Convenors)),
            (t["Field_Invited"], Orgs(s.Invited.Except(s.Convenors)), Orgs(Invited.Except(Convenors))),
            (t["Field_Agenda"], string.Join(" / ", Lines(s.Agenda)), string.Join(" / ", Lines(Agenda))),
        };
        return rows.Where(r => r.Item2.Trim() != r.Item3.Trim()).ToList();
    }
}

/// <summary>Organisations to choose among (active ones, by name).</summary>
public static class MeetingChoices
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> OrganizationsAsync(SamlaDbContext db, CancellationToken ct) =>
        (await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name)).ToList();

    public static async Task<Dictionary<Guid, string>> NamesAsync(SamlaDbContext db, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
}
