using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>
/// What the outbox holds: queued, being sent, sent and failed mail (with the reason), filtered by status and category,
/// paged; a failed message can be tried again (audited). Staff only (the folder's Coordination policy): it shows addresses.
/// </summary>
public sealed class OutboxModel(SamlaDbContext db, TimeProvider clock, OutboxSignal signal, IStringLocalizer<OutboxText> t) : PagedListModel
{
    public sealed record Row(Guid Id, DateTime CreatedAt, string To, string Subject, string Category, Guid? OrganizationId,
        OutboxStatus Status, int Attempts, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = db.Set<OutboxMessage>().AsNoTracking();
        Counts = await all.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Categories = await all.Select(m => m.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        OrganizationNames = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var q = all;
        if (Status is { } status) q = q.Where(m => m.Status == status);
        if (!string.IsNullOrWhiteSpace(Category)) q = q.Where(m => m.Category == Category);
        Messages = await PageAsync(q, rows => rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.CreatedAt, m.To, m.Subject, m.Category, m.OrganizationId, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError)), ct);
    }

    /// <summary>Queues a failed message again with a fresh set of attempts; recorded in the audit log.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Status, m.Attempts, m.OrganizationId, m.To }).SingleOrDefaultAsync(ct);
        if (message is null) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), ct);
        if (updated == 1)
        {
            db.AuditEntries.Add(db.AuditEntryFor(nameof(OutboxMessage), id, "retry", nameof(OutboxMessage.Status),
                $"{message.Status} ({message.Attempts})", nameof(OutboxStatus.Queued), message.OrganizationId));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (updated == 1) signal.Notify();
        Message = updated == 1 ? t["Message_Requeued", message.To] : t["Message_NotFailed"];
        return RedirectToPage(new { Status = Status?.ToString(), Category, sida = PageNumber });
    }

    public string StatusText(OutboxStatus status) => t["Status_" + status];

    public static string Time(DateTime utc) => Formats.DateTime(utc);

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("Status", Status?.ToString()), new("Category", Category)];
}
