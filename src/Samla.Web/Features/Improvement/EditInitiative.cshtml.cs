using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>
/// The phase pages: what the model asks in each step (identifiera: problem, goal, purpose; forbattra: change ideas;
/// larande: lessons and the summary). The form carries the version the user saw; when someone saved in between, the
/// page shows their values beside the user's, keeps the user's text in the form, and saves only when sent again.
/// </summary>
[Authorize]
public sealed class EditInitiativeModel(SamlaDbContext db, ImprovementAccess access, IStringLocalizer<ImprovementText> t) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string[]> Steps = new Dictionary<string, string[]>
    {
        ["identifiera"] = [nameof(Initiative.Title), nameof(Initiative.Problem), nameof(Initiative.Goal), nameof(Initiative.Purpose)],
        ["forbattra"] = [nameof(Initiative.ChangeIdeas)],
        ["larande"] = [nameof(Initiative.Lessons), nameof(Initiative.SummaryTried), nameof(Initiative.SummaryWorked), nameof(Initiative.SummaryToRepeat)],
    };

    public sealed record ConflictField(string Field, string Saved, string Mine);

    public string Step { get; private set; } = "";
    public string InitiativeTitle { get; private set; } = "";
    public Guid Id { get; private set; }
    public IReadOnlyList<ConflictField> Conflicts { get; private set; } = [];
    public string? ConflictBy { get; private set; }

    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string step, CancellationToken ct)
    {
        if (!Steps.ContainsKey(step)) return NotFound();
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        var i = await db.Set<Initiative>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return NotFound();
        (Id, Step, InitiativeTitle, Version) = (id, step, i.Title, i.Version);
        Fields = Steps[step].ToDictionary(f => f, f => (string?)Get(i, f));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string step, CancellationToken ct)
    {
        if (!Steps.TryGetValue(step, out var names)) return NotFound();
        if (!await access.CanEditAsync(User, id, ct)) return NotFound();
        var i = await db.Set<Initiative>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return NotFound();
        (Id, Step, InitiativeTitle) = (id, step, i.Title);
        foreach (var f in names)
        {
            var v = Fields.GetValueOrDefault(f)?.Trim() ?? "";
            if (f == nameof(Initiative.Title) && (v.Length == 0 || v.Length > 300)) ModelState.AddModelError($"Fields[{f}]", t["TitleRequired"]);
            else if (v.Length > 8000) ModelState.AddModelError($"Fields[{f}]", t["TextTooLong"]);
        }
        if (!ModelState.IsValid) return Page();

        if (i.Version != Version)
        {
            await ShowConflictAsync(i, names, ct);
            return Page();
        }
        db.Entry(i).Property(x => x.Version).OriginalValue = Version;
        foreach (var f in names) Set(i, f, Fields.GetValueOrDefault(f)?.Trim() ?? "");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Set<Initiative>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
            await ShowConflictAsync(fresh, names, ct);
            return Page();
        }
        return Redirect($"/samordning/forbattring/{id}");
    }

    /// <summary>Someone saved in between: show the saved values beside the user's; the form keeps the user's and now carries the saved version.</summary>
    private async Task ShowConflictAsync(Initiative saved, string[] names, CancellationToken ct)
    {
        Conflicts = names.Where(f => (Get(saved, f) ?? "") != (Fields.GetValueOrDefault(f)?.Trim() ?? ""))
            .Select(f => new ConflictField(f, Get(saved, f) ?? "", Fields.GetValueOrDefault(f) ?? "")).ToList();
        ConflictBy = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Initiative) && a.EntityId == saved.Id.ToString())
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
        ConflictBy = t["ConflictSimple", ConflictBy ?? "?", Formats.DateTime(saved.LastModified)];
        Version = saved.Version;
        ModelState.Remove(nameof(Version));
        Response.StatusCode = StatusCodes.Status409Conflict;
    }

    private static string? Get(Initiative i, string field) => typeof(Initiative).GetProperty(field)!.GetValue(i) as string;

    private static void Set(Initiative i, string field, string value) => typeof(Initiative).GetProperty(field)!.SetValue(i, value);
}
