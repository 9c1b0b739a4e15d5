using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Exchange;

/// <summary>Administrators create (key shown once), list and revoke API keys for the write endpoints.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class ApiKeysModel(SamlaDbContext db) : PageModel
{
    public List<ApiKey> Keys { get; private set; } = [];
    public string? NewKey { get; private set; }
    public bool NameMissing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            NameMissing = true;
        }
        else
        {
            (NewKey, _) = await ApiKeyStore.CreateAsync(db, name.Trim(), User.Identity?.Name ?? "?", ct);
        }
        Keys = await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is { RevokedAt: null })
        {
            key.RevokedAt = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage();
    }

    private Task<List<ApiKey>> LoadAsync(CancellationToken ct) =>
        db.Set<ApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
}
