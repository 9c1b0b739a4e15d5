using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>A public good example (only when a coordinator made it public; 404 otherwise). Names no person.</summary>
public sealed class PublicExampleModel(SamlaDbContext db, LearningLibrary library, IStringLocalizer<ImprovementText> t) : PageModel
{
    public LearningExample Example { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var example = await LearningExample.LoadAsync(db, library, id, publicOnly: true, t, ct);
        if (example is null) return NotFound();
        Example = example;
        return Page();
    }
}
