using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samla.Web.Features.Meetings;

namespace Samla.Tests.Meetings;

/// <summary>The pure rules of the feature: reminder days, derived states, attendance flags.</summary>
public sealed class MeetingsRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 6, 30);

    [Theory]
    [InlineData(-20, false)]
    [InlineData(-14, true)]  // 14 days before
    [InlineData(-13, false)]
    [InlineData(-4, false)]
    [InlineData(-3, true)]   // 3 days before
    [InlineData(0, false)]   // the deadline itself
    [InlineData(1, false)]
    [InlineData(7, true)]    // weekly while overdue
    [InlineData(8, false)]
    [InlineData(14, true)]
    [InlineData(21, true)]
    public void Default_schedule_reminds_14_and_3_days_before_then_weekly(int daysFromDeadline, bool expected) =>
        Assert.Equal(expected, ReminderSchedule.IsReminderDay(Deadline.AddDays(daysFromDeadline), Deadline, [14, 3], 7));

    [Fact]
    public void A_changed_schedule_is_followed_and_zero_stops_overdue_reminders()
    {
        Assert.True(ReminderSchedule.IsReminderDay(Deadline.AddDays(-10), Deadline, [10, 0], 0));
        Assert.True(ReminderSchedule.IsReminderDay(Deadline, Deadline, [10, 0], 0));
        Assert.False(ReminderSchedule.IsReminderDay(Deadline.AddDays(-14), Deadline, [10, 0], 0));
        Assert.False(ReminderSchedule.IsReminderDay(Deadline.AddDays(7), Deadline, [10, 0], 0));
        Assert.True(ReminderSchedule.IsReminderDay(Deadline.AddDays(2), Deadline, [], 2));
    }

    [Fact]
    public void Reminders_go_only_to_organisations_not_done_and_never_for_a_closed_round()
    {
        var round = new UpdateRound { Title = "Runda", Deadline = Deadline };
        OrganizationProgress Row(string name, int toConfirm) =>
            new(Guid.NewGuid(), name, RoundState.NotStarted, 2, 0, [], [.. Enumerable.Repeat("Insats", toConfirm)], null, 1, null);
        var rows = new[] { Row("Klar", 0), Row("Inte klar", 2) };

        Assert.Equal(["Inte klar"], ReminderSchedule.Select(round, rows, Deadline.AddDays(-3)).Select(r => r.Name));
        Assert.Empty(ReminderSchedule.Select(round, rows, Deadline.AddDays(-2)));
        round.ClosedAt = DateTime.UtcNow;
        Assert.Empty(ReminderSchedule.Select(round, rows, Deadline.AddDays(-3)));
    }

    [Theory]
    [InlineData("14, 3", new[] { 14, 3 })]
    [InlineData("3 14 14", new[] { 14, 3 })]
    [InlineData("", new int[0])]
    public void Reminder_days_parse(string text, int[] expected) => Assert.Equal(expected, ReminderSchedule.Parse(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("tre")]
    [InlineData("400")]
    public void Bad_reminder_days_are_rejected(string text) => Assert.Null(ReminderSchedule.Parse(text));

    [Theory]
    [InlineData(2, 0, 0, -1, RoundState.NotStarted)]
    [InlineData(1, 1, 0, -1, RoundState.Confirmed)]
    [InlineData(0, 2, 0, -1, RoundState.Confirmed)]
    [InlineData(0, 1, 1, -1, RoundState.Updated)]
    [InlineData(1, 0, 1, -1, RoundState.Updated)]
    [InlineData(1, 0, 1, 1, RoundState.Overdue)]
    [InlineData(2, 0, 0, 1, RoundState.Overdue)]
    [InlineData(0, 2, 0, 1, RoundState.Confirmed)]
    [InlineData(0, 0, 2, 1, RoundState.Updated)]
    public void State_is_derived(int remaining, int confirmed, int updated, int daysAfterDeadline, RoundState expected) =>
        Assert.Equal(expected, RoundProgress.Derive(remaining, confirmed, updated, Deadline.AddDays(daysAfterDeadline), Deadline));

    [Fact]
    public void Absent_from_the_last_two_meetings_is_flagged_excused_counts_as_not_present()
    {
        Assert.True(AttendanceFlags.AbsentFromLastTwo([AttendanceStatus.Absent, null, AttendanceStatus.Present]));
        Assert.True(AttendanceFlags.AbsentFromLastTwo([AttendanceStatus.Excused, AttendanceStatus.Absent]));
        Assert.False(AttendanceFlags.AbsentFromLastTwo([AttendanceStatus.Absent, AttendanceStatus.Present]));
        Assert.False(AttendanceFlags.AbsentFromLastTwo([AttendanceStatus.Absent]));
    }

    [Theory]
    [InlineData("sv", 0, "inga")]
    [InlineData("sv", 1, "varje dag")]
    [InlineData("sv", 2, "varannan dag")]
    [InlineData("sv", 3, "var 3:e dag")]
    [InlineData("sv", 7, "varje vecka")]
    [InlineData("sv", 14, "varannan vecka")]
    [InlineData("en", 1, "every day")]
    [InlineData("en", 10, "every 10 days")]
    public void Reminders_after_the_deadline_read_naturally(string language, int everyDays, string expected)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var t = new StringLocalizer<MeetingsText>(factory);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.Equal(expected, ReminderSchedule.OverdueInWords(t, everyDays));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
