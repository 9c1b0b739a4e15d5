using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>Recurring background work, registered with <c>services.AddScheduledJob&lt;T&gt;()</c>.</summary>
public interface IScheduledJob
{
    /// <summary>Unique, e.g. "update-round-reminders"; the key of its lease row.</summary>
    string Name { get; }

    /// <summary>How often it should run.</summary>
    TimeSpan Interval { get; }

    /// <summary>Runs once across all instances per interval. Must be idempotent (use an outbox DeduplicationKey).</summary>
    Task RunAsync(IServiceProvider scopedServices, CancellationToken ct);
}

public static class ScheduledJobs
{
    public static IServiceCollection AddScheduledJob<T>(this IServiceCollection services)
        where T : class, IScheduledJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IScheduledJob, T>());
        return services;
    }
}

/// <summary>Samla:Scheduler settings.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Samla:Scheduler";

    /// <summary>False: no background loop (tests call <see cref="JobScheduler.RunDueJobsAsync"/>).</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How often the scheduler checks whether a job is due.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>How long one instance holds a job while it runs; a crashed run is taken over after this.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 600;
}

/// <summary>One row per scheduled job: who runs it now (a lease) and when it last ran.</summary>
public sealed class JobLease : INotAudited
{
    public required string Name { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? Holder { get; set; }
    public DateTime? LastRunAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>How many runs completed, across all instances (shows that a run happened once, not once per instance).</summary>
    public int Runs { get; set; }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(100);
        b.Property(l => l.LastError).HasMaxLength(2000);
    }
}

/// <summary>
/// Runs each registered job once per interval across every instance on the database: an instance claims a job with
/// one conditional UPDATE of its lease row (due since the last run and not leased by a live holder), runs it, and
/// records the run. Works the same on PostgreSQL (several instances) and SQLite (one).
/// </summary>
public sealed class JobScheduler(
    IServiceScopeFactory scopes, IEnumerable<IScheduledJob> jobs, TimeProvider clock, IOptions<SchedulerOptions> options,
    ILogger<JobScheduler> log) : BackgroundService
{
    private readonly IReadOnlyList<IScheduledJob> _jobs = jobs.ToList();

    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public IReadOnlyList<IScheduledJob> Jobs => _jobs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RunJobs || _jobs.Count == 0) return;
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.PollSeconds), clock);
        do
        {
            try
            {
                await RunDueJobsAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Scheduler round failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Runs every job that is due at <paramref name="now"/> and that this instance manages to claim; returns their names.</summary>
    public async Task<IReadOnlyList<string>> RunDueJobsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var ran = new List<string>();
        foreach (var job in _jobs)
        {
            ct.ThrowIfCancellationRequested();
            if (await RunIfDueAsync(job, now.UtcDateTime, ct)) ran.Add(job.Name);
        }
        return ran;
    }

    private async Task<bool> RunIfDueAsync(IScheduledJob job, DateTime now, CancellationToken ct)
    {
        using var leaseScope = scopes.CreateScope();
        var db = leaseScope.ServiceProvider.GetRequiredService<SamlaDbContext>();
        await EnsureLeaseRowAsync(db, job.Name, ct);

        var holder = $"{InstanceId}/{Guid.NewGuid():N}";
        var dueIfLastRunBefore = now - job.Interval;
        var leaseUntil = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.Set<JobLease>()
            .Where(l => l.Name == job.Name
                && (l.LastRunAt == null || l.LastRunAt <= dueIfLastRunBefore)
                && (l.LeaseUntil == null || l.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeaseUntil, leaseUntil), ct);
        if (claimed == 0) return false;

        var held = db.Set<JobLease>().Where(l => l.Name == job.Name && l.Holder == holder);
        try
        {
            using var jobScope = scopes.CreateScope();
            jobScope.ServiceProvider.GetService<AuditActor>()?.Use("job:" + job.Name);
            await job.RunAsync(jobScope.ServiceProvider, ct);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            log.LogError(ex, "Scheduled job {Job} failed", job.Name);
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            if (reason.Length > 2000) reason = reason[..2000];
            // Not recorded as run: tried again after a short pause rather than a whole interval.
            var retryAt = now + TimeSpan.FromTicks(Math.Min(job.Interval.Ticks, TimeSpan.FromMinutes(5).Ticks));
            await held.ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, retryAt).SetProperty(l => l.LastError, reason), CancellationToken.None);
            return true;
        }
        await held.ExecuteUpdateAsync(s => s
            .SetProperty(l => l.LastRunAt, now)
            .SetProperty(l => l.Runs, l => l.Runs + 1)
            .SetProperty(l => l.LeaseUntil, (DateTime?)null)
            .SetProperty(l => l.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    private static async Task EnsureLeaseRowAsync(SamlaDbContext db, string name, CancellationToken ct)
    {
        if (await db.Set<JobLease>().AnyAsync(l => l.Name == name, ct)) return;
        try
        {
            db.Add(new JobLease { Name = name });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // another instance inserted it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
