using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;
using Samla.Web.Features.Meetings;
using Samla.Web.Features.Workspace;

namespace Samla.Tests.Meetings;

/// <summary>The app on a fake clock, without demo data: the reminder job is run day by day.</summary>
public sealed class FakeClockApp : SamlaApp
{
    public FakeClockApp() : base(demoData: false)
    {
    }

    /// <summary>Noon UTC (afternoon in Sweden, the same calendar day), so that day arithmetic is unambiguous.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Reminders chosen right on each schedule day: 14 and 3 days before the deadline, then weekly while overdue, only to
/// organisations not yet done, once a day however often the job runs; a changed schedule is followed.
/// </summary>
public sealed class RemindersTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private async Task<int> RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await new UpdateRoundReminderJob().RunAsync(scope.ServiceProvider, default);
        return await app.DeliverMailAsync();
    }

    private async Task<int> RemindersToAsync(string email) =>
        (await app.MailToAsync(email)).Count(m => m.Subject?.StartsWith("Påminnelse", StringComparison.Ordinal) == true || m.Subject?.StartsWith("Sista dagen", StringComparison.Ordinal) == true);

    /// <summary>Confirms every active service of the organisation through the workspace's own save, at the fake clock's time.</summary>
    private Task ConfirmAllAsync(Guid orgId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SamlaDbContext>();
        var changes = sp.GetRequiredService<ServiceChanges>();
        var catalog = await WorkspaceCatalog.LoadAsync(db, sp.GetRequiredService<TermCatalogCache>(), SamlaOptions.DefaultCountyCode, orgId, default);
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "test")], "test"));
        foreach (var id in await db.Services.Where(s => s.OrganizationId == orgId).Select(s => s.Id).ToListAsync())
        {
            var service = (await changes.LoadAsync(id, default))!;
            await changes.StageAsync(service, service.Version, "confirm", catalog, user, s => s.AssuredDate = changes.Today, default);
        }
        await changes.SaveAsync(default);
        return true;
    });

    [Fact]
    public async Task Reminders_follow_the_schedule_go_only_to_organisations_not_done_and_only_once_a_day()
    {
        var start = app.Clock.GetUtcNow();
        var done = await app.OrganizationAsync(1);
        var late = await app.OrganizationAsync(2);
        var single = await app.OrganizationAsync(1);
        var doneEditor = await app.EditorAsync(done.Id);
        var lateEditor = await app.EditorAsync(late.Id);
        var singleEditor = await app.EditorAsync(single.Id);
        var today = DateOnly.FromDateTime(start.UtcDateTime);
        var roundId = await app.WithDbAsync(async db =>
        {
            var round = new UpdateRound
            {
                Title = "Runda med påminnelser",
                OpenedAt = start.UtcDateTime.AddMinutes(-1),
                Deadline = today.AddDays(20),
                OrganizationIds = [done.Id, late.Id, single.Id],
            };
            db.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
        await ConfirmAllAsync(done.Id);

        // Walk the calendar day by day from 20 days before the deadline to 15 days after, running the job twice a day.
        var remindedOn = new List<int>();
        for (var day = -20; day <= 15; day++)
        {
            app.Clock.SetUtcNow(start.AddDays(day + 20));
            var before = await RemindersToAsync(lateEditor);
            await RunJobAsync();
            await RunJobAsync();
            var after = await RemindersToAsync(lateEditor);
            Assert.InRange(after - before, 0, 1);
            if (after > before) remindedOn.Add(day);
        }
        Assert.Equal([-14, -3, 7, 14], remindedOn);
        Assert.Equal(0, await RemindersToAsync(doneEditor));
        var overdue = (await app.MailToAsync(lateEditor)).Last(m => m.Subject?.StartsWith("Sista dagen", StringComparison.Ordinal) == true);
        Assert.Contains($"/arbetsyta/organisationer/{late.Id}", overdue.TextBody, StringComparison.Ordinal);
        Assert.Contains("2 insatser kvar", overdue.TextBody, StringComparison.Ordinal);
        // The deadline in words, in Swedish ("24 maj 2026"); one service left is "1 insats".
        var deadline = today.AddDays(20).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
        Assert.Contains($"Sista dagen för uppdateringsrundan Runda med påminnelser var {deadline},", overdue.TextBody, StringComparison.Ordinal);
        var reminder = (await app.MailToAsync(lateEditor)).First(m => m.Subject?.StartsWith("Påminnelse", StringComparison.Ordinal) == true);
        Assert.EndsWith($"senast {deadline}", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains($"Sista dag är {deadline}.", reminder.TextBody, StringComparison.Ordinal);
        var one = (await app.MailToAsync(singleEditor)).Last(m => m.Subject?.StartsWith("Sista dagen", StringComparison.Ordinal) == true);
        Assert.Contains("har fortfarande 1 insats kvar", one.TextBody, StringComparison.Ordinal);

        // The coordinator changes the schedule: every second day while overdue.
        await app.WithDbAsync(async db =>
        {
            var round = await db.Set<UpdateRound>().FirstAsync(r => r.Id == roundId);
            round.OverdueEveryDays = 2;
            await db.SaveChangesAsync();
        });
        var count = await RemindersToAsync(lateEditor);
        app.Clock.Advance(TimeSpan.FromDays(1)); // deadline + 16
        await RunJobAsync();
        Assert.Equal(count + 1, await RemindersToAsync(lateEditor));
        app.Clock.Advance(TimeSpan.FromDays(1)); // deadline + 17
        await RunJobAsync();
        Assert.Equal(count + 1, await RemindersToAsync(lateEditor));

        // A closed round reminds no one.
        await app.WithDbAsync(async db =>
        {
            var round = await db.Set<UpdateRound>().FirstAsync(r => r.Id == roundId);
            round.ClosedAt = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(1)); // deadline + 18
        await RunJobAsync();
        Assert.Equal(count + 1, await RemindersToAsync(lateEditor));
    }
}
