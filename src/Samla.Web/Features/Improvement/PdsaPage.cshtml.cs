using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>The PDSA form for a new or an existing cycle</summary>
public sealed class PdsaInput
{
    public string? Title { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public Guid? MeasureId { get; set; }
    public Guid? PreviousCycleId { get; set; }
    public string? Change { get; set; }
    public string? Prediction { get; set; }
    public string? WhoWhatWhenWhere { get; set; }
    public string? DataPlan { get; set; }
    public string? DoNotes { get; set; }
    public string? DoProblems { get; set; }
    public string? StudyNotes { get; set; }
    public PdsaDecision Decision { get; set; }
    public string? ActNotes { get; set; }

    public static readonly string[] TextFields =
        [nameof(Change), nameof(Prediction), nameof(WhoWhatWhenWhere), nameof(DataPlan), nameof(DoNotes), nameof(DoProblems), nameof(StudyNotes), nameof(ActNotes)];

    public string? Text(string field) => (string?)typeof(PdsaInput).GetProperty(field)!.GetValue(this);

    public static PdsaInput From(PdsaCycle c) => new()
    {
        Title = c.Title,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        MeasureId = c.MeasureId,
        PreviousCycleId = c.PreviousCycleId,
        Change = c.Change,
        Prediction = c.Prediction,
        WhoWhatWhenWhere = c.WhoWhatWhenWhere,
        DataPlan = c.DataPlan,
        DoNotes = c.DoNotes,
        DoProblems = c.DoProblems,
        StudyNotes = c.StudyNotes,
        Decision = c.Decision,
        ActNotes = c.ActNotes,
    };

    public void ApplyTo(PdsaCycle c)
    {
        c.Title = Title!.Trim();
        c.StartDate = StartDate!.Value;
        c.EndDate = EndDate;
        c.MeasureId = MeasureId;
        c.PreviousCycleId = PreviousCycleId;
        c.Change = Change?.Trim() ?? "";
        c.Prediction = Prediction?.Trim() ?? "";
        c.WhoWhatWhenWhere = WhoWhatWhenWhere?.Trim() ?? "";
        c.DataPlan = DataPlan?.Trim() ?? "";
        c.DoNotes = DoNotes?.Trim() ?? "";
        c.DoProblems = DoProblems?.Trim() ?? "";
        c.StudyNotes = StudyNotes?.Trim() ?? "";
        c.Decision = Decision;
        c.ActNotes = ActNotes?.Trim() ?? "";
    }
}

/// <summary>
/// A PDSA cycle: Plan (the change, the prediction, who/what/when/where, which data), Do, Study (the measure's points in the
/// cycle's period against the prediction), Act (adopt, adapt, abandon). A cycle may build on an earlier one (a ramp).
/// </summary>
[Authorize]
public sealed class PdsaPageModel(SamlaDbContext db, ImprovementAccess access, IStringLocalizer<ImprovementText> t) : PageModel
{
    [BindProperty] public PdsaInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public Guid Id { get; private set; }
    public Guid? CycleId { get; private set; }
    public string InitiativeTitle { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> Measures { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> OtherCycles { get; private set; } = [];
    public IReadOnlyList<MeasurePoint> StudyPoints { get; private set; } = [];
    public string? Conflict { get; private set; }

    /// <summary>"ny" for a new cycle, else the cycle's id.</summary>
    private static bool TryCycle(string cycle, out Guid? cycleId)
    {
        cycleId = null;
        if (cycle == "ny") return true;
        if (!Guid.TryParse(cycle, out var g)) return false;
        cycleId = g;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string cycle, CancellationToken ct)
    {
        if (!TryCycle(cycle, out var cycleId)) return NotFound();
        var existing = await LoadAsync(id, cycleId, ct);
        if (existing is null && cycleId is not null || !await access.CanEditAsync(User, id, ct)) return NotFound();
        if (existing is not null)
        {
            Input = PdsaInput.From(existing);
            Version = existing.Version;
        }
        await LoadStudyAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string cycle, CancellationToken ct)
    {
        if (!TryCycle(cycle, out var cycleId)) return NotFound();
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        var saved = await LoadAsync(id, cycleId, ct);
        if (saved is null && cycleId is not null) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.Title) || Input.Title.Length > 300) ModelState.AddModelError("Input.Title", t["TitleRequired"]);
        if (Input.StartDate is null) ModelState.AddModelError("Input.StartDate", t["StartDateRequired"]);
        if (Input.EndDate < Input.StartDate) ModelState.AddModelError("Input.EndDate", t["EndBeforeStart"]);
        if (Input.MeasureId is { } mid && Measures.All(m => m.Id != mid)) ModelState.AddModelError("Input.MeasureId", t["ChoiceInvalid"]);
        if (Input.PreviousCycleId is { } pid && OtherCycles.All(c => c.Id != pid)) ModelState.AddModelError("Input.PreviousCycleId", t["ChoiceInvalid"]);
        if (!Enum.IsDefined(Input.Decision)) ModelState.AddModelError("Input.Decision", t["ChoiceInvalid"]);
        if (PdsaInput.TextFields.Any(f => Input.Text(f)?.Length > 4000)) ModelState.AddModelError("Input", t["TextTooLong"]);
        if (!ModelState.IsValid)
        {
            await LoadStudyAsync(ct);
            return Page();
        }

        if (saved is null)
        {
            var created = new PdsaCycle { InitiativeId = id, Title = "" };
            Input.ApplyTo(created);
            db.Add(created);
            await db.SaveChangesAsync(ct);
            return Redirect($"/samordning/forbattring/{id}#cycles");
        }
        var tracked = await db.Set<PdsaCycle>().FirstAsync(c => c.Id == saved.Id, ct);
        if (tracked.Version != Version) return await ConflictAsync(tracked, ct);
        db.Entry(tracked).Property(c => c.Version).OriginalValue = Version;
        Input.ApplyTo(tracked);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.Set<PdsaCycle>().AsNoTracking().FirstAsync(c => c.Id == saved.Id, ct), ct);
        }
        return Redirect($"/samordning/forbattring/{id}#cycles");
    }

    private async Task<IActionResult> ConflictAsync(PdsaCycle saved, CancellationToken ct)
    {
        Conflict = t["ConflictCycle", Formats.DateTime(saved.LastModified)];
        Version = saved.Version;
        ModelState.Remove(nameof(Version));
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadStudyAsync(ct);
        return Page();
    }

    private async Task LoadStudyAsync(CancellationToken ct)
    {
        if (Input.MeasureId is not { } mid || Input.StartDate is not { } from) return;
        var to = Input.EndDate ?? DateOnly.MaxValue;
        StudyPoints = await db.Set<MeasurePoint>().AsNoTracking().Where(p => p.MeasureId == mid && p.Date >= from && p.Date <= to)
            .OrderBy(p => p.Date).ToListAsync(ct);
    }

    private async Task<PdsaCycle?> LoadAsync(Guid id, Guid? cycleId, CancellationToken ct)
    {
        Id = id;
        CycleId = cycleId;
        InitiativeTitle = await db.Set<Initiative>().Where(i => i.Id == id).Select(i => i.Title).FirstOrDefaultAsync(ct) ?? "";
        Measures = (await db.Set<Measure>().AsNoTracking().Where(m => m.InitiativeId == id && !m.IsArchived).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();
        OtherCycles = (await db.Set<PdsaCycle>().AsNoTracking().Where(c => c.InitiativeId == id && !c.IsArchived && c.Id != cycleId)
            .OrderBy(c => c.StartDate).Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();
        if (cycleId is null) return null;
        return await db.Set<PdsaCycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.InitiativeId == id, ct);
    }
}
