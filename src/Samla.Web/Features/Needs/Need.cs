using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Features.Needs;

public enum NeedStatus
{
    Identified,
    BeingAddressed,
    Met,
    Closed,
}

public enum PriorityLevel
{
    Low,
    Medium,
    High,
}

/// <summary>A need or challenge raised by an actor (behov, utmaning), prioritised so that the greatest need is met first.</summary>
public class Need : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public Guid RaisedByOrganizationId { get; set; }
    public Organization RaisedByOrganization { get; set; } = null!;
    /// <summary>Codes from the samla-target-groups taxonomy.</summary>
    public List<string> TargetGroups { get; set; } = [];
    /// <summary>Codes from the samla-age-groups taxonomy.</summary>
    public List<string> AgeGroups { get; set; } = [];
    /// <summary>SCB municipality codes; empty means the whole county.</summary>
    public List<string> MunicipalityCodes { get; set; } = [];
    /// <summary>The county the need belongs to, so that gaps are looked up in the right place.</summary>
    public required string CountyCode { get; set; }
    public string? EvidenceSource { get; set; }
    public DateOnly? EvidenceDate { get; set; }
    /// <summary>1 (minor) to 5 (critical).</summary>
    public int Severity { get; set; }
    public int? PeopleAffected { get; set; }
    public NeedStatus Status { get; set; }
    public PriorityLevel? PriorityOverride { get; set; }
    public string? PriorityOverrideReason { get; set; }
    public string? PriorityOverriddenBy { get; set; }
    public DateTime? PriorityOverriddenAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<NeedComment> Comments { get; set; } = [];
    public List<NeedService> Services { get; set; } = [];
}

/// <summary>A comment on a need from any actor.</summary>
public class NeedComment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NeedId { get; set; }
    public Need Need { get; set; } = null!;
    public required string AuthorName { get; set; }
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    /// <summary>Markdown.</summary>
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A service that answers a need.</summary>
public class NeedService
{
    public Guid NeedId { get; set; }
    public Need Need { get; set; } = null!;
    public Guid ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public string LinkedBy { get; set; } = "";
    public DateTime LinkedAt { get; set; }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.CountyCode).HasMaxLength(2);
        b.Property(n => n.EvidenceSource).HasMaxLength(500);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.PriorityOverride).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.PriorityOverrideReason).HasMaxLength(1000);
        b.Property(n => n.PriorityOverriddenBy).HasMaxLength(300);
        b.Property(n => n.CreatedBy).HasMaxLength(300);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasOne(n => n.RaisedByOrganization).WithMany().HasForeignKey(n => n.RaisedByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.Status);
    }
}

internal sealed class NeedCommentConfiguration : IEntityTypeConfiguration<NeedComment>
{
    public void Configure(EntityTypeBuilder<NeedComment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(300);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.HasOne(c => c.Need).WithMany(n => n.Comments).HasForeignKey(c => c.NeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NeedServiceConfiguration : IEntityTypeConfiguration<NeedService>
{
    public void Configure(EntityTypeBuilder<NeedService> b)
    {
        b.HasKey(x => new { x.NeedId, x.ServiceId });
        b.Property(x => x.LinkedBy).HasMaxLength(300);
        b.HasOne(x => x.Need).WithMany(n => n.Services).HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
