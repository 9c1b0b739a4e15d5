using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Account;

/// <summary>
/// Section <c>Samla:RateLimits:FailedSignIns</c>: how many failed sign-ins are let through per account address and per
/// network (IPv4 /24, IPv6 /64) and sliding window, counted in the database across instances. Beyond them the sign-in
/// form answers 429 without trying the password, so the account lockout (5 failures, 15 minutes) cannot be reached in one
/// burst; what is left is told to the user by mail.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Samla:RateLimits:FailedSignIns";

    public const string Problem =
        "Samla:RateLimits:FailedSignIns:PerAddress and :PerNetwork need PermitLimit (failed attempts, 1 or more) and WindowSeconds (1 to 86400).";

    /// <summary>Failed sign-ins for one e-mail address: below the lockout's 5, so a burst cannot lock the account.</summary>
    public Window PerAddress { get; set; } = new() { PermitLimit = 4, WindowSeconds = 900 };

    /// <summary>Failed sign-ins from one network, whatever the address.</summary>
    public Window PerNetwork { get; set; } = new() { PermitLimit = 20, WindowSeconds = 300 };

    public bool IsValid => PerAddress.IsValid && PerNetwork.IsValid;

    public sealed class Window
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        public bool IsValid => PermitLimit >= 1 && WindowSeconds is >= 1 and <= 86_400;
    }
}

/// <summary>
/// A failed sign-in, counted against the account address and against the network it came from (one row each). Keys are
/// hashes: the table holds neither addresses nor IP numbers. Rows are deleted once their window has passed
/// (<see cref="SignInFailureCleanupJob"/>). Running state, not user data: not audited.
/// </summary>
public sealed class SignInFailure : INotAudited
{
    public long Id { get; set; }

    /// <summary>SHA-256 (hex) of "address:" + the normalised address, or of "network:" + <see cref="SignInLimits.NetworkOf"/>.</summary>
    public string Key { get; set; } = "";

    public DateTime FailedAt { get; set; }

    /// <summary>When this failure stops counting: <see cref="FailedAt"/> plus its window.</summary>
    public DateTime ExpiresAt { get; set; }
}

public sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("SignInFailures");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedOnAdd();
        b.Property(f => f.Key).HasMaxLength(64);
        b.HasIndex(f => new { f.Key, f.ExpiresAt });
        b.HasIndex(f => f.ExpiresAt);
    }
}

/// <summary>
/// The failed-sign-in limits, per address and per network, as sliding windows counted in the database
/// (<see cref="SignInFailure"/>), so they hold across instances: N instances let through what one would. Only failures
/// use up the limit: a person who signs in correctly is never held up by someone else's failures from another network
/// or for another address. Checking and counting are two steps (as with any limiter checked before the password is
/// tried): attempts that are in flight at the same moment may each pass the check, on one instance as on several.
/// </summary>
public sealed class SignInLimits(SamlaDbContext db, TimeProvider clock, IOptions<SignInLimitOptions> options)
{
    /// <summary>Whether another attempt may be tried: fewer failures than the limits in their windows (counts nothing).</summary>
    public async Task<bool> MayTryAsync(string address, IPAddress? remote, CancellationToken ct)
    {
        var (addressKey, networkKey) = (AddressKey(address), NetworkKey(remote));
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.Set<SignInFailure>().AsNoTracking()
            .Where(f => (f.Key == addressKey || f.Key == networkKey) && f.ExpiresAt > now)
            .GroupBy(f => f.Key)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var o = options.Value;
        return counts.GetValueOrDefault(addressKey) < o.PerAddress.PermitLimit && counts.GetValueOrDefault(networkKey) < o.PerNetwork.PermitLimit;
    }

    /// <summary>Counts a failed attempt against the address and the network (saved at once, on its own).</summary>
    public async Task FailedAsync(string address, IPAddress? remote, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        var rows = new[]
        {
            new SignInFailure { Key = AddressKey(address), FailedAt = now, ExpiresAt = now.AddSeconds(o.PerAddress.WindowSeconds) },
            new SignInFailure { Key = NetworkKey(remote), FailedAt = now, ExpiresAt = now.AddSeconds(o.PerNetwork.WindowSeconds) },
        };
        db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        }
    }

    private static string AddressKey(string address) => Hash("address:" + address.Trim().ToUpperInvariant());

    private static string NetworkKey(IPAddress? remote) => Hash("network:" + NetworkOf(remote));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The network an address belongs to: IPv4 /24, IPv6 /64 (one household or office, one mobile operator's customer).</summary>
    public static string NetworkOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
            return new IPAddress(bytes) + "/24";
        }
        for (var i = 8; i < bytes.Length; i++) bytes[i] = 0;
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>Every 15 minutes: deletes failed sign-ins whose window has passed (once across instances, as every job).</summary>
public sealed class SignInFailureCleanupJob(TimeProvider clock) : IScheduledJob
{
    public string Name => "sign-in-failure-cleanup";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await ExpiredRows.DeleteInBatchesAsync(scopedServices.GetRequiredService<SamlaDbContext>().Set<SignInFailure>()
            .Where(f => f.ExpiresAt <= now), f => f.Id, ct);
    }
}

/// <summary>Tells a user by mail that their account was locked (once per lockout, through the outbox). The caller saves.</summary>
public sealed class LockoutMail(Outbox outbox, IStringLocalizer<AccountText> t)
{
    public const string Category = "account-locked";

    public static readonly TimeZoneInfo Sweden = FindSweden();

    public async Task<bool> EnqueueAsync(SamlaUser user, DateTimeOffset lockedUntil, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(user.Email)) return false;
        var until = TimeZoneInfo.ConvertTime(lockedUntil, Sweden).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return await outbox.EnqueueAsync(new OutgoingMail(user.Email, t["LockoutMail_Subject"], t["LockoutMail_Body", user.DisplayName, user.Email, until], Category,
            DeduplicationKey: $"account-locked:{user.Id}:{lockedUntil.ToUnixTimeSeconds()}"), ct);
    }

    private static TimeZoneInfo FindSweden()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

/// <summary>Registers the account feature's services (one line in AppSetup).</summary>
public static class AccountSetup
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section)
            .Validate(o => o.IsValid, SignInLimitOptions.Problem).ValidateOnStart();
        services.AddScoped<SignInLimits>();
        services.AddScheduledJob<SignInFailureCleanupJob>();
        services.AddScoped<LockoutMail>();
        return services;
    }
}
