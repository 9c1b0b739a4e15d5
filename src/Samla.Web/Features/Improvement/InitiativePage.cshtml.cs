using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>
/// One initiative through the model's steps: 1 Identify (problem, goal, purpose, causes as a fishbone, measures),
/// 2 Improve (change ideas, PDSA cycles), 3 Shared learning (lessons, the summary); its history from the audit log.
/// Changes need edit rights on the owning or a participating organisation (404 otherwise, nothing written).
/// </summary>
[Authorize]
public sealed class InitiativePageModel(SamlaDbContext db, ImprovementAccess access, TimeProvider clock, IStringLocalizer<ImprovementText> t) : PageModel
{
    public InitiativeData Data { get; private set; } = null!;
    public IReadOnlyList<InitiativeData.HistoryRow> History { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsCoordination { get; private set; }
    public string? Conflict { get; private set; }

    [BindProperty] public CauseCategory Category { get; set; }
    [BindProperty] public string? CauseText { get; set; }
    [BindProperty] public bool IsRootCause { get; set; }
    [BindProperty] public Guid? CauseId { get; set; }
    [BindProperty] public InitiativePhase? NewPhase { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool MakePublic { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCauseAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(CauseText) || CauseText.Length > 1000 || !Enum.IsDefined(Category))
        {
            ModelState.AddModelError(nameof(CauseText), t["CauseInvalid"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        db.Add(new InitiativeCause { InitiativeId = id, Category = Category, Text = CauseText.Trim(), IsRootCause = IsRootCause });
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/{id}#causes");
    }

    public async Task<IActionResult> OnPostToggleRootAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        var cause = await db.Set<InitiativeCause>().FirstOrDefaultAsync(c => c.Id == CauseId && c.InitiativeId == id, ct);
        if (cause is null) return NotFound();
        cause.IsRootCause = !cause.IsRootCause;
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/{id}#causes");
    }

    public async Task<IActionResult> OnPostArchiveCauseAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        var cause = await db.Set<InitiativeCause>().FirstOrDefaultAsync(c => c.Id == CauseId && c.InitiativeId == id, ct);
        if (cause is null) return NotFound();
        cause.IsArchived = true;
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/{id}#causes");
    }

    public async Task<IActionResult> OnPostPhaseAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        if (NewPhase is null || !Enum.IsDefined(NewPhase.Value)) return BadRequest();
        return await SaveAsync(id, i => i.Phase = NewPhase.Value, ct);
    }

    /// <summary>Publishes the summary to the library (shared learning or closed, with what was tried and what worked).</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        var current = await db.Set<Initiative>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
        if (current.Phase is not (InitiativePhase.SharedLearning or InitiativePhase.Closed)
            || string.IsNullOrWhiteSpace(current.SummaryTried) || string.IsNullOrWhiteSpace(current.SummaryWorked))
        {
            ModelState.AddModelError("", t["PublishNotReady"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return await SaveAsync(id, i => i.SummaryPublishedAt ??= clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Coordinators make a published summary public (or take it back).</summary>
    public async Task<IActionResult> OnPostPublicAsync(Guid id, CancellationToken ct)
    {
        if (!ImprovementAccess.IsCoordination(User) || !await access.CanEditAsync(User, id, ct)) return NotFound();
        return await SaveAsync(id, i => i.SummaryIsPublic = MakePublic && i.SummaryPublishedAt is not null, ct);
    }

    /// <summary>Applies a change to the version the user saw; a stale version shows the conflict and changes nothing.</summary>
    private async Task<IActionResult> SaveAsync(Guid id, Action<Initiative> change, CancellationToken ct)
    {
        var initiative = await db.Set<Initiative>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null) return NotFound();
        if (initiative.Version != Version) return await ShowConflictAsync(id, initiative, ct);
        db.Entry(initiative).Property(i => i.Version).OriginalValue = Version;
        change(initiative);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Set<Initiative>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
            return await ShowConflictAsync(id, fresh, ct);
        }
        return Redirect($"/samordning/forbattring/{id}");
    }

    private async Task<IActionResult> ShowConflictAsync(Guid id, Initiative saved, CancellationToken ct)
    {
        var by = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Initiative) && a.EntityId == id.ToString())
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
        Conflict = t["ConflictSimple", by ?? "?", Formats.DateTime(saved.LastModified)];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var data = await InitiativeData.LoadAsync(db, id, t, ct);
        if (data is null) return false;
        Data = data;
        Version = data.Initiative.Version;
        CanEdit = await access.CanEditAsync(User, id, ct);
        IsCoordination = ImprovementAccess.IsCoordination(User);
        History = await InitiativeData.HistoryAsync(db, data, 30, ct);
        return true;
    }
}
