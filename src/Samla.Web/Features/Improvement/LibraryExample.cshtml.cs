using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>A published example for signed-in actors: what was tried, what worked, the charts, where it is not yet done.</summary>
[Authorize]
public sealed class LibraryExampleModel(SamlaDbContext db, LearningLibrary library, IStringLocalizer<ImprovementText> t) : PageModel
{
    public LearningExample Example { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var example = await LearningExample.LoadAsync(db, library, id, publicOnly: false, t, ct);
        if (example is null) return NotFound();
        Example = example;
        return Page();
    }
}
