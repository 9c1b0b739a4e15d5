using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Features.Meetings;

public enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

public enum ActionItemStatus
{
    Open,
    Done,
}

/// <summary>A dialogue meeting (dialogmöte), about twice a year, convened by Länsstyrelsen and Region Halland.</summary>
public class DialogueMeeting : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; set; }
    public string? Place { get; set; }
    public string? VideoUrl { get; set; }
    /// <summary>The convening organisations (sammankallande).</summary>
    public List<Guid> ConvenorIds { get; set; } = [];
    public List<Guid> InvitedOrganizationIds { get; set; } = [];
    /// <summary>Agenda items in order.</summary>
    public List<string> Agenda { get; set; } = [];
    /// <summary>Markdown.</summary>
    public string Minutes { get; set; } = "";
    /// <summary>Decisions in order, one per item.</summary>
    public List<string> Decisions { get; set; } = [];
    /// <summary>A cancelled meeting stays, marked, rather than being deleted.</summary>
    public bool IsCancelled { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];
}

/// <summary>Whether an organisation came to a meeting, and in which role its representative came (never a name).</summary>
public class MeetingAttendance
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public DialogueMeeting Meeting { get; set; } = null!;
    public Guid OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public AttendanceStatus Status { get; set; }
    public string? Role { get; set; }
}

/// <summary>An action item from a meeting, owned by an organisation; its editors mark it done.</summary>
public class ActionItem : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public DialogueMeeting Meeting { get; set; } = null!;
    public required string What { get; set; }
    public Guid OwnerOrganizationId { get; set; }
    public Organization OwnerOrganization { get; set; } = null!;
    public DateOnly? DueDate { get; set; }
    public ActionItemStatus Status { get; set; }
    public string? Comment { get; set; }
    /// <summary>A need in the needs register this item answers.</summary>
    public Guid? NeedId { get; set; }
    public string? DoneBy { get; set; }
    public DateTime? DoneAt { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
}

/// <summary>
/// An update round: every covered organisation checks its entries by the deadline. Each organisation's state is
/// derived from what happened (<see cref="RoundProgress"/>), never typed in.
/// </summary>
public class UpdateRound : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    public Guid? MeetingId { get; set; }
    public DialogueMeeting? Meeting { get; set; }
    /// <summary>UTC; the round's window starts here.</summary>
    public DateTime OpenedAt { get; set; }
    public DateOnly Deadline { get; set; }
    public List<Guid> OrganizationIds { get; set; } = [];
    /// <summary>Reminder days before the deadline (default 14 and 3).</summary>
    public List<int> ReminderDaysBefore { get; set; } = [14, 3];
    /// <summary>While overdue, a reminder every this many days (default 7; 0 = none).</summary>
    public int OverdueEveryDays { get; set; } = 7;
    /// <summary>UTC; the window ends here.</summary>
    public DateTime? ClosedAt { get; set; }
    /// <summary>Markdown, written when the round closes.</summary>
    public string? ClosingReport { get; set; }
    public string OpenedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
}

internal sealed class DialogueMeetingConfiguration : IEntityTypeConfiguration<DialogueMeeting>
{
    public void Configure(EntityTypeBuilder<DialogueMeeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Place).HasMaxLength(500);
        b.Property(m => m.VideoUrl).HasMaxLength(1000);
        b.Property(m => m.CreatedBy).HasMaxLength(300);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.StartsAt);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Role).HasMaxLength(200);
        b.HasOne(a => a.Meeting).WithMany(m => m.Attendance).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MeetingId, a.OrganizationId }).IsUnique();
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.Property(a => a.What).HasMaxLength(1000);
        b.Property(a => a.Comment).HasMaxLength(2000);
        b.Property(a => a.DoneBy).HasMaxLength(300);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Meeting).WithMany(m => m.ActionItems).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.OwnerOrganization).WithMany().HasForeignKey(a => a.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Needs.Need>().WithMany().HasForeignKey(a => a.NeedId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.OwnerOrganizationId, a.Status });
    }
}

internal sealed class UpdateRoundConfiguration : IEntityTypeConfiguration<UpdateRound>
{
    public void Configure(EntityTypeBuilder<UpdateRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.OpenedBy).HasMaxLength(300);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Meeting).WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
    }
}
