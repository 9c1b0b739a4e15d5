using System.Text.Json.Serialization;

namespace Samla.Web.Features.Exchange;

// HSDS 3.0 objects as Samla writes and reads them (PROFILE.md). Property names are HSDS's; members
// starting with x_ are Samla's extensions, which other HSDS clients ignore. Null members are omitted.

/// <summary>Content translations: {"ar": {"name": "…", "description": "…"}}.</summary>
public sealed class HsdsService
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("alternate_name")] public string? AlternateName { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("interpretation_services")] public string? InterpretationServices { get; set; }
    [JsonPropertyName("application_process")] public string? ApplicationProcess { get; set; }
    [JsonPropertyName("fees_description")] public string? FeesDescription { get; set; }
    [JsonPropertyName("accreditations")] public string? Accreditations { get; set; }
    [JsonPropertyName("minimum_age")] public int? MinimumAge { get; set; }
    [JsonPropertyName("maximum_age")] public int? MaximumAge { get; set; }
    [JsonPropertyName("assured_date")] public string? AssuredDate { get; set; }
    [JsonPropertyName("assurer_email")] public string? AssurerEmail { get; set; }
    [JsonPropertyName("last_modified")] public DateTime? LastModified { get; set; }
    [JsonPropertyName("organization")] public HsdsOrganization? Organization { get; set; }
    [JsonPropertyName("phones")] public List<HsdsPhone>? Phones { get; set; }
    [JsonPropertyName("schedules")] public List<HsdsSchedule>? Schedules { get; set; }
    [JsonPropertyName("service_areas")] public List<HsdsServiceArea>? ServiceAreas { get; set; }
    [JsonPropertyName("service_at_locations")] public List<HsdsServiceAtLocation>? ServiceAtLocations { get; set; }
    [JsonPropertyName("languages")] public List<HsdsLanguage>? Languages { get; set; }
    [JsonPropertyName("contacts")] public List<HsdsContact>? Contacts { get; set; }
    [JsonPropertyName("attributes")] public List<HsdsAttribute>? Attributes { get; set; }
    [JsonPropertyName("metadata")] public List<HsdsMetadata>? Metadata { get; set; }
    [JsonPropertyName("x_translations")] public Dictionary<string, Dictionary<string, string>>? Translations { get; set; }
    [JsonPropertyName("x_published")] public bool? Published { get; set; }
    [JsonPropertyName("x_capacity")] public int? Capacity { get; set; }
    [JsonPropertyName("x_surge_capacity")] public int? SurgeCapacity { get; set; }
    [JsonPropertyName("x_surge_lead_time_days")] public int? SurgeLeadTimeDays { get; set; }
}

public sealed class HsdsOrganization
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("alternate_name")] public string? AlternateName { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("website")] public string? Website { get; set; }
    [JsonPropertyName("contacts")] public List<HsdsContact>? Contacts { get; set; }
    [JsonPropertyName("phones")] public List<HsdsPhone>? Phones { get; set; }
    [JsonPropertyName("services")] public List<HsdsService>? Services { get; set; }
    [JsonPropertyName("x_translations")] public Dictionary<string, Dictionary<string, string>>? Translations { get; set; }
    [JsonPropertyName("x_type")] public string? Type { get; set; }
    [JsonPropertyName("x_municipality_code")] public string? MunicipalityCode { get; set; }
    [JsonPropertyName("x_active")] public bool? Active { get; set; }
}

public sealed class HsdsServiceArea
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("extent")] public string? Extent { get; set; }
    [JsonPropertyName("extent_type")] public string? ExtentType { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
}

public sealed class HsdsLanguage
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("note")] public string? Note { get; set; }
}

public sealed class HsdsAttribute
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("link_id")] public Guid? LinkId { get; set; }
    [JsonPropertyName("link_type")] public string? LinkType { get; set; }
    [JsonPropertyName("link_entity")] public string? LinkEntity { get; set; }
    [JsonPropertyName("taxonomy_term_id")] public Guid? TaxonomyTermId { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("taxonomy_term")] public HsdsTaxonomyTerm? TaxonomyTerm { get; set; }
    [JsonPropertyName("x_label")] public string? Label { get; set; }
}

public sealed class HsdsTaxonomy
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
}

public sealed class HsdsTaxonomyTerm
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("parent_id")] public Guid? ParentId { get; set; }
    [JsonPropertyName("taxonomy")] public string? Taxonomy { get; set; }
    [JsonPropertyName("taxonomy_detail")] public HsdsTaxonomy? TaxonomyDetail { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("taxonomy_id")] public Guid? TaxonomyId { get; set; }
    [JsonPropertyName("term_uri")] public string? TermUri { get; set; }
}

public sealed class HsdsServiceAtLocation
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; set; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("location")] public HsdsLocation? Location { get; set; }
    [JsonPropertyName("service")] public HsdsService? Service { get; set; }
}

public sealed class HsdsLocation
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("location_type")] public string? LocationType { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("latitude")] public double? Latitude { get; set; }
    [JsonPropertyName("longitude")] public double? Longitude { get; set; }
    [JsonPropertyName("addresses")] public List<HsdsAddress>? Addresses { get; set; }
    [JsonPropertyName("x_municipality_code")] public string? MunicipalityCode { get; set; }
}

public sealed class HsdsAddress
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; set; }
    [JsonPropertyName("attention")] public string? Attention { get; set; }
    [JsonPropertyName("address_1")] public string? Address1 { get; set; }
    [JsonPropertyName("address_2")] public string? Address2 { get; set; }
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("region")] public string? Region { get; set; }
    [JsonPropertyName("state_province")] public string? StateProvince { get; set; }
    [JsonPropertyName("postal_code")] public string? PostalCode { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("address_type")] public string? AddressType { get; set; }
}

public sealed class HsdsContact
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; set; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("department")] public string? Department { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phones")] public List<HsdsPhone>? Phones { get; set; }
    [JsonPropertyName("x_public")] public bool? Public { get; set; }
    [JsonPropertyName("x_role")] public string? Role { get; set; }
}

public sealed class HsdsPhone
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; set; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; set; }
    [JsonPropertyName("contact_id")] public Guid? ContactId { get; set; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; set; }
    [JsonPropertyName("number")] public string? Number { get; set; }
    [JsonPropertyName("extension")] public int? Extension { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
}

public sealed class HsdsSchedule
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; set; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; set; }
    [JsonPropertyName("service_at_location_id")] public Guid? ServiceAtLocationId { get; set; }
    [JsonPropertyName("valid_from")] public string? ValidFrom { get; set; }
    [JsonPropertyName("valid_to")] public string? ValidTo { get; set; }
    [JsonPropertyName("dtstart")] public string? DtStart { get; set; }
    [JsonPropertyName("until")] public string? Until { get; set; }
    [JsonPropertyName("count")] public int? Count { get; set; }
    [JsonPropertyName("wkst")] public string? Wkst { get; set; }
    [JsonPropertyName("freq")] public string? Freq { get; set; }
    [JsonPropertyName("interval")] public int? Interval { get; set; }
    [JsonPropertyName("byday")] public string? Byday { get; set; }
    [JsonPropertyName("byweekno")] public string? Byweekno { get; set; }
    [JsonPropertyName("bymonthday")] public string? Bymonthday { get; set; }
    [JsonPropertyName("byyearday")] public string? Byyearday { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("opens_at")] public string? OpensAt { get; set; }
    [JsonPropertyName("closes_at")] public string? ClosesAt { get; set; }
    [JsonPropertyName("schedule_link")] public string? ScheduleLink { get; set; }
    [JsonPropertyName("attending_type")] public string? AttendingType { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
    /// <summary>HSDS 3.0's `timezone` is a UTC offset number; Samla keeps the IANA zone name here.</summary>
    [JsonPropertyName("x_timezone")] public string? Timezone { get; set; }
}

public sealed class HsdsMetadata
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("resource_id")] public Guid? ResourceId { get; set; }
    [JsonPropertyName("resource_type")] public string? ResourceType { get; set; }
    [JsonPropertyName("last_action_date")] public string? LastActionDate { get; set; }
    [JsonPropertyName("last_action_type")] public string? LastActionType { get; set; }
    [JsonPropertyName("field_name")] public string? FieldName { get; set; }
    [JsonPropertyName("previous_value")] public string? PreviousValue { get; set; }
    [JsonPropertyName("replacement_value")] public string? ReplacementValue { get; set; }
    [JsonPropertyName("updated_by")] public string? UpdatedBy { get; set; }
}

/// <summary>HSDS 3 paging envelope.</summary>
public sealed class HsdsPage<T>
{
    [JsonPropertyName("total_items")] public int TotalItems { get; set; }
    [JsonPropertyName("total_pages")] public int TotalPages { get; set; }
    [JsonPropertyName("page_number")] public int PageNumber { get; set; }
    [JsonPropertyName("size")] public int Size { get; set; }
    [JsonPropertyName("first_page")] public bool FirstPage { get; set; }
    [JsonPropertyName("last_page")] public bool LastPage { get; set; }
    [JsonPropertyName("empty")] public bool Empty { get; set; }
    [JsonPropertyName("contents")] public List<T> Contents { get; set; } = [];

    /// <summary>
    /// Samla extension (PROFILE.md's <c>x_</c> prefix), on <c>/services?search=…</c> answered by the search engine only:
    /// true when no service contains every word of <c>search</c> and the contents are those that contain most of them
    /// (best first); false when they contain every word. Absent otherwise.
    /// </summary>
    [JsonPropertyName("x_partial_match")] public bool? PartialMatch { get; set; }
}

public sealed class HsdsVersionInfo
{
    [JsonPropertyName("version")] public string Version { get; set; } = "3.0";
    [JsonPropertyName("profile")] public string? Profile { get; set; }
    [JsonPropertyName("openapi_url")] public string? OpenApiUrl { get; set; }
}
