using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samla.Web.Data;

/// <summary>
/// A full snapshot of a service and its child rows as saved from the workspace, one per version.
/// Field audit rows say what changed; these make "restore version N" exact, including term, area and language lists.
/// </summary>
public class ServiceVersion
{
    public long Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Version { get; set; }
    /// <summary>The AuditEntry change set written by the same save.</summary>
    public Guid ChangeSetId { get; set; }
    public required string UserName { get; set; }
    public DateTime Timestamp { get; set; }
    /// <summary>What happened: create, edit, confirm, deactivate, reactivate, restore, merge, baseline.</summary>
    public required string Action { get; set; }
    public required string SnapshotJson { get; set; }
}

internal sealed class ServiceVersionConfiguration : IEntityTypeConfiguration<ServiceVersion>
{
    public void Configure(EntityTypeBuilder<ServiceVersion> b)
    {
        b.Property(v => v.UserName).HasMaxLength(256);
        b.Property(v => v.Action).HasMaxLength(20);
        b.HasIndex(v => new { v.ServiceId, v.Version });
    }
}
