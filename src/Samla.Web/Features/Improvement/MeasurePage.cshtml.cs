using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>
/// A measure: its chart with the signals in words, its data points (one by one, pasted, or a CSV file, all or nothing
/// with line-level errors), and its settings (saved against the version the user saw).
/// </summary>
[Authorize]
public sealed class MeasurePageModel(SamlaDbContext db, ImprovementAccess access, TimeProvider clock, IStringLocalizer<ImprovementText> t) : PageModel
{
    public const long MaxCsvBytes = 2 * 1024 * 1024;

    public Measure Measure { get; private set; } = null!;
    public string InitiativeTitle { get; private set; } = "";
    public RunChartView Chart { get; private set; } = null!;
    public IReadOnlyList<MeasurePoint> Points { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];
    public string? Conflict { get; private set; }

    [BindProperty] public MeasureInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? PointDate { get; set; }
    [BindProperty] public string? PointValue { get; set; }
    [BindProperty] public string? PointNote { get; set; }
    [BindProperty] public string? Pasted { get; set; }
    [BindProperty] public IFormFile? CsvFile { get; set; }
    [BindProperty] public Guid? PointId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadAsync(measureId, ct)) return NotFound();
        Input = MeasureInput.From(Measure);
        return Page();
    }

    public async Task<IActionResult> OnPostPointAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadEditableAsync(measureId, ct)) return NotFound();
        var errors = new List<string>();
        if (PointDate is null) errors.Add(t["PointDateRequired"]);
        if (!PointParser.TryValue(PointValue ?? "", out var value)) errors.Add(t["PointValueInvalid"]);
        if (PointNote?.Length > PointParser.MaxNoteLength) errors.Add(t["TextTooLong"]);
        if (errors.Count > 0) return Fail(errors);
        return await AddPointsAsync(measureId, [new ParsedPoint(PointDate!.Value, value, string.IsNullOrWhiteSpace(PointNote) ? null : PointNote.Trim())], ct);
    }

    public async Task<IActionResult> OnPostPasteAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadEditableAsync(measureId, ct)) return NotFound();
        var parsed = PointParser.ParsePasted(Pasted, t);
        return parsed.Ok ? await AddPointsAsync(measureId, parsed.Points, ct) : Fail(parsed.Errors);
    }

    public async Task<IActionResult> OnPostCsvAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadEditableAsync(measureId, ct)) return NotFound();
        if (CsvFile is null || CsvFile.Length == 0) return Fail([t["CsvMissing"]]);
        if (CsvFile.Length > MaxCsvBytes) return Fail([t["CsvTooLarge"]]);
        using var reader = new StreamReader(CsvFile.OpenReadStream());
        var parsed = PointParser.ParseCsv(reader, t);
        return parsed.Ok ? await AddPointsAsync(measureId, parsed.Points, ct) : Fail(parsed.Errors);
    }

    public async Task<IActionResult> OnPostDeletePointAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadEditableAsync(measureId, ct)) return NotFound();
        var point = await db.Set<MeasurePoint>().FirstOrDefaultAsync(p => p.Id == PointId && p.MeasureId == measureId, ct);
        if (point is null) return NotFound();
        db.Remove(point); // the audit log keeps the removed point's values
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/matt/{measureId}#points");
    }

    public async Task<IActionResult> OnPostAstronomicalAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadEditableAsync(measureId, ct)) return NotFound();
        var point = await db.Set<MeasurePoint>().FirstOrDefaultAsync(p => p.Id == PointId && p.MeasureId == measureId, ct);
        if (point is null) return NotFound();
        point.Astronomical = !point.Astronomical;
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/matt/{measureId}#points");
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid measureId, CancellationToken ct)
    {
        if (!await LoadEditableAsync(measureId, ct)) return NotFound();
        if (!Input.Validate(ModelState, t, out var target)) return Page();
        var measure = await db.Set<Measure>().FirstAsync(m => m.Id == measureId, ct);
        if (measure.Version != Version) return ShowConflict(measure);
        db.Entry(measure).Property(m => m.Version).OriginalValue = Version;
        Input.ApplyTo(measure, target);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ShowConflict(await db.Set<Measure>().AsNoTracking().FirstAsync(m => m.Id == measureId, ct));
        }
        return Redirect($"/samordning/forbattring/matt/{measureId}");
    }

    private PageResult ShowConflict(Measure saved)
    {
        Conflict = t["ConflictMeasure", Formats.DateTime(saved.LastModified),
            saved.Name, t["Rules_" + saved.Rules], saved.Target is { } tg ? RunChartView.Num(tg) : "–"];
        Version = saved.Version;
        ModelState.Remove(nameof(Version));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult> AddPointsAsync(Guid measureId, IReadOnlyList<ParsedPoint> points, CancellationToken ct)
    {
        if (Points.Count + points.Count > RunChartAnalysis.MaxPoints) return Fail([t["TooManyPoints", RunChartAnalysis.MaxPoints]]);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in points) db.Add(new MeasurePoint { MeasureId = measureId, Date = p.Date, Value = p.Value, Note = p.Note, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/matt/{measureId}#points");
    }

    private PageResult Fail(IReadOnlyList<string> errors)
    {
        ImportErrors = errors;
        Input = MeasureInput.From(Measure);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadEditableAsync(Guid measureId, CancellationToken ct) => await LoadAsync(measureId, ct) && CanEdit;

    private async Task<bool> LoadAsync(Guid measureId, CancellationToken ct)
    {
        var m = await db.Set<Measure>().AsNoTracking().Include(x => x.Points).FirstOrDefaultAsync(x => x.Id == measureId && !x.IsArchived, ct);
        if (m is null) return false;
        Measure = m;
        if (Version == 0) Version = m.Version;
        InitiativeTitle = await db.Set<Initiative>().Where(i => i.Id == m.InitiativeId).Select(i => i.Title).FirstAsync(ct);
        CanEdit = await access.CanEditAsync(User, m.InitiativeId, ct);
        Points = m.Points.OrderBy(p => p.Date).ThenBy(p => p.CreatedAt).ToList();
        var cycles = await db.Set<PdsaCycle>().AsNoTracking().Where(c => c.InitiativeId == m.InitiativeId && !c.IsArchived)
            .OrderBy(c => c.StartDate).ThenBy(c => c.CreatedAt).Select(c => new { c.StartDate, c.Title, c.MeasureId }).ToListAsync(ct);
        Chart = RunChartView.Build($"chart-{m.Id:N}", m, Points,
            cycles.Select((c, n) => (c, n)).Where(x => x.c.MeasureId is null || x.c.MeasureId == m.Id)
                .Select(x => new RunChartView.Cycle(x.c.StartDate, x.c.Title, x.n + 1)).ToList(), t);
        return true;
    }
}
