using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>Samla:Outbox settings: how the background worker sends queued mail.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Samla:Outbox";

    /// <summary>False: no background loop (tests flush with <see cref="OutboxWorker.ProcessDueAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for due mail when nothing woke it.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>At most this many messages per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is Failed (a coordinator can try again).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long a worker holds a message it is sending; a message still Sending after that (a crash) is retried.</summary>
    [Range(5, 86_400)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Delay before the first retry; doubled for every further attempt (capped at six hours).</summary>
    [Range(0, 86_400)]
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>The body and attachment of sent mail are blanked after this many days (<see cref="OutboxCleanupJob"/>).</summary>
    [Range(0, 3650)]
    public int KeepSentBodyDays { get; set; } = 7;
}

/// <summary>
/// Sends what the outbox holds. Each message is claimed with one conditional UPDATE (Queued and due, or Sending with
/// an expired lease → Sending, leased to this claim), so two instances on one database never send the same message;
/// a crash between claim and "Sent" leaves a lease that expires, and the message is sent again (to the same pickup
/// file / with the same Message-Id). Failures are retried with exponential back-off, then marked Failed with the reason.
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes, MailSender sender, TimeProvider clock, IOptions<OutboxOptions> options,
    OutboxSignal signal, ILogger<OutboxWorker> log) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    /// <summary>Who holds a claim: this process (host, process id, a random part for several workers in one process).</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RunWorker) return;
        await Task.Yield();
        // A save signals before its transaction commits; after a signal, look again a few times at short intervals.
        var followUps = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessDueAsync(stoppingToken) >= o.BatchSize)
                {
                    // a full batch: there may be more
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Outbox round failed; trying again in {Seconds} s", o.PollSeconds);
            }
            var wait = TimeSpan.FromSeconds(followUps > 0 ? Math.Min(1, o.PollSeconds) : o.PollSeconds);
            if (followUps > 0) followUps--;
            try
            {
                if (await signal.WaitAsync(wait, stoppingToken)) followUps = 3;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: claims and sends up to BatchSize due messages; returns how many it claimed. Tests call this to flush.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
        var candidates = await Due(db.Set<OutboxMessage>().AsNoTracking(), now)
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        var claimed = 0;
        foreach (var id in candidates)
        {
            ct.ThrowIfCancellationRequested();
            var message = await ClaimAsync(db, id, ct);
            if (message is null) continue;
            claimed++;
            await DeliverAsync(db, message, ct);
        }
        return claimed;
    }

    /// <summary>Claims one message for this worker if it is (still) due; null when another worker was first.</summary>
    public async Task<OutboxMessage?> ClaimAsync(SamlaDbContext db, Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = $"{InstanceId}/{Guid.NewGuid():N}";
        var leaseUntil = now.AddSeconds(options.Value.LeaseSeconds);
        var updated = await Due(db.Set<OutboxMessage>().Where(m => m.Id == id), now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LockedBy, holder)
                .SetProperty(m => m.LockedUntil, leaseUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (updated == 0) return null;
        return await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LockedBy == holder, ct);
    }

    private async Task DeliverAsync(SamlaDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        try
        {
            await sender.SendAsync(message.Id, message.ToOutgoingMail(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down: the lease expires and another round sends it
        }
        catch (Exception ex)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            if (reason.Length > 2000) reason = reason[..2000];
            var failed = message.Attempts >= o.MaxAttempts;
            var next = now + RetryDelay(message.Attempts, o);
            await Held(db, message).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            if (failed) log.LogError(ex, "Mail {MessageId} ({Category}) failed after {Attempts} attempts", message.Id, message.Category, message.Attempts);
            else log.LogWarning(ex, "Mail {MessageId} ({Category}) attempt {Attempts} failed; next at {Next:o}", message.Id, message.Category, message.Attempts, next);
            return;
        }
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await Held(db, message).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Body, m => m.ForgetBodyWhenSent ? "" : m.Body)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Exponential back-off: base, 2×base, 4×base … capped at six hours.</summary>
    public static TimeSpan RetryDelay(int attempts, OutboxOptions o)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var seconds = Math.Min(o.RetryBaseSeconds * factor, MaxRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> q, DateTime now) =>
        q.Where(m => (m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now)
            || (m.Status == OutboxStatus.Sending && m.LockedUntil < now));

    private static IQueryable<OutboxMessage> Held(SamlaDbContext db, OutboxMessage claimed) =>
        db.Set<OutboxMessage>().Where(m => m.Id == claimed.Id && m.LockedBy == claimed.LockedBy);
}
