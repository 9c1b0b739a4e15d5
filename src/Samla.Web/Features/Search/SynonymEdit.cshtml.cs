using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Search;

/// <summary>
/// Edits one of the coordinators' synonym groups. The form carries the version the coordinator saw: a save after someone
/// else's shows what they saved beside what this coordinator wrote, keeps the typed text, and saves only when sent again.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SynonymEditModel(SamlaDbContext db, ServiceSearch search, IStringLocalizer<SynonymsText> t) : PageModel
{
    [BindProperty]
    public string? Members { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public SearchSynonymGroup Group { get; private set; } = null!;

    /// <summary>What someone else saved meanwhile (null without a conflict).</summary>
    public string? SavedMeanwhile { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<SearchSynonymGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group) return NotFound();
        Group = group;
        Members = group.Members;
        Version = group.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<SearchSynonymGroup>().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group) return NotFound();
        Group = group;
        var valid = SynonymGroupInput.Validate(Members, ModelState, nameof(Members), t);
        if (Version != group.Version)
        {
            // Saving again after seeing the conflict saves the coordinator's text over the other one.
            SavedMeanwhile = group.Members;
            ModelState.Remove(nameof(Version));
            Version = group.Version;
            return Page();
        }
        if (!valid) return Page();
        group.Members = SynonymGroupInput.Normalize(Members!);
        db.Entry(group).Property(g => g.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between the check and this save: as above.
            db.ChangeTracker.Clear();
            Group = await db.Set<SearchSynonymGroup>().AsNoTracking().FirstAsync(g => g.Id == id, ct);
            SavedMeanwhile = Group.Members;
            ModelState.Remove(nameof(Version));
            Version = Group.Version;
            return Page();
        }
        await search.RefreshSynonymsAsync(ct);
        TempData[nameof(SynonymsModel.Saved)] = t["SavedEdited"].Value;
        return Redirect(SynonymsModel.Path);
    }
}
