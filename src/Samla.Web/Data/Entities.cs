namespace Samla.Web.Data;

/// <summary>Something that can be edited by people: carries a concurrency version and change times.</summary>
public interface IVersioned
{
    int Version { get; set; }
    DateTime CreatedAt { get; set; }
    DateTime LastModified { get; set; }
}

public enum OrganizationType
{
    Municipality,
    Region,
    StateAgency,
    NonProfit,
    CoordinationAssociation,
    Other,
}

/// <summary>HSDS organization: an actor that offers support.</summary>
public class Organization : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string Description { get; set; } = "";
    public string? Email { get; set; }
    public string? Website { get; set; }
    public OrganizationType Type { get; set; }
    /// <summary>SCB code of the municipality an actor belongs to (its home), if any.</summary>
    public string? MunicipalityCode { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Translations of name and description: {"ar": {"name": "…", "description": "…"}}.</summary>
    public Dictionary<string, Dictionary<string, string>> Translations { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<Service> Services { get; set; } = [];
    public List<Location> Locations { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
}

/// <summary>HSDS service status values (PROFILE.md).</summary>
public static class ServiceStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Defunct = "defunct";
    public const string TemporarilyClosed = "temporarily closed";
    public static readonly IReadOnlyList<string> All = [Active, Inactive, Defunct, TemporarilyClosed];
}

/// <summary>HSDS service: one offered support (insats, aktivitet).</summary>
public class Service : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string Status { get; set; } = ServiceStatus.Active;
    /// <summary>Drafts are not public until published.</summary>
    public bool IsPublished { get; set; } = true;
    /// <summary>How to get it (HSDS application_process), Markdown.</summary>
    public string? ApplicationProcess { get; set; }
    public string? FeesDescription { get; set; }
    public string? InterpretationServices { get; set; }
    public string? Accreditations { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    /// <summary>Places per week in normal operation.</summary>
    public int? Capacity { get; set; }
    /// <summary>Extra people per week it could take in a large reception.</summary>
    public int? SurgeCapacity { get; set; }
    public int? SurgeLeadTimeDays { get; set; }
    /// <summary>Date the information was last checked (HSDS assured_date).</summary>
    public DateOnly? AssuredDate { get; set; }
    public string? AssurerEmail { get; set; }
    public Dictionary<string, Dictionary<string, string>> Translations { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<ServiceAttribute> Attributes { get; set; } = [];
    public List<ServiceArea> ServiceAreas { get; set; } = [];
    public List<Language> Languages { get; set; } = [];
    public List<ServiceAtLocation> ServiceAtLocations { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<Schedule> Schedules { get; set; } = [];
}

/// <summary>HSDS location: a place where support is given, or a virtual one.</summary>
public class Location : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    /// <summary>physical, postal or virtual.</summary>
    public string LocationType { get; set; } = "physical";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>SCB code of the municipality the location lies in.</summary>
    public string? MunicipalityCode { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<Address> Addresses { get; set; } = [];
    public List<ServiceAtLocation> ServiceAtLocations { get; set; } = [];
}

public class Address
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LocationId { get; set; }
    public Location Location { get; set; } = null!;
    public string? Attention { get; set; }
    public required string Address1 { get; set; }
    public string? Address2 { get; set; }
    public required string City { get; set; }
    public string? Region { get; set; }
    public required string StateProvince { get; set; }
    public required string PostalCode { get; set; }
    public string Country { get; set; } = "SE";
    /// <summary>physical, postal or virtual.</summary>
    public string AddressType { get; set; } = "physical";
}

public class ServiceAtLocation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public Guid LocationId { get; set; }
    public Location Location { get; set; } = null!;
    public string? Description { get; set; }
}

public enum ContactRole
{
    General,
    ProcessLeader,
}

/// <summary>
/// A staff contact. Non-public contacts are shown to signed-in users only. Its phones are edited with it, so the
/// contact's version covers them too.
/// </summary>
public class Contact : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Guid? ServiceId { get; set; }
    public Service? Service { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }
    public ContactRole Role { get; set; }
    public bool IsPublic { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<Phone> Phones { get; set; } = [];
}

public class Phone
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Guid? ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid? LocationId { get; set; }
    public required string Number { get; set; }
    public int? Extension { get; set; }
    /// <summary>HSDS phone type: text, voice, fax, cell, video, pager, textphone.</summary>
    public string Type { get; set; } = "voice";
    public string? Description { get; set; }
}

/// <summary>HSDS schedule with iCalendar RRULE parts.</summary>
public class Schedule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid? LocationId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateOnly? DtStart { get; set; }
    public string? Timezone { get; set; } = "Europe/Stockholm";
    public DateOnly? Until { get; set; }
    public int? Count { get; set; }
    public string? Wkst { get; set; }
    /// <summary>WEEKLY or MONTHLY.</summary>
    public string? Freq { get; set; }
    public int? Interval { get; set; }
    /// <summary>Comma-separated RRULE days: "MO,WE" or "1TU" for the first Tuesday.</summary>
    public string? Byday { get; set; }
    public string? Byweekno { get; set; }
    public string? Bymonthday { get; set; }
    public string? Byyearday { get; set; }
    public string? Description { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public string? ScheduleLink { get; set; }
    /// <summary>HSDS attending_type: "in person", "online", "phone".</summary>
    public string? AttendingType { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A language offered by a service's staff or interpreters (ISO 639 code).</summary>
public class Language
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public required string Code { get; set; }
    public string? Name { get; set; }
    public string? Note { get; set; }
}

/// <summary>A municipality a service reaches (PROFILE.md: one service_area per municipality).</summary>
public class ServiceArea
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    /// <summary>Four-digit SCB code.</summary>
    public required string MunicipalityCode { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
}

public class Taxonomy
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Stable name, e.g. "samla-target-groups".</summary>
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }

    public List<TaxonomyTerm> Terms { get; set; } = [];
}

public class TaxonomyTerm
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TaxonomyId { get; set; }
    public Taxonomy Taxonomy { get; set; } = null!;
    public required string Code { get; set; }
    /// <summary>Swedish name.</summary>
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public Guid? ParentId { get; set; }
    public TaxonomyTerm? Parent { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Names in other UI languages: {"en": "Refugees", "ar": "…"}.</summary>
    public Dictionary<string, string> Translations { get; set; } = [];
}

/// <summary>HSDS attribute with link_entity = service: a taxonomy term on a service.</summary>
public class ServiceAttribute
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public Guid TaxonomyTermId { get; set; }
    public TaxonomyTerm TaxonomyTerm { get; set; } = null!;
    public string? Value { get; set; }
    public string? Label { get; set; }
}

public class County
{
    /// <summary>Two-digit SCB code (Halland = 13).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
}

public class Municipality
{
    /// <summary>Four-digit SCB code (Halmstad = 1380).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string CountyCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

/// <summary>One recorded change of one field (maps to HSDS metadata).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>create, update or delete.</summary>
    public required string Action { get; set; }
    public required string FieldName { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    /// <summary>The organisation the changed data belongs to, for filtering.</summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>Groups the entries written by one save.</summary>
    public Guid ChangeSetId { get; set; }
}
