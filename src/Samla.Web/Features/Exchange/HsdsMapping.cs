using System.Globalization;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

/// <summary>How a service is written: for the public API (public contacts only, one language) or for a full export.</summary>
public sealed record HsdsWriteOptions(bool PublicOnly, string? Lang = null, bool Nested = true)
{
    public static readonly HsdsWriteOptions Export = new(PublicOnly: false);
}

/// <summary>Samla entities to HSDS objects. The same code serves the API, export and the import's change detection.</summary>
public static class HsdsMapping
{
    public const string MunicipalityUriPrefix = "urn:se:scb:kommun:";

    public static HsdsService ToHsds(Service s, TermCatalog terms, HsdsWriteOptions o, IReadOnlyList<AuditEntry>? audit = null)
    {
        var dto = new HsdsService
        {
            Id = s.Id,
            OrganizationId = s.OrganizationId,
            Name = Translate(s.Translations, o.Lang, "name", s.Name),
            AlternateName = s.AlternateName,
            Description = Translate(s.Translations, o.Lang, "description", s.Description),
            Url = s.Url,
            Email = s.Email,
            Status = s.Status,
            InterpretationServices = s.InterpretationServices,
            ApplicationProcess = s.ApplicationProcess,
            FeesDescription = s.FeesDescription,
            Accreditations = s.Accreditations,
            MinimumAge = s.MinimumAge,
            MaximumAge = s.MaximumAge,
            AssuredDate = s.AssuredDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // Who confirmed the information is staff's business: the public answer names the organisation's public address.
            AssurerEmail = o.PublicOnly ? (s.AssuredDate is null ? null : s.Organization?.Email) : s.AssurerEmail,
            LastModified = s.LastModified == default ? null : s.LastModified,
            Translations = s.Translations.Count == 0 ? null : s.Translations,
            Published = o.PublicOnly || s.IsPublished ? null : false,
            Capacity = s.Capacity,
            SurgeCapacity = s.SurgeCapacity,
            SurgeLeadTimeDays = s.SurgeLeadTimeDays,
        };
        if (s.Organization is not null) dto.Organization = ToHsds(s.Organization, o with { Nested = o.Nested });
        if (!o.Nested) return dto;

        dto.ServiceAreas = HsdsJson.NullIfEmpty(s.ServiceAreas.OrderBy(a => a.MunicipalityCode, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => new HsdsServiceArea
            {
                Id = a.Id, ServiceId = s.Id, Name = a.Name, Description = a.Description, Extent = a.MunicipalityCode,
                ExtentType = "text", Uri = MunicipalityUriPrefix + a.MunicipalityCode,
            }).ToList());
        dto.Languages = HsdsJson.NullIfEmpty(s.Languages.OrderBy(l => l.Code, StringComparer.Ordinal).ThenBy(l => l.Id)
            .Select(l => new HsdsLanguage { Id = l.Id, ServiceId = s.Id, Code = l.Code, Name = l.Name, Note = l.Note }).ToList());
        dto.Attributes = HsdsJson.NullIfEmpty(s.Attributes
            .Select(a => (a, term: terms.Find(a.TaxonomyTermId)))
            .OrderBy(x => x.term?.Taxonomy.Name, StringComparer.Ordinal).ThenBy(x => x.term?.SortOrder).ThenBy(x => x.a.Id)
            .Select(x => new HsdsAttribute
            {
                Id = x.a.Id, LinkId = s.Id, LinkType = "service", LinkEntity = "service", TaxonomyTermId = x.a.TaxonomyTermId,
                Value = x.a.Value, Label = x.a.Label, TaxonomyTerm = x.term is null ? null : ToHsds(x.term, o.Lang),
            }).ToList());
        dto.ServiceAtLocations = HsdsJson.NullIfEmpty(s.ServiceAtLocations.OrderBy(x => x.Id)
            .Select(x => ToHsds(x, null)).ToList());
        dto.Contacts = HsdsJson.NullIfEmpty(s.Contacts.Where(c => !o.PublicOnly || c.IsPublic).OrderBy(c => c.Id)
            .Select(c => ToHsds(c, o)).ToList());
        dto.Phones = HsdsJson.NullIfEmpty(s.Phones.Where(p => p.ContactId is null).OrderBy(p => p.Id).Select(ToHsds).ToList());
        dto.Schedules = HsdsJson.NullIfEmpty(s.Schedules.OrderBy(x => x.Id).Select(ToHsds).ToList());
        if (audit is not null) dto.Metadata = HsdsJson.NullIfEmpty(audit.Select(a => ToHsds(a, o.PublicOnly ? s.Organization?.Name ?? "" : null)).ToList());
        return dto;
    }

    public static HsdsOrganization ToHsds(Organization org, HsdsWriteOptions o) => new()
    {
        Id = org.Id,
        Name = Translate(org.Translations, o.Lang, "name", org.Name),
        AlternateName = org.AlternateName,
        Description = Translate(org.Translations, o.Lang, "description", org.Description),
        Email = org.Email,
        Website = org.Website,
        Translations = org.Translations.Count == 0 ? null : org.Translations,
        Type = org.Type.ToString(),
        MunicipalityCode = org.MunicipalityCode,
        Active = org.IsActive ? null : false,
        Contacts = o.Nested ? HsdsJson.NullIfEmpty(org.Contacts.Where(c => c.ServiceId is null && (!o.PublicOnly || c.IsPublic))
            .OrderBy(c => c.Id).Select(c => ToHsds(c, o)).ToList()) : null,
        Phones = o.Nested ? HsdsJson.NullIfEmpty(org.Phones.Where(p => p.ContactId is null && p.ServiceId is null)
            .OrderBy(p => p.Id).Select(ToHsds).ToList()) : null,
    };

    public static HsdsServiceAtLocation ToHsds(ServiceAtLocation x, HsdsService? service) => new()
    {
        Id = x.Id, ServiceId = x.ServiceId, LocationId = x.LocationId, Description = x.Description,
        Location = x.Location is null ? null : ToHsds(x.Location), Service = service,
    };

    public static HsdsLocation ToHsds(Location l) => new()
    {
        Id = l.Id, LocationType = l.LocationType, Url = l.Url, OrganizationId = l.OrganizationId, Name = l.Name,
        Description = l.Description, Latitude = l.Latitude, Longitude = l.Longitude, MunicipalityCode = l.MunicipalityCode,
        Addresses = HsdsJson.NullIfEmpty(l.Addresses.OrderBy(a => a.Id).Select(a => new HsdsAddress
        {
            Id = a.Id, LocationId = l.Id, Attention = a.Attention, Address1 = a.Address1, Address2 = a.Address2, City = a.City,
            Region = a.Region, StateProvince = a.StateProvince, PostalCode = a.PostalCode, Country = a.Country, AddressType = a.AddressType,
        }).ToList()),
    };

    private static HsdsContact ToHsds(Contact c, HsdsWriteOptions o) => new()
    {
        Id = c.Id, OrganizationId = c.OrganizationId, ServiceId = c.ServiceId, Name = c.Name, Title = c.Title,
        Department = c.Department, Email = c.Email,
        Phones = HsdsJson.NullIfEmpty(c.Phones.OrderBy(p => p.Id).Select(ToHsds).ToList()),
        Public = o.PublicOnly ? null : c.IsPublic,
        Role = o.PublicOnly ? null : c.Role.ToString(),
    };

    private static HsdsPhone ToHsds(Phone p) => new()
    {
        Id = p.Id, ServiceId = p.ServiceId, OrganizationId = p.OrganizationId, ContactId = p.ContactId, LocationId = p.LocationId,
        Number = p.Number, Extension = p.Extension, Type = p.Type, Description = p.Description,
    };

    private static HsdsSchedule ToHsds(Schedule s) => new()
    {
        Id = s.Id, ServiceId = s.ServiceId, LocationId = s.LocationId, ServiceAtLocationId = s.ServiceAtLocationId,
        ValidFrom = Date(s.ValidFrom), ValidTo = Date(s.ValidTo), DtStart = Date(s.DtStart), Until = Date(s.Until),
        Count = s.Count, Wkst = s.Wkst, Freq = s.Freq, Interval = s.Interval, Byday = s.Byday, Byweekno = s.Byweekno,
        Bymonthday = s.Bymonthday, Byyearday = s.Byyearday, Description = s.Description,
        OpensAt = s.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture), ClosesAt = s.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ScheduleLink = s.ScheduleLink, AttendingType = s.AttendingType, Notes = s.Notes, Timezone = s.Timezone,
    };

    public static HsdsTaxonomyTerm ToHsds(TaxonomyTerm t, string? lang) => new()
    {
        Id = t.Id, Code = t.Code,
        Name = lang is not null && t.Translations.TryGetValue(lang, out var n) && n.Length > 0 ? n : t.Name,
        Description = t.Description, ParentId = t.ParentId, Taxonomy = t.Taxonomy.Name, TaxonomyId = t.TaxonomyId,
        Language = lang ?? "sv",
    };

    public static HsdsTaxonomy ToHsds(Taxonomy t) => new()
    {
        Id = t.Id, Name = t.Name, Description = t.Description, Uri = t.Uri, Version = t.Version,
    };

    /// <summary>
    /// The service fields whose values the public change history may show: those the public API itself publishes.
    /// Anything else (who confirmed it, whole-row snapshots) is listed without its values.
    /// </summary>
    public static readonly IReadOnlySet<string> PublicServiceFields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Service.Name), nameof(Service.AlternateName), nameof(Service.Description), nameof(Service.Url), nameof(Service.Email),
        nameof(Service.Status), nameof(Service.ApplicationProcess), nameof(Service.FeesDescription), nameof(Service.InterpretationServices),
        nameof(Service.Accreditations), nameof(Service.MinimumAge), nameof(Service.MaximumAge), nameof(Service.Capacity),
        nameof(Service.SurgeCapacity), nameof(Service.SurgeLeadTimeDays), nameof(Service.AssuredDate), nameof(Service.Translations),
    };

    /// <summary>One audit entry as HSDS metadata; for the public (<paramref name="publicName"/> set) without the person and private values.</summary>
    private static HsdsMetadata ToHsds(AuditEntry a, string? publicName)
    {
        var m = ToHsds(a);
        if (publicName is null) return m;
        m.UpdatedBy = publicName;
        if (a.FieldName is null || !PublicServiceFields.Contains(a.FieldName))
        {
            m.PreviousValue = "";
            m.ReplacementValue = "";
        }
        return m;
    }

    private static HsdsMetadata ToHsds(AuditEntry a) => new()
    {
        Id = ReferenceData.StableId("audit", a.Id.ToString(CultureInfo.InvariantCulture)),
        ResourceId = Guid.TryParse(a.EntityId, out var id) ? id : null,
        ResourceType = a.EntityType.ToLowerInvariant(),
        LastActionDate = a.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        LastActionType = a.Action,
        FieldName = a.FieldName,
        PreviousValue = a.OldValue ?? "",
        ReplacementValue = a.NewValue ?? "",
        UpdatedBy = a.UserName,
    };

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Translate(Dictionary<string, Dictionary<string, string>> translations, string? lang, string field, string swedish) =>
        lang is not null && lang != "sv" && translations.TryGetValue(lang, out var fields)
            && fields.TryGetValue(field, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : swedish;
}
