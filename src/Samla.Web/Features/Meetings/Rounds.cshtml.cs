using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Meetings;

/// <summary>The update rounds, open and closed.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class RoundsModel(SamlaDbContext db) : PageModel
{
    public IReadOnlyList<UpdateRound> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rounds = await db.Set<UpdateRound>().AsNoTracking().OrderByDescending(r => r.OpenedAt).Take(100).ToListAsync(ct);
}

/// <summary>Opens an update round, from a meeting or alone; mails each covered organisation's editors in the same save.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class NewRoundModel(SamlaDbContext db, UpdateRoundMail mail, RoundProgress progress, TimeProvider clock, IStringLocalizer<MeetingsText> t) : PageModel
{
    public sealed class RoundInput
    {
        public string? Title { get; set; }
        public DateOnly? Deadline { get; set; }
        public List<Guid> Organizations { get; set; } = [];
        public string? ReminderDays { get; set; } = "14, 3";
        public int OverdueEveryDays { get; set; } = 7;
    }

    [BindProperty(SupportsGet = true, Name = "mote")]
    public Guid? MeetingId { get; set; }

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public DialogueMeeting? Meeting { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.Title = Meeting is null ? t["DefaultRoundTitle", progress.Today.Year] : t["DefaultRoundTitleFor", Meeting.Title];
        Input.Deadline = progress.Today.AddDays(30);
        Input.Organizations = Organizations.Select(o => o.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var known = Organizations.Select(o => o.Id).ToHashSet();
        if (string.IsNullOrWhiteSpace(Input.Title) || Input.Title.Length > 300) ModelState.AddModelError("Input.Title", t["Validation_Title"]);
        if (Input.Deadline is not { } deadline || deadline < progress.Today) ModelState.AddModelError("Input.Deadline", t["Validation_Deadline"]);
        if (Input.Organizations.Count == 0 || Input.Organizations.Any(id => !known.Contains(id))) ModelState.AddModelError("Input.Organizations", t["Validation_RoundOrganizations"]);
        var days = ReminderSchedule.Parse(Input.ReminderDays);
        if (days is null) ModelState.AddModelError("Input.ReminderDays", t["Validation_ReminderDays"]);
        if (Input.OverdueEveryDays is < 0 or > 90) ModelState.AddModelError("Input.OverdueEveryDays", t["Validation_OverdueEvery"]);
        if (!ModelState.IsValid) return Page();
        var round = new UpdateRound
        {
            Title = Input.Title!.Trim(),
            MeetingId = Meeting?.Id,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            Deadline = Input.Deadline!.Value,
            OrganizationIds = Input.Organizations.Distinct().ToList(),
            ReminderDaysBefore = days!,
            OverdueEveryDays = Input.OverdueEveryDays,
            OpenedBy = User.Identity?.Name ?? "",
        };
        db.Add(round);
        var sent = await mail.RoundOpenedAsync(round, HttpContext, ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = sent == 0 ? t["Message_RoundOpenedNone"].Value : t.Plural("Message_RoundOpened", sent);
        return Redirect($"/samordning/uppdateringsrundor/{round.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (MeetingId is { } id)
        {
            Meeting = await db.Set<DialogueMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (Meeting is null) return false;
        }
        Organizations = await MeetingChoices.OrganizationsAsync(db, ct);
        return true;
    }
}

/// <summary>
/// The live board of a round: organisations × derived state, services still to confirm, last activity, editors by
/// role; sortable by query string; <c>?format=csv</c> gives one row per organisation. Coordinators change the reminder
/// schedule and close the round here; the closing report goes into the linked meeting's minutes.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class RoundModel(SamlaDbContext db, RoundProgress progress, TimeProvider clock, IOptions<MeetingsOptions> options, IStringLocalizer<MeetingsText> t) : PageModel
{
    public static readonly IReadOnlyList<string> SortKeys = ["name", "state", "remaining", "activity"];

    public UpdateRound Round { get; private set; } = null!;
    public string? MeetingTitle { get; private set; }
    public IReadOnlyList<OrganizationProgress> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    [BindProperty] public string? ReminderDays { get; set; }
    [BindProperty] public int OverdueEveryDays { get; set; }
    [BindProperty] public int Version { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string Zone => options.Value.TimeZone;
    public bool Descending => Dir == "desc";

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (format == "csv") return Csv();
        ReminderDays = string.Join(", ", Round.ReminderDaysBefore);
        OverdueEveryDays = Round.OverdueEveryDays;
        Version = Round.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var days = ReminderSchedule.Parse(ReminderDays);
        if (days is null) ModelState.AddModelError(nameof(ReminderDays), t["Validation_ReminderDays"]);
        if (OverdueEveryDays is < 0 or > 90) ModelState.AddModelError(nameof(OverdueEveryDays), t["Validation_OverdueEvery"]);
        if (Version != Round.Version)
        {
            ModelState.AddModelError(nameof(Version), t["RoundStale", string.Join(", ", Round.ReminderDaysBefore), ReminderSchedule.OverdueInWords(t, Round.OverdueEveryDays)]);
            Version = Round.Version;
        }
        if (!ModelState.IsValid) return Page();
        var round = await db.Set<UpdateRound>().FirstAsync(r => r.Id == id, ct);
        round.ReminderDaysBefore = days!;
        round.OverdueEveryDays = OverdueEveryDays;
        db.Entry(round).Property(r => r.Version).OriginalValue = Version;
        await db.SaveChangesAsync(ct);
        Message = t["Message_ScheduleSaved"];
        return Redirect($"/samordning/uppdateringsrundor/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Round.ClosedAt is not null) return Redirect($"/samordning/uppdateringsrundor/{id}");
        var round = await db.Set<UpdateRound>().FirstAsync(r => r.Id == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        round.ClosedAt = now;
        round.ClosingReport = ClosingReport(Round, Rows, t, Zone, now);
        db.Entry(round).Property(r => r.Version).OriginalValue = Version;
        if (round.MeetingId is { } meetingId && await db.Set<DialogueMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId, ct) is { } meeting)
        {
            meeting.Minutes = (meeting.Minutes.TrimEnd() + "\n\n" + round.ClosingReport).Trim();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = t["RoundStaleClose"];
            return Redirect($"/samordning/uppdateringsrundor/{id}");
        }
        Message = t[round.MeetingId is null ? "Message_RoundClosed" : "Message_RoundClosedToMinutes"];
        return Redirect($"/samordning/uppdateringsrundor/{id}");
    }

    /// <summary>The closing report as Markdown: who confirmed, who updated what, who did not.</summary>
    public static string ClosingReport(UpdateRound round, IReadOnlyList<OrganizationProgress> rows, IStringLocalizer<MeetingsText> t, string zone, DateTime closedAt)
    {
        var sb = new StringBuilder();
        sb.Append("## ").Append(t["Report_Heading", round.Title]).Append("\n\n");
        string Day(DateTime utc) => Formats.LongDate(DateOnly.FromDateTime(MeetingTime.ToLocal(utc, zone)));
        sb.Append(t["Report_Lead", Day(round.OpenedAt), Formats.LongDate(round.Deadline), Day(closedAt), rows.Count]).Append("\n\n");
        void Section(string heading, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            sb.Append("### ").Append(heading).Append(" (").Append(list.Count).Append(")\n\n");
            if (list.Count == 0) sb.Append(t["Report_None"]).Append("\n\n");
            else sb.Append(string.Join("\n", list.Select(l => "- " + l))).Append("\n\n");
        }
        Section(t["Report_Confirmed"], rows.Where(r => r.Done && r.UpdatedServices.Count == 0 && r.Confirmed > 0).Select(r => r.Name));
        Section(t["Report_Updated"], rows.Where(r => r.UpdatedServices.Count > 0).Select(r => $"{r.Name}: {string.Join(", ", r.UpdatedServices)}"
            + (r.Done ? "" : " " + t["Report_StillToConfirm", r.ServicesToConfirm.Count])));
        Section(t["Report_NotDone"], rows.Where(r => !r.Done && r.UpdatedServices.Count == 0)
            .Select(r => r.Confirmed > 0 ? $"{r.Name} {t["Report_StillToConfirm", r.ServicesToConfirm.Count]}" : r.Name));
        return sb.ToString().TrimEnd() + "\n";
    }

    public string StateText(RoundState s) => t["State_" + s];

    private IActionResult Csv()
    {
        var table = new ExportTable($"uppdateringsrunda-{Round.Deadline:yyyy-MM-dd}", "Runda",
            [t["Organization"], t["Field_Status"], t["Csv_ActiveServices"], t["Csv_ToConfirm"], t["Csv_Confirmed"], t["Csv_Updated"], t["LastActivity"], t["Csv_ActiveEditors"]],
            Rows.Select(r => (IReadOnlyList<object?>)
            [
                r.Name, StateText(r.State), r.ActiveServices, r.ServicesToConfirm.Count, r.Confirmed, string.Join("; ", r.UpdatedServices),
                r.LastActivity is { } a ? MeetingTime.Format(a, Zone) : "", r.ActiveEditors,
            ]).ToList());
        return File(table.Csv(), "text/csv; charset=utf-8", table.FileName + ".csv");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<UpdateRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } round) return false;
        Round = round;
        if (round.MeetingId is { } mid) MeetingTitle = await db.Set<DialogueMeeting>().Where(m => m.Id == mid).Select(m => m.Title).FirstOrDefaultAsync(ct);
        var rows = await progress.ForRoundAsync(round, ct);
        IEnumerable<OrganizationProgress> sorted = Sort switch
        {
            "state" => rows.OrderBy(r => r.State).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "remaining" => rows.OrderBy(r => r.ServicesToConfirm.Count).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "activity" => rows.OrderBy(r => r.LastActivity ?? DateTime.MinValue).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            _ => rows.OrderBy(r => r.Name, StringComparer.CurrentCulture),
        };
        if (Descending) sorted = sorted.Reverse();
        Rows = sorted.ToList();
        return true;
    }
}
