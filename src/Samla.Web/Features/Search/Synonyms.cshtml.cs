using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Search;

/// <summary>
/// Search words and synonyms (coordinators): the repository's groups (read-only), the coordinators' own groups, adding
/// one, archiving and restoring. A save applies the new synonyms on this instance before the answer; the others follow
/// within a poll interval (<see cref="ServiceSearch.RefreshSynonymsAsync"/>).
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SynonymsModel(SamlaDbContext db, ServiceSearch search, IStringLocalizer<SynonymsText> t) : PageModel
{
    public const string Path = "/samordning/synonymer";

    [BindProperty]
    public string? Members { get; set; }

    /// <summary>"Try it": a query whose synonym expansion the page shows.</summary>
    [BindProperty(SupportsGet = true, Name = "prova")]
    public string? Try { get; set; }

    public IReadOnlyList<IReadOnlyList<string>> FileGroups { get; private set; } = [];
    public IReadOnlyList<SearchSynonymGroup> Active { get; private set; } = [];
    public IReadOnlyList<SearchSynonymGroup> Archived { get; private set; } = [];
    public IReadOnlyList<(string Words, IReadOnlyList<string> Alternatives)> Expansion { get; private set; } = [];

    /// <summary>Set after a save (shown once, from TempData).</summary>
    [TempData]
    public string? Saved { get; set; }

    /// <summary>An archive or restore of a group someone changed meanwhile: nothing was done.</summary>
    public bool Stale { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!SynonymGroupInput.Validate(Members, ModelState, nameof(Members), t))
        {
            await LoadAsync(ct);
            return Page();
        }
        db.Add(new SearchSynonymGroup { Members = SynonymGroupInput.Normalize(Members!), CreatedBy = User.Identity?.Name ?? "" });
        await db.SaveChangesAsync(ct);
        await search.RefreshSynonymsAsync(ct);
        Saved = t["SavedAdded"];
        return Redirect(Path);
    }

    public Task<IActionResult> OnPostArchiveAsync(Guid id, int version, CancellationToken ct) => SetArchivedAsync(id, version, archived: true, ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, int version, CancellationToken ct) => SetArchivedAsync(id, version, archived: false, ct);

    private async Task<IActionResult> SetArchivedAsync(Guid id, int version, bool archived, CancellationToken ct)
    {
        if (await db.Set<SearchSynonymGroup>().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group) return NotFound();
        if (group.Version != version)
        {
            Stale = true;
            await LoadAsync(ct);
            return Page();
        }
        group.IsArchived = archived;
        db.Entry(group).Property(g => g.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Stale = true;
            await LoadAsync(ct);
            return Page();
        }
        await search.RefreshSynonymsAsync(ct);
        Saved = archived ? t["SavedArchived"] : t["SavedRestored"];
        return Redirect(Path);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        FileGroups = SearchSynonyms.FileGroups.Value;
        var groups = await db.Set<SearchSynonymGroup>().AsNoTracking().ToListAsync(ct);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);
        Active = [.. groups.Where(g => !g.IsArchived).OrderBy(g => g.Members, comparer)];
        Archived = [.. groups.Where(g => g.IsArchived).OrderBy(g => g.Members, comparer)];
        if (!string.IsNullOrWhiteSpace(Try))
        {
            Try = Try.Length > 200 ? Try[..200] : Try;
            Expansion = search.Synonyms.Explain(Try);
        }
    }
}
