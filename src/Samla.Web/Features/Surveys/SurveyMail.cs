using System.Collections.Concurrent;

namespace Samla.Web.Features.Surveys;

/// <summary>A survey mail: invitation, reminder or receipt.</summary>
public sealed record SurveyMailMessage(string To, string Subject, string Body, string? DeduplicationKey = null, Guid? OrganizationId = null);

/// <summary>
/// The one place surveys hand mail over. Until the shared outbox (branch messaging) is merged, mail is kept in
/// memory (deduplicated by key) so that the rest of the feature and its tests are written against the final shape;
/// after the merge this class calls <c>Outbox.EnqueueAsync</c> in the caller's transaction.
/// </summary>
public sealed class SurveyMailbox(SurveyMailStore store)
{
    public const string Category = "survey";

    public Task<bool> EnqueueAsync(SurveyMailMessage mail, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(store.Add(mail));
    }
}

/// <summary>Interim store of enqueued survey mail (replaced by the outbox).</summary>
public sealed class SurveyMailStore
{
    private readonly ConcurrentDictionary<string, byte> _keys = new();
    private readonly ConcurrentQueue<SurveyMailMessage> _sent = new();

    public IReadOnlyCollection<SurveyMailMessage> Sent => _sent;

    public bool Add(SurveyMailMessage mail)
    {
        if (mail.DeduplicationKey is { } key && !_keys.TryAdd(key, 0)) return false;
        _sent.Enqueue(mail);
        return true;
    }
}
