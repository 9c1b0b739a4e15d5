using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>A printable report of one initiative for a board: need, goal, measures with charts, cycles, lessons.</summary>
[Authorize]
public sealed class ReportModel(SamlaDbContext db, IStringLocalizer<ImprovementText> t) : PageModel
{
    public InitiativeData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var data = await InitiativeData.LoadAsync(db, id, t, ct);
        if (data is null) return NotFound();
        Data = data;
        return Page();
    }
}
