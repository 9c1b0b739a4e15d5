// TEMPORARY SHIM — DELETE WHEN MERGING main WITH THE REAL OUTBOX (branch `messaging`, src/Samla.Web/Core/Messaging).
// Compile-only stand-in for the API in BRIEFING.md; it writes mail at once through MailSender (pickup directory),
// not in the caller's transaction, and remembers deduplication keys only in memory.
using System.Collections.Concurrent;
using Samla.Web.Data;
using Samla.Web.Features.Admin;

namespace Samla.Web.Core;

public sealed record OutgoingMail(string To, string Subject, string Body, string Category,
    string? DeduplicationKey = null, Guid? OrganizationId = null, MailAttachment? Attachment = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed class Outbox(SamlaDbContext db, TimeProvider clock, MailSender sender)
{
    private static readonly ConcurrentDictionary<string, bool> Sent = new();

    public async Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        _ = db;
        _ = clock;
        if (mail.DeduplicationKey is { } key && !Sent.TryAdd(key, true)) return false;
        await sender.SendAsync(mail.To, mail.Subject, mail.Body, ct);
        return true;
    }
}

public interface IScheduledJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(IServiceProvider scopedServices, CancellationToken ct);
}

public static class ScheduledJobShim
{
    public static IServiceCollection AddScheduledJob<T>(this IServiceCollection services) where T : class, IScheduledJob =>
        services.AddSingleton<IScheduledJob, T>();

    public static IServiceCollection AddOutboxShim(this IServiceCollection services) => services.AddScoped<Outbox>();
}
