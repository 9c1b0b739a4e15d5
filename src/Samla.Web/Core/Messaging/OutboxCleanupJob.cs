using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// Once a day: blanks the body and attachment of mail sent more than <see cref="OutboxOptions.KeepSentBodyDays"/> ago.
/// Bodies can hold one-time links (invitations, survey tokens); the row itself (who, what, when, state) stays.
/// </summary>
public sealed class OutboxCleanupJob(TimeProvider clock, IOptions<OutboxOptions> options) : IScheduledJob
{
    public const string RemovedBody = "[removed after sending]";

    public string Name => "outbox-cleanup";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var db = scopedServices.GetRequiredService<SamlaDbContext>();
        var sentBefore = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepSentBodyDays);
        await db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAt < sentBefore && m.Body != RemovedBody)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Body, RemovedBody)
                .SetProperty(m => m.AttachmentContent, (byte[]?)null), ct);
    }
}
