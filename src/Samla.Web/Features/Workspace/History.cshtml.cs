using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Directory;

namespace Samla.Web.Features.Workspace;

/// <summary>Every saved version of a service with who, when and what changed; restoring one saves it as a new version.</summary>
public sealed class HistoryModel(SamlaDbContext db, TermCatalogCache termCatalog, OrganizationAccess access, ServiceChanges changes, IOptions<SamlaOptions> options,
    ScheduleText scheduleText, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed record Change(string Label, string Before, string After)
    {
        /// <summary>The words kept, deleted and inserted, so a small edit in a long text stands out.</summary>
        public IReadOnlyList<WordDiff.Part> Parts { get; } = WordDiff.Compare(Before, After);
    }
    public sealed record Entry(long Id, int Version, string Action, string UserName, DateTime Timestamp, IReadOnlyList<Change> Changes, bool IsCurrent);

    [FromRoute]
    public Guid Id { get; set; }

    public Service Service { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var service = await changes.LoadAsync(Id, ct);
        if (service is null || !await access.CanEditAsync(User, service.OrganizationId, ct)) return NotFound();
        Service = service;
        OrganizationName = await db.Organizations.Where(o => o.Id == service.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, service.OrganizationId, ct);
        var versions = await db.ServiceVersions.AsNoTracking().Where(v => v.ServiceId == Id).OrderBy(v => v.Version).ThenBy(v => v.Id).ToListAsync(ct);
        if (versions.Count == 0)
        {
            // Not yet edited in the workspace: its current state is the only version there is.
            versions.Add(new ServiceVersion
            {
                Id = 0, ServiceId = Id, Version = service.Version, UserName = await LastAuditorAsync(ct) ?? AuditActor.SystemName, Timestamp = service.LastModified, Action = "baseline",
                SnapshotJson = ServiceSnapshot.Capture(service, catalog).ToJson(),
            });
        }
        var entries = new List<Entry>();
        ServiceSnapshot? previous = null;
        foreach (var v in versions)
        {
            var snapshot = ServiceSnapshot.FromJson(v.SnapshotJson);
            var diff = previous is null
                ? []
                : ServiceSnapshot.Differences(previous, snapshot)
                    .Select(f => new Change(t["Field_" + f], catalog.Describe(f, previous, scheduleText, t), catalog.Describe(f, snapshot, scheduleText, t)))
                    .ToList();
            entries.Add(new Entry(v.Id, v.Version, v.Action, Author(v.UserName, v.Action), v.Timestamp, diff, v.Version == service.Version));
            previous = snapshot;
        }
        entries.Reverse();
        Entries = entries;
        return Page();
    }

    /// <summary>Who wrote the service before the workspace kept versions: the last audited change to it.</summary>
    private Task<string?> LastAuditorAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Data.Service) && a.EntityId == Id.ToString())
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A person's name as it is; the processes that write without a person in words: "Importerad" (the import),
    /// "Demodata", and for a version from before the workspace with no known author "Före arbetsytan".
    /// </summary>
    public string Author(string userName, string action) => userName switch
    {
        "import" => t["Author_Import"],
        DemoData.AuditUserName => t["Author_DemoData"],
        AuditActor.SystemName or "–" or "" => action == "baseline" ? t["Author_BeforeWorkspace"] : t["Author_System"],
        _ when action == "baseline" => t["Author_BaselineBy", userName],
        _ => userName,
    };

    public async Task<IActionResult> OnPostRestoreAsync(long versionId, CancellationToken ct)
    {
        var service = await changes.LoadAsync(Id, ct);
        if (service is null || !await access.CanEditAsync(User, service.OrganizationId, ct)) return NotFound();
        // The version must belong to this service: a forged id of another organisation's version restores nothing.
        var version = await db.ServiceVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.ServiceId == service.Id, ct);
        if (version is null) return NotFound();
        var catalog = await WorkspaceCatalog.LoadAsync(db, termCatalog, options.Value.CountyCode, service.OrganizationId, ct);
        var snapshot = ServiceSnapshot.FromJson(version.SnapshotJson);
        // Restoring content does not pretend the old content was verified today, nor forget today's verification.
        snapshot.AssuredDate = service.AssuredDate;
        snapshot.AssurerEmail = service.AssurerEmail;
        await changes.StageAsync(service, service.Version, "restore", catalog, User, s => snapshot.ApplyTo(s, catalog, db), ct);
        await changes.SaveAsync(ct);
        Message = t["Message_Restored", version.Version, service.Version];
        return RedirectToPage(new { id = Id });
    }
}
