using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// A file uploaded on the import page, previewed and waiting for the coordinator's confirmation. It lives in the
/// database (not on the instance that took the upload), so the confirmation may land on any instance.
/// </summary>
public sealed class PendingUpload : INotAudited
{
    public Guid Id { get; set; }

    /// <summary>Who uploaded it: only they may confirm it.</summary>
    public string? UserId { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

public sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> b)
    {
        b.ToTable("PendingUploads");
        b.HasKey(u => u.Id);
        b.Property(u => u.UserId).HasMaxLength(450);
        b.Property(u => u.FileName).HasMaxLength(260);
        b.HasIndex(u => u.ExpiresAt);
    }
}

/// <summary>Keeps previewed uploads in the database between the preview and the confirmation.</summary>
public sealed class PendingUploads(SamlaDbContext db, TimeProvider clock)
{
    /// <summary>How long a previewed file waits for its confirmation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public async Task<Guid> KeepAsync(string path, string fileName, string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upload = new PendingUpload
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            FileName = fileName,
            Content = await File.ReadAllBytesAsync(path, ct),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Id;
    }

    /// <summary>Writes the upload <paramref name="id"/> of <paramref name="userId"/> to <paramref name="path"/>; false when there is none (expired, used, someone else's).</summary>
    public async Task<bool> RestoreAsync(Guid id, string? userId, string path, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var content = await db.Set<PendingUpload>().AsNoTracking()
            .Where(u => u.Id == id && u.UserId == userId && u.ExpiresAt > now)
            .Select(u => u.Content)
            .FirstOrDefaultAsync(ct);
        if (content is null) return false;
        await File.WriteAllBytesAsync(path, content, ct);
        return true;
    }

    /// <summary>Forgets the upload (after its confirmation, whatever the outcome).</summary>
    public Task ForgetAsync(Guid id, CancellationToken ct) =>
        db.Set<PendingUpload>().Where(u => u.Id == id).ExecuteDeleteAsync(ct);
}

/// <summary>Removes uploads that were previewed but never confirmed.</summary>
public sealed class PendingUploadCleanupJob(TimeProvider clock) : IScheduledJob
{
    public string Name => "import-upload-cleanup";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await ExpiredRows.DeleteInBatchesAsync(scopedServices.GetRequiredService<SamlaDbContext>().Set<PendingUpload>()
            .Where(u => u.ExpiresAt <= now), u => u.ExpiresAt, ct);
    }
}
