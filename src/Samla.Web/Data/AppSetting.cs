using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samla.Web.Data;

/// <summary>A switch or value that coordinators change at run time (for example preparedness mode). Changes are audited by SaveChanges.</summary>
public class AppSetting : IVersioned
{
    public required string Key { get; set; }
    public string Value { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(2000);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
