namespace Samla.Web.Features.Surveys;

/// <summary>A survey mail: invitation, reminder or receipt.</summary>
public sealed record SurveyMailMessage(string To, string Subject, string Body, string? DeduplicationKey = null, Guid? OrganizationId = null);

/// <summary>
/// The one place surveys hand mail over: to the shared outbox, in the caller's unit of work (committed by its
/// SaveChangesAsync together with the token hash or answer that caused it). A known deduplication key makes it a no-op.
/// </summary>
public sealed class SurveyMailbox(Outbox outbox)
{
    public const string Category = "survey";

    public Task<bool> EnqueueAsync(SurveyMailMessage mail, CancellationToken ct = default) =>
        outbox.EnqueueAsync(new OutgoingMail(mail.To, mail.Subject, mail.Body, Category, mail.DeduplicationKey, mail.OrganizationId,
            ForgetBodyWhenSent: true), ct);
}
