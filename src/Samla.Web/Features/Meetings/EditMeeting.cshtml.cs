using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Meetings;

/// <summary>Creates a dialogue meeting (coordinators and administrators).</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class NewMeetingModel(SamlaDbContext db, IOptions<MeetingsOptions> options, IStringLocalizer<MeetingsText> t) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organizations = await MeetingChoices.OrganizationsAsync(db, ct);
        // Länsstyrelsen and Region Halland convene by default (seed 000).
        Input.Convenors = Organizations.Where(o => o.Name.Contains("Länsstyrelsen", StringComparison.Ordinal) || o.Name == "Region Halland")
            .Select(o => o.Id).ToList();
        Input.Invited = Organizations.Select(o => o.Id).ToList();
        Input.StartTime = new TimeOnly(9, 0);
        Input.EndTime = new TimeOnly(12, 0);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Organizations = await MeetingChoices.OrganizationsAsync(db, ct);
        Input.Validate(ModelState, Organizations.Select(o => o.Id).ToHashSet(), t);
        if (!ModelState.IsValid) return Page();
        var meeting = new DialogueMeeting { Title = "", CreatedBy = User.Identity?.Name ?? "" };
        Input.IsCancelled = false;
        Input.ApplyTo(meeting, options.Value.TimeZone);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/moten/{meeting.Id}");
    }
}

/// <summary>Edits a meeting; a stale save shows what the other person saved beside the user's input and loses nothing.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class EditMeetingModel(SamlaDbContext db, IOptions<MeetingsOptions> options, IStringLocalizer<MeetingsText> t) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public DialogueMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<(string Label, string Saved, string Mine)> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<DialogueMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return NotFound();
        Meeting = m;
        Organizations = await MeetingChoices.OrganizationsAsync(db, ct);
        Input = MeetingInput.From(m, options.Value.TimeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<DialogueMeeting>().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return NotFound();
        Meeting = m;
        Organizations = await MeetingChoices.OrganizationsAsync(db, ct);
        var known = Organizations.Select(o => o.Id).Concat(m.ConvenorIds).Concat(m.InvitedOrganizationIds).ToHashSet();
        Input.Validate(ModelState, known, t);
        if (Input.Version != m.Version)
        {
            Conflicts = Input.Differences(m, options.Value.TimeZone, await MeetingChoices.NamesAsync(db, ct), t);
            // Saving again after seeing the conflict keeps the user's values.
            ModelState.Remove("Input.Version");
            Input.Version = m.Version;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        Input.ApplyTo(m, options.Value.TimeZone);
        db.Entry(m).Property(x => x.Version).OriginalValue = Input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between the check and this save: show their values beside the user's, as above.
            db.ChangeTracker.Clear();
            Meeting = await db.Set<DialogueMeeting>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
            Conflicts = Input.Differences(Meeting, options.Value.TimeZone, await MeetingChoices.NamesAsync(db, ct), t);
            Input.Version = Meeting.Version;
            return Page();
        }
        return Redirect($"/samordning/moten/{id}");
    }
}
