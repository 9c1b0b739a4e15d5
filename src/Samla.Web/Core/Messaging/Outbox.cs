using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Core;

public enum OutboxStatus
{
    Queued = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// A mail waiting to be sent, being sent, sent or given up on. Written in the same transaction as what caused it
/// (<see cref="Outbox.EnqueueAsync"/>); sent by <see cref="OutboxWorker"/>. Not audited row by row (the body can
/// hold a one-time link); state changes by staff ("try again") are audited explicitly.
/// </summary>
public sealed class OutboxMessage : INotAudited
{
    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string Category { get; set; }
    public string? DeduplicationKey { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? AttachmentContent { get; set; }
    public OutboxStatus Status { get; set; }
    /// <summary>How many times a worker has claimed the message to send it.</summary>
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>While Sending: until when the claiming worker holds it; after that another worker may retry it.</summary>
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The body holds a one-time secret: blanked when the message is sent.</summary>
    public bool ForgetBodyWhenSent { get; set; }

    public OutgoingMail ToOutgoingMail() => new(To, Subject, Body, Category, DeduplicationKey, OrganizationId,
        AttachmentName is { } name && AttachmentContent is { } content ? new MailAttachment(name, AttachmentContentType ?? "application/octet-stream", content) : null,
        ForgetBodyWhenSent);
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.Category).HasMaxLength(64);
        b.Property(m => m.DeduplicationKey).HasMaxLength(300);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.AttachmentContentType).HasMaxLength(200);
        b.Property(m => m.LockedBy).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(2000);
        // NULLs are distinct in a unique index on both providers: only real keys collide.
        b.HasIndex(m => m.DeduplicationKey).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CreatedAt);
    }
}

/// <summary>Wakes the worker when a save has put mail in the outbox (a hint only: the worker also polls).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>The one way a feature sends mail: add it to the outbox in the caller's unit of work.</summary>
public sealed class Outbox(SamlaDbContext db, TimeProvider clock, OutboxSignal? signal = null)
{
    private bool _subscribed;

    /// <summary>
    /// Adds the message to the context; it is committed by the caller's SaveChangesAsync, in the same transaction as
    /// what caused it. A DeduplicationKey already in the outbox (or already added in this context) makes it a no-op
    /// and returns false. Two concurrent transactions with the same key: the second save fails on the unique index.
    /// </summary>
    public async Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Category);
        var set = db.Set<OutboxMessage>();
        if (mail.DeduplicationKey is { } key)
        {
            if (set.Local.Any(m => m.DeduplicationKey == key)) return false;
            if (await set.AsNoTracking().AnyAsync(m => m.DeduplicationKey == key, ct)) return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        set.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            To = mail.To.Trim(),
            Subject = mail.Subject,
            Body = mail.Body,
            Category = mail.Category,
            DeduplicationKey = mail.DeduplicationKey,
            OrganizationId = mail.OrganizationId,
            AttachmentName = mail.Attachment?.FileName,
            AttachmentContentType = mail.Attachment?.ContentType,
            AttachmentContent = mail.Attachment?.Content,
            ForgetBodyWhenSent = mail.ForgetBodyWhenSent,
            Status = OutboxStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        if (signal is not null && !_subscribed)
        {
            _subscribed = true;
            db.SavedChanges += (_, _) => signal.Notify();
        }
        return true;
    }
}
