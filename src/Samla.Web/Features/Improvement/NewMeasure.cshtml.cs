using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>Adds a measure to an initiative.</summary>
[Authorize]
public sealed class NewMeasureModel(SamlaDbContext db, ImprovementAccess access, IStringLocalizer<ImprovementText> t) : PageModel
{
    [BindProperty] public MeasureInput Input { get; set; } = new();
    public string InitiativeTitle { get; private set; } = "";
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Input.Validate(ModelState, t, out var target)) return Page();
        var measure = new Measure { InitiativeId = id, Name = "" };
        Input.ApplyTo(measure, target);
        db.Add(measure);
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/forbattring/matt/{measure.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, id, ct)) return false;
        InitiativeTitle = await db.Set<Initiative>().Where(i => i.Id == id).Select(i => i.Title).FirstAsync(ct);
        Id = id;
        return true;
    }
}
