using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Messaging;

/// <summary>The app with one scheduled job of the tests' own, which counts its runs.</summary>
public sealed class MessagingApp : SamlaApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<CountingJob.Runs>().AddScheduledJob<CountingJob>());
    }
}

public sealed class CountingJob : IScheduledJob
{
    public sealed class Runs
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Add() => Interlocked.Increment(ref _count);
    }

    public string Name => "test-counting-job";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        scopedServices.GetRequiredService<Runs>().Add();
        await Task.Delay(50, ct); // long enough for a second runner to try while this one holds the lease
    }
}

/// <summary>
/// The outbox (atomic enqueue, deduplication, two racing workers, crash mid-send, back-off to Failed), the scheduler
/// (once per interval across two runners) and /admin/utskick. One app; every test flushes the outbox first so that it
/// only sees its own messages.
/// </summary>
public sealed class MessagingTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private static OutgoingMail Mail(string category, int n = 0, string? key = null) =>
        new($"mottagare{n}-{Guid.NewGuid():N}@samla.example", $"Test {category} {n}", $"Hej!\n\nMeddelande {n}.", category, key);

    private async Task<List<Guid>> EnqueueAsync(IEnumerable<OutgoingMail> mails) => await app.WithScopeAsync(async sp =>
    {
        var outbox = sp.GetRequiredService<Outbox>();
        foreach (var mail in mails) Assert.True(await outbox.EnqueueAsync(mail));
        var db = sp.GetRequiredService<SamlaDbContext>();
        var ids = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    });

    private Task<List<OutboxMessage>> MessagesAsync(IReadOnlyCollection<Guid> ids) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());

    private OutboxWorker Worker(TimeProvider? clock = null, MailSender? sender = null, OutboxOptions? options = null)
    {
        var args = new List<object>();
        if (clock is not null) args.Add(clock);
        if (sender is not null) args.Add(sender);
        if (options is not null) args.Add(Options.Create(options));
        return ActivatorUtilities.CreateInstance<OutboxWorker>(app.Services, [.. args]);
    }

    private string PickupFile(Guid id) => Path.Combine(app.MailDirectory, MailSender.PickupFileName(id));

    [Fact]
    public async Task Enqueued_mail_is_committed_with_the_callers_save_and_not_when_it_rolls_back()
    {
        var rolledBack = Mail("atomic-test", 1);
        var committed = Mail("atomic-test", 2);
        var unsaved = Mail("atomic-test", 3);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SamlaDbContext>();
            var outbox = sp.GetRequiredService<Outbox>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                Assert.True(await outbox.EnqueueAsync(rolledBack));
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                Assert.True(await outbox.EnqueueAsync(committed));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
            Assert.True(await outbox.EnqueueAsync(unsaved)); // never saved: the scope ends
            return 0;
        });

        var subjects = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Category == "atomic-test").Select(m => m.Subject).ToListAsync());
        Assert.Equal([committed.Subject], subjects);
        await app.DeliverMailAsync();
        Assert.Single(await app.ReadMailAsync(committed.To));
        Assert.Empty(await app.ReadMailAsync(rolledBack.To));
        Assert.Empty(await app.ReadMailAsync(unsaved.To));
    }

    [Fact]
    public async Task A_deduplication_key_already_in_the_outbox_or_the_context_enqueues_nothing()
    {
        var key = $"test:{Guid.NewGuid():N}:reminder:2026-11-30";
        await app.WithScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            Assert.True(await outbox.EnqueueAsync(Mail("dedup-test", 1, key)));
            Assert.False(await outbox.EnqueueAsync(Mail("dedup-test", 2, key))); // same unit of work
            Assert.True(await outbox.EnqueueAsync(Mail("dedup-test", 3)));        // no key: always
            Assert.True(await outbox.EnqueueAsync(Mail("dedup-test", 4)));
            await sp.GetRequiredService<SamlaDbContext>().SaveChangesAsync();
            return 0;
        });
        await app.DeliverMailAsync(); // sent or not, the key stays taken
        var again = await app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<Outbox>().EnqueueAsync(Mail("dedup-test", 5, key));
            await sp.GetRequiredService<SamlaDbContext>().SaveChangesAsync();
            return result;
        });
        Assert.False(again);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Category == "dedup-test")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DeduplicationKey == key)));
    }

    [Fact]
    public async Task Two_workers_racing_over_fifty_messages_send_each_exactly_once()
    {
        await app.DeliverMailAsync();
        var before = Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "*.eml").Length : 0;
        var ids = await EnqueueAsync(Enumerable.Range(1, 50).Select(n => Mail("race-test", n)));
        var first = Worker();
        var second = Worker();
        Assert.NotEqual(first.InstanceId, second.InstanceId);

        async Task<int> Drain(OutboxWorker worker)
        {
            var claimed = 0;
            int round;
            while ((round = await worker.ProcessDueAsync()) > 0) claimed += round;
            return claimed;
        }
        var counts = await Task.WhenAll(Task.Run(() => Drain(first)), Task.Run(() => Drain(second)));

        Assert.Equal(50, counts.Sum()); // 50 claims in all: nobody claimed a message another had
        var messages = await MessagesAsync(ids);
        Assert.All(messages, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.LockedBy);
            Assert.NotNull(m.SentAt);
        });
        Assert.Equal(before + 50, Directory.GetFiles(app.MailDirectory, "*.eml").Length);
        foreach (var id in ids)
        {
            var mail = await MimeMessage.LoadAsync(PickupFile(id));
            Assert.Equal(MailSender.MessageIdHeader(id, "Samla <noreply@samla.example>"), mail.MessageId);
        }
    }

    [Fact]
    public async Task A_crash_mid_send_is_retried_after_the_lease_expires_and_leaves_one_file_per_message()
    {
        await app.DeliverMailAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        var ids = await EnqueueAsync(Enumerable.Range(1, 3).Select(n => Mail("crash-test", n)));
        var crashed = Worker(clock);
        var sender = app.Services.GetRequiredService<MailSender>();
        var lease = app.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.LeaseSeconds;

        // The first instance claims all three; it writes two of them and dies before marking anything Sent.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SamlaDbContext>();
            foreach (var id in ids)
            {
                var claimed = await crashed.ClaimAsync(db, id);
                Assert.NotNull(claimed);
                if (id != ids[2]) await sender.SendAsync(id, claimed.ToOutgoingMail(), default);
            }
            return 0;
        });
        Assert.All(await MessagesAsync(ids), m => Assert.Equal(OutboxStatus.Sending, m.Status));

        var survivor = Worker(clock);
        Assert.Equal(0, await survivor.ProcessDueAsync()); // the lease still holds
        clock.Advance(TimeSpan.FromSeconds(lease + 1));
        Assert.Equal(3, await survivor.ProcessDueAsync());

        Assert.All(await MessagesAsync(ids), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(2, m.Attempts);
        });
        foreach (var id in ids) Assert.True(File.Exists(PickupFile(id)));
        var files = Directory.GetFiles(app.MailDirectory, "*.eml").Select(Path.GetFileName).ToList();
        Assert.Equal(3, files.Count(f => ids.Any(id => f == MailSender.PickupFileName(id))));
        Assert.Empty(Directory.GetFiles(app.MailDirectory, "*.tmp"));
    }

    [Fact]
    public async Task Failing_mail_backs_off_exponentially_then_fails_with_the_reason()
    {
        await app.DeliverMailAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        var options = new OutboxOptions { MaxAttempts = 3, RetryBaseSeconds = 60, LeaseSeconds = 120, BatchSize = 50 };
        // A real SMTP attempt against a port nobody listens on.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var unreachable = new MailSender(
            Options.Create(new MailOptions { Host = "127.0.0.1", Port = closedPort, UseStartTls = false }),
            app.Services.GetRequiredService<IWebHostEnvironment>(), app.Services.GetRequiredService<ILogger<MailSender>>());
        var worker = Worker(clock, unreachable, options);
        var ids = await EnqueueAsync([Mail("failure-test", 1)]);

        Assert.Equal(1, await worker.ProcessDueAsync());
        var m = Assert.Single(await MessagesAsync(ids));
        Assert.Equal((OutboxStatus.Queued, 1), (m.Status, m.Attempts));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(60), m.NextAttemptAt, TimeSpan.FromSeconds(1));
        Assert.Contains("Socket", m.LastError, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(0, await worker.ProcessDueAsync()); // not due yet
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await worker.ProcessDueAsync());
        m = Assert.Single(await MessagesAsync(ids));
        Assert.Equal((OutboxStatus.Queued, 2), (m.Status, m.Attempts));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(120), m.NextAttemptAt, TimeSpan.FromSeconds(1)); // doubled

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await worker.ProcessDueAsync());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await worker.ProcessDueAsync());
        m = Assert.Single(await MessagesAsync(ids));
        Assert.Equal((OutboxStatus.Failed, 3), (m.Status, m.Attempts));
        Assert.Contains("Socket", m.LastError, StringComparison.OrdinalIgnoreCase);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await worker.ProcessDueAsync()); // Failed stays failed until someone tries again
        Assert.False(File.Exists(PickupFile(ids[0])));
    }

    [Fact]
    public async Task An_attachment_and_the_message_id_reach_the_delivered_mail()
    {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"u8.ToArray();
        var mail = Mail("attachment-test") with { Attachment = new MailAttachment("dialogmote.ics", "text/calendar; method=REQUEST", ics) };
        var ids = await EnqueueAsync([mail]);
        var delivered = Assert.Single(await app.ReadMailAsync(mail.To));
        Assert.Equal(MailSender.MessageIdHeader(ids[0], "Samla <noreply@samla.example>"), delivered.MessageId);
        Assert.Contains("Meddelande 0", delivered.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(delivered.Attachments));
        Assert.Equal("dialogmote.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(ics, content.ToArray());
    }

    [Fact]
    public async Task Bodies_of_mail_sent_long_ago_are_blanked_and_recent_ones_kept()
    {
        var ids = await EnqueueAsync([Mail("cleanup-test", 1), Mail("cleanup-test", 2)]);
        await app.DeliverMailAsync();
        await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow.AddDays(-8))));
        await app.RunJobAsync("outbox-cleanup");
        var byId = (await MessagesAsync(ids)).ToDictionary(m => m.Id);
        Assert.Equal(OutboxCleanupJob.RemovedBody, byId[ids[0]].Body);
        Assert.Equal(OutboxStatus.Sent, byId[ids[0]].Status);
        Assert.Contains("Meddelande 2", byId[ids[1]].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_job_runs_once_per_interval_across_two_concurrent_runners()
    {
        var runs = app.Services.GetRequiredService<CountingJob.Runs>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var first = ActivatorUtilities.CreateInstance<JobScheduler>(app.Services, clock);
        var second = ActivatorUtilities.CreateInstance<JobScheduler>(app.Services, clock);
        Assert.Contains(first.Jobs, j => j.Name == "test-counting-job");

        async Task<int> RaceAsync()
        {
            var before = runs.Count;
            var now = clock.GetUtcNow();
            var ran = await Task.WhenAll(Task.Run(() => first.RunDueJobsAsync(now)), Task.Run(() => second.RunDueJobsAsync(now)));
            Assert.Equal(runs.Count - before, ran.Sum(r => r.Count(n => n == "test-counting-job")));
            return runs.Count - before;
        }

        Assert.Equal(1, await RaceAsync());
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await RaceAsync());
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await RaceAsync());
        Assert.Equal(0, await RaceAsync());
        var lease = await app.WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(l => l.Name == "test-counting-job"));
        Assert.Equal(clock.GetUtcNow().UtcDateTime, lease.LastRunAt);
        Assert.Null(lease.LeaseUntil);
        Assert.Equal(2, lease.Runs); // two runs in all, whichever runner won each
    }

    [Fact]
    public async Task Coordinators_see_each_state_and_try_a_failed_message_again()
    {
        await app.DeliverMailAsync();
        var failedTo = $"fel-{Guid.NewGuid():N}@samla.example";
        var failed = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            To = failedTo,
            Subject = "Påminnelse om uppdatering",
            Body = "Hej!",
            Category = "page-test",
            Status = OutboxStatus.Failed,
            Attempts = 6,
            NextAttemptAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            LastError = "SmtpCommandException: 550 mailbox unavailable",
        };
        var queued = await EnqueueAsync([Mail("page-test", 1)]);
        await app.WithDbAsync(async db =>
        {
            db.Add(failed);
            await db.SaveChangesAsync();
        });

        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        Assert.Contains("/admin/utskick", await coordinator.AssertOkAsync("/admin"), StringComparison.Ordinal);
        var page = await coordinator.AssertOkAsync("/admin/utskick?Category=page-test");
        Assert.Contains("550 mailbox unavailable", page, StringComparison.Ordinal);
        Assert.Contains(failedTo, page, StringComparison.Ordinal);
        Assert.Contains("Misslyckades", page, StringComparison.Ordinal);
        Assert.Contains("I kö", page, StringComparison.Ordinal);
        Assert.Contains("2 meddelanden", page, StringComparison.Ordinal);
        var onlyFailed = await coordinator.AssertOkAsync("/admin/utskick?Category=page-test&Status=Failed");
        Assert.Contains("1 meddelande<", onlyFailed, StringComparison.Ordinal);
        Assert.Contains("Försök igen", onlyFailed, StringComparison.Ordinal);
        var english = await coordinator.AssertOkAsync("/admin/utskick?Category=page-test&Status=Failed&lang=en");
        Assert.Contains("Try again", english, StringComparison.Ordinal);

        using (var retry = await SamlaApp.PostFormAsync(coordinator, "/admin/utskick?Status=Failed", $"/admin/utskick?handler=Retry&id={failed.Id}", []))
        {
            await retry.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var after = Assert.Single(await MessagesAsync([failed.Id]));
        Assert.Equal((OutboxStatus.Queued, 0), (after.Status, after.Attempts));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OutboxMessage) && a.EntityId == failed.Id.ToString() && a.Action == "retry" && a.UserName == DemoAccounts.Coordinator)));

        Assert.Single(await app.ReadMailAsync(failedTo));
        Assert.All(await MessagesAsync([failed.Id, .. queued]), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var sent = await coordinator.AssertOkAsync("/admin/utskick?Category=page-test&Status=Sent");
        Assert.Contains("2 meddelanden", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("Försök igen", sent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Editor)]
    [InlineData(DemoAccounts.Reader)]
    public async Task Editors_and_readers_are_refused_the_outbox_page_and_its_retry(string email)
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Add(new OutboxMessage
            {
                Id = id,
                To = "x@samla.example",
                Subject = "s",
                Body = "b",
                Category = "refusal-test",
                Status = OutboxStatus.Failed,
                Attempts = 6,
                NextAttemptAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                LastError = "e",
            });
            await db.SaveChangesAsync();
        });
        using var client = await app.CreateClientSignedInAsync(email, DemoAccounts.Password);
        using (var get = await client.GetAsync("/admin/utskick"))
        {
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Contains("/konto/nekad", get.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        using (var post = await SamlaApp.PostFormAsync(client, "/", $"/admin/utskick?handler=Retry&id={id}", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/konto/nekad", post.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(OutboxStatus.Failed, Assert.Single(await MessagesAsync([id])).Status);
    }
}
