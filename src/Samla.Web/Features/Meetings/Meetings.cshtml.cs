using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

/// <summary>The dialogue meetings, coming and past, and the update rounds. Every signed-in user may read.</summary>
[Authorize]
public sealed class MeetingsModel(SamlaDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DialogueMeeting> Coming { get; private set; } = [];
    public IReadOnlyList<DialogueMeeting> Past { get; private set; } = [];
    public bool CanManage => OrganizationAccess.CanEditAll(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Set<DialogueMeeting>().AsNoTracking().OrderByDescending(m => m.StartsAt).Take(200).ToListAsync(ct);
        Coming = all.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt).ToList();
        Past = all.Where(m => m.EndsAt < now).ToList();
    }
}
