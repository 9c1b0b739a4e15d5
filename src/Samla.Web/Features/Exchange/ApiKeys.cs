using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

/// <summary>A key for the write endpoints of the API. Only the SHA-256 hash of the key is stored; the key is shown once.</summary>
public class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>The first characters of the key, so that people can tell keys apart.</summary>
    public required string Prefix { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Prefix).HasMaxLength(20);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
        b.HasIndex(k => k.Hash).IsUnique();
    }
}

/// <summary>Creating, checking and revoking API keys.</summary>
public static class ApiKeyStore
{
    public const string Header = "X-Api-Key";
    private const string KeyPrefix = "samla_";

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Makes a new key; returns the key in clear text (shown once) and the stored row.</summary>
    public static async Task<(string Key, ApiKey Row)> CreateAsync(SamlaDbContext db, string name, string createdBy, CancellationToken ct)
    {
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiKey { Name = name, Prefix = key[..12], Hash = HashOf(key), CreatedAt = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy };
        db.Set<ApiKey>().Add(row);
        await db.SaveChangesAsync(ct);
        return (key, row);
    }

    /// <summary>The active key matching the header, or null.</summary>
    public static async Task<ApiKey?> FindAsync(SamlaDbContext db, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        var hash = HashOf(key.Trim());
        return await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
