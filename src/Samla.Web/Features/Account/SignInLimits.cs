using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Account;

/// <summary>
/// Section <c>Samla:RateLimits:FailedSignIns</c>: how many failed sign-ins are let through per account address and per
/// network (IPv4 /24, IPv6 /64) and window. Beyond them the sign-in form answers 429 without trying the password, so
/// the account lockout (5 failures, 15 minutes) cannot be reached in one burst; what is left is told to the user by mail.
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
/// The failed-sign-in limits (System.Threading.RateLimiting, the ASP.NET Core rate limiter's engine), one partition per
/// address and per network. Only failures use up permits: a person who signs in correctly is never held up by them.
/// Per instance (as the request rate limits are): N instances let N times the failures through, still far below a
/// password-guessing rate, and the lockout itself is in the database and holds across instances.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byNetwork;

    public SignInLimits(IOptions<SignInLimitOptions> options)
    {
        _byAddress = Create(options.Value.PerAddress);
        _byNetwork = Create(options.Value.PerNetwork);
    }

    private static PartitionedRateLimiter<string> Create(SignInLimitOptions.Window window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit, Window = TimeSpan.FromSeconds(window.WindowSeconds), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Whether another attempt may be tried (uses up nothing).</summary>
    public bool MayTry(string address, IPAddress? remote)
    {
        using var network = _byNetwork.AttemptAcquire(NetworkOf(remote), 0);
        using var account = _byAddress.AttemptAcquire(Normalize(address), 0);
        return network.IsAcquired && account.IsAcquired;
    }

    /// <summary>Counts a failed attempt against the address and the network.</summary>
    public void Failed(string address, IPAddress? remote)
    {
        _byNetwork.AttemptAcquire(NetworkOf(remote)).Dispose();
        _byAddress.AttemptAcquire(Normalize(address)).Dispose();
    }

    private static string Normalize(string address) => address.Trim().ToUpperInvariant();

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

    public void Dispose()
    {
        _byAddress.Dispose();
        _byNetwork.Dispose();
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
        services.AddSingleton<SignInLimits>();
        services.AddScoped<LockoutMail>();
        return services;
    }
}
