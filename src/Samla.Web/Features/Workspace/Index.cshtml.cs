using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Samla.Web.Features.Workspace;

public sealed class IndexModel(OrganizationAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Name, bool IsActive, int Services);

    public IReadOnlyList<Row> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var editable = await access.EditableAsync(User, ct);
        Organizations = await editable.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.IsActive, o.Services.Count)).ToListAsync(ct);
        // An editor of one organisation comes here for that organisation: go straight to it.
        if (Organizations.Count == 1 && !OrganizationAccess.CanEditAll(User)) return RedirectToPage("Organization", new { orgId = Organizations[0].Id });
        return Page();
    }
}
