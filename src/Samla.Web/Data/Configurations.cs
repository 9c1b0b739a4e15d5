using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samla.Web.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.AlternateName).HasMaxLength(300);
        b.Property(o => o.Email).HasMaxLength(300);
        b.Property(o => o.Website).HasMaxLength(500);
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.MunicipalityCode).HasMaxLength(4);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Name);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.AlternateName).HasMaxLength(300);
        b.Property(s => s.Url).HasMaxLength(500);
        b.Property(s => s.Email).HasMaxLength(300);
        b.Property(s => s.Status).HasMaxLength(30);
        b.Property(s => s.AssurerEmail).HasMaxLength(300);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Organization).WithMany(o => o.Services).HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.Status, s.IsPublished });
        // Leads with the foreign key (serves it) and covers the public filter, so counting an
        // organisation's public services (/organisationer) reads the index only.
        b.HasIndex(s => new { s.OrganizationId, s.Status, s.IsPublished });
        b.HasIndex(s => s.LastModified);
        b.HasIndex(s => s.AssuredDate);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(l => l.LocationType).HasMaxLength(20);
        b.Property(l => l.Name).HasMaxLength(300);
        b.Property(l => l.MunicipalityCode).HasMaxLength(4);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne(l => l.Organization).WithMany(o => o.Locations).HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.Property(a => a.Address1).HasMaxLength(300);
        b.Property(a => a.City).HasMaxLength(100);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.Country).HasMaxLength(2);
        b.HasOne(a => a.Location).WithMany(l => l.Addresses).HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> b)
    {
        b.HasOne(x => x.Service).WithMany(s => s.ServiceAtLocations).HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Location).WithMany(l => l.ServiceAtLocations).HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ServiceId, x.LocationId }).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Role).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Organization).WithMany(o => o.Contacts).HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Service).WithMany(s => s.Contacts).HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhoneConfiguration : IEntityTypeConfiguration<Phone>
{
    public void Configure(EntityTypeBuilder<Phone> b)
    {
        b.Property(p => p.Number).HasMaxLength(50);
        b.Property(p => p.Type).HasMaxLength(20);
        b.HasOne(p => p.Organization).WithMany(o => o.Phones).HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Service).WithMany(s => s.Phones).HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Contact).WithMany(c => c.Phones).HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> b)
    {
        b.Property(s => s.Freq).HasMaxLength(10);
        b.Property(s => s.Byday).HasMaxLength(60);
        b.HasOne(s => s.Service).WithMany(x => x.Schedules).HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LanguageConfiguration : IEntityTypeConfiguration<Language>
{
    public void Configure(EntityTypeBuilder<Language> b)
    {
        b.Property(l => l.Code).HasMaxLength(10);
        b.HasOne(l => l.Service).WithMany(s => s.Languages).HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.Code, l.ServiceId });
    }
}

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> b)
    {
        b.Property(a => a.MunicipalityCode).HasMaxLength(4);
        b.HasOne(a => a.Service).WithMany(s => s.ServiceAreas).HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.MunicipalityCode, a.ServiceId });
    }
}

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> b)
    {
        b.Property(t => t.Code).HasMaxLength(100);
        b.HasOne(t => t.Taxonomy).WithMany(x => x.Terms).HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.TaxonomyId, t.Code }).IsUnique();
    }
}

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> b)
    {
        b.HasOne(a => a.Service).WithMany(s => s.Attributes).HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.TaxonomyTerm).WithMany().HasForeignKey(a => a.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TaxonomyTermId, a.ServiceId });
    }
}

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(2);
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(4);
        b.Property(m => m.CountyCode).HasMaxLength(2);
        b.HasIndex(m => m.CountyCode);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(10);
        b.Property(a => a.FieldName).HasMaxLength(100);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.Timestamp);
        b.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class UserOrganizationConfiguration : IEntityTypeConfiguration<UserOrganization>
{
    public void Configure(EntityTypeBuilder<UserOrganization> b)
    {
        b.HasKey(u => new { u.UserId, u.OrganizationId });
        b.HasOne(u => u.User).WithMany(x => x.Organizations).HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
