using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// One sign-in: the sign-in cookie carries its id (<see cref="UserSessions.ClaimType"/>), and every request checks the
/// row (<see cref="UserSessions.IsLiveAsync"/>), so a session ends on the server, on every instance at once: sign-out,
/// "end all my sessions", and any change of the user's security stamp (deactivation, new roles, new password).
/// Running state, not user data: not audited row by row.
/// </summary>
public sealed class UserSession : INotAudited
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The user's security stamp when the session began; a session outlives no change of it.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>The browser's User-Agent, shortened: so the user can tell their devices apart.</summary>
    public string Device { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Last request, to within <see cref="UserSessions.SeenResolution"/>.</summary>
    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.SecurityStamp).HasMaxLength(256);
        b.Property(x => x.Device).HasMaxLength(300);
        b.HasIndex(x => x.UserId);
        b.HasOne<SamlaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A session as its owner sees it on their account page.</summary>
public sealed record ActiveSession(Guid Id, string Device, DateTime CreatedAt, DateTime LastSeenAt, bool IsCurrent);

/// <summary>The server-side session store: start, check on every request, end one, end all.</summary>
public sealed class UserSessions(SamlaDbContext db, IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<IdentityOptions> identity, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    /// <summary>The claim that carries the session id in the sign-in cookie.</summary>
    public const string ClaimType = "samla:sid";

    /// <summary>How often <see cref="UserSession.LastSeenAt"/> is written (a write per request would be waste).</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Begins a session for the principal being signed in and puts its id into the principal's claims.</summary>
    public async Task StartAsync(ClaimsPrincipal principal, string? userAgent, CancellationToken ct = default)
    {
        if (principal.Identity is not ClaimsIdentity claims) return;
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) ?? throw new InvalidOperationException("Signing in without a user id.");
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";
        foreach (var old in claims.FindAll(ClaimType).ToList()) claims.RemoveClaim(old);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(), UserId = userId, SecurityStamp = stamp, CreatedAt = now, LastSeenAt = now,
            Device = Shorten(userAgent),
        };
        // Own context: the session row must be committed before the cookie is, whatever the caller's unit of work holds.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var own = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
            own.Add(session);
            await own.SaveChangesAsync(ct);
        }
        claims.AddClaim(new Claim(ClaimType, session.Id.ToString()));
    }

    /// <summary>
    /// Whether the session in this principal may go on: its row exists and has not ended, and the user is active with the
    /// same security stamp as when it began. One indexed read per request (plus a write every <see cref="SeenResolution"/>).
    /// </summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (IdOf(principal) is not { } id) return false;
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null) return false;
        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .Select(s => new { s.LastSeenAt, Live = db.Users.Any(u => u.Id == s.UserId && u.IsActive && u.SecurityStamp == s.SecurityStamp) })
            .FirstOrDefaultAsync(ct);
        if (row is not { Live: true }) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - row.LastSeenAt >= SeenResolution)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }
        return true;
    }

    /// <summary>Ends one session of the user (sign-out, or "end" on the account page); false if it was not theirs or had ended.</summary>
    public async Task<bool> EndAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<UserSession>().Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct) > 0;
    }

    /// <summary>Ends every session of the user, on every device and instance; returns how many were live.</summary>
    public async Task<int> EndAllAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>The user's live sessions, newest activity first: not ended, same security stamp, cookie not yet run out.</summary>
    public async Task<IReadOnlyList<ActiveSession>> ActiveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null) return [];
        var current = IdOf(principal);
        var since = clock.GetUtcNow().UtcDateTime - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        var rows = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt >= since
                && db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp))
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(ct);
        return rows.Select(s => new ActiveSession(s.Id, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == current)).ToList();
    }

    private static string Shorten(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? "" : userAgent.Length <= 300 ? userAgent : userAgent[..300];
}

/// <summary>
/// Every hour: deletes sessions no cookie can use any more: ended more than a day ago, or not seen for longer than the
/// sign-in cookie lives (plus <see cref="UserSessions.SeenResolution"/>, the precision of <see cref="UserSession.LastSeenAt"/>).
/// </summary>
public sealed class UserSessionCleanupJob(TimeProvider clock, IOptionsMonitor<CookieAuthenticationOptions> cookies) : IScheduledJob
{
    public string Name => "user-session-cleanup";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now.AddDays(-1);
        var unseenSince = now - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan - UserSessions.SeenResolution - TimeSpan.FromDays(1);
        await ExpiredRows.DeleteInBatchesAsync(scopedServices.GetRequiredService<SamlaDbContext>().Set<UserSession>()
            .Where(s => (s.EndedAt != null && s.EndedAt < endedBefore) || s.LastSeenAt < unseenSince), s => s.LastSeenAt, ct);
    }
}
