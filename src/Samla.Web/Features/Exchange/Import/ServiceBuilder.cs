using System.Globalization;
using System.Text.RegularExpressions;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>What the database should hold after importing one service: the service graph, its organisation and locations.</summary>
public sealed record DesiredService(Service Service, Organization? Organization, List<Location> Locations);

/// <summary>What an import checks against: the profile's terms, SCB municipalities, and ids already known.</summary>
public sealed class ImportLookups(TermCatalog terms, Dictionary<string, string> municipalities, HashSet<Guid> organizationIds, HashSet<Guid> locationIds,
    Dictionary<string, Guid> organizationNames)
{
    public Dictionary<string, Guid> OrganizationNames { get; } = organizationNames;
    public TermCatalog Terms { get; } = terms;
    public Dictionary<string, string> Municipalities { get; } = municipalities;
    public HashSet<Guid> OrganizationIds { get; } = organizationIds;
    public HashSet<Guid> LocationIds { get; } = locationIds;
}

/// <summary>Turns an HSDS service from a file into Samla entities, reporting every field that does not follow PROFILE.md.</summary>
public static partial class ServiceBuilder
{
    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    private static readonly string[] LocationTypes = ["physical", "postal", "virtual"];
    private static readonly string[] Frequencies = ["WEEKLY", "MONTHLY"];

    public static DesiredService? Build(HsdsService dto, ImportLookups lookups, Action<string, string, object[]> problem)
    {
        var before = 0;
        var count = 0;
        void P(string field, string key, params object[] args) { count++; problem(field, key, args); }

        if (dto.Id == Guid.Empty) P("id", "Problem_Required");
        if (string.IsNullOrWhiteSpace(dto.Name)) P("name", "Problem_Required");
        else if (dto.Name.Length > 300) P("name", "Problem_TooLong", 300);
        if (string.IsNullOrWhiteSpace(dto.Status)) P("status", "Problem_Required");
        else if (!ServiceStatus.All.Contains(dto.Status)) P("status", "Problem_NotOneOf", string.Join(", ", ServiceStatus.All));
        if (dto.MinimumAge is < 0 or > 130) P("minimum_age", "Problem_Age");
        if (dto.MaximumAge is < 0 or > 130) P("maximum_age", "Problem_Age");
        if (dto.MinimumAge > dto.MaximumAge) P("minimum_age", "Problem_AgeOrder");
        var assured = ParseDate(dto.AssuredDate, "assured_date", P);

        var service = new Service
        {
            Id = dto.Id,
            Name = dto.Name?.Trim() ?? "",
            AlternateName = dto.AlternateName,
            Description = dto.Description ?? "",
            Url = dto.Url,
            Email = dto.Email,
            Status = dto.Status ?? ServiceStatus.Active,
            IsPublished = dto.Published ?? true,
            ApplicationProcess = dto.ApplicationProcess,
            FeesDescription = dto.FeesDescription,
            InterpretationServices = dto.InterpretationServices,
            Accreditations = dto.Accreditations,
            MinimumAge = dto.MinimumAge,
            MaximumAge = dto.MaximumAge,
            Capacity = dto.Capacity,
            SurgeCapacity = dto.SurgeCapacity,
            SurgeLeadTimeDays = dto.SurgeLeadTimeDays,
            AssuredDate = assured,
            AssurerEmail = dto.AssurerEmail,
            Translations = dto.Translations ?? [],
            LastModified = dto.LastModified?.ToUniversalTime() ?? default,
        };

        // Organisation: nested (created or updated) or referenced by id (must exist).
        Organization? org = null;
        var orgId = dto.Organization?.Id is { } nestedId && nestedId != Guid.Empty ? nestedId : dto.OrganizationId ?? Guid.Empty;
        if (dto.Organization is not null && dto.OrganizationId is { } given && given != Guid.Empty && given != orgId)
        {
            P("organization_id", "Problem_OrganizationMismatch");
        }
        if (dto.Organization is { } o)
        {
            if (o.Id == Guid.Empty) P("organization.id", "Problem_Required");
            if (string.IsNullOrWhiteSpace(o.Name)) P("organization.name", "Problem_Required");
            var type = OrganizationType.Other;
            if (o.Type is not null && !Enum.TryParse(o.Type, ignoreCase: false, out type)) P("organization.x_type", "Problem_NotOneOf", string.Join(", ", Enum.GetNames<OrganizationType>()));
            org = new Organization
            {
                Id = orgId, Name = o.Name?.Trim() ?? "", AlternateName = o.AlternateName, Description = o.Description ?? "",
                Email = o.Email, Website = o.Website, Type = type, MunicipalityCode = o.MunicipalityCode,
                IsActive = o.Active ?? true, Translations = o.Translations ?? [],
            };
            org.Contacts = Contacts(o.Contacts, orgId, null, "organization.contacts", P);
            org.Phones = Phones(o.Phones, orgId, null, null, "organization.phones", P);
        }
        else if (orgId == Guid.Empty) P("organization", "Problem_Required");
        else if (!lookups.OrganizationIds.Contains(orgId)) P("organization_id", "Problem_UnknownOrganization", orgId);
        service.OrganizationId = orgId;

        var index = 0;
        foreach (var a in dto.ServiceAreas ?? [])
        {
            var field = $"service_areas[{index}]";
            var code = a.Uri is { } uri && uri.StartsWith(HsdsMapping.MunicipalityUriPrefix, StringComparison.Ordinal)
                ? uri[HsdsMapping.MunicipalityUriPrefix.Length..]
                : a.Extent?.Trim();
            if (string.IsNullOrEmpty(code)) P(field + ".uri", "Problem_Required");
            else if (!lookups.Municipalities.TryGetValue(code, out _)) P(field + ".uri", "Problem_UnknownMunicipality", code);
            else service.ServiceAreas.Add(new ServiceArea
            {
                Id = IdOr(a.Id, "area", dto.Id, code), ServiceId = dto.Id, MunicipalityCode = code,
                Name = a.Name ?? lookups.Municipalities[code], Description = a.Description,
            });
            index++;
        }

        index = 0;
        foreach (var l in dto.Languages ?? [])
        {
            var field = $"languages[{index++}].code";
            if (string.IsNullOrWhiteSpace(l.Code)) P(field, "Problem_Required");
            else if (!LanguageCode().IsMatch(l.Code.Trim())) P(field, "Problem_LanguageCode", l.Code);
            else service.Languages.Add(new Language
            {
                Id = IdOr(l.Id, "language", dto.Id, l.Code), ServiceId = dto.Id, Code = l.Code.Trim().ToLowerInvariant(), Name = l.Name, Note = l.Note,
            });
        }

        index = 0;
        foreach (var a in dto.Attributes ?? [])
        {
            var field = $"attributes[{index++}].taxonomy_term";
            TaxonomyTerm? term = null;
            if (a.TaxonomyTerm is { Taxonomy: { Length: > 0 } taxonomy, Code: { Length: > 0 } code })
            {
                term = lookups.Terms.Find(taxonomy, code);
                if (term is null) { P(field, "Problem_UnknownTerm", taxonomy, code); continue; }
            }
            else if ((a.TaxonomyTermId ?? a.TaxonomyTerm?.Id) is { } termId && termId != Guid.Empty)
            {
                term = lookups.Terms.Find(termId);
                if (term is null) { P(field + "_id", "Problem_UnknownTermId", termId); continue; }
            }
            else { P(field, "Problem_Required"); continue; }
            service.Attributes.Add(new ServiceAttribute
            {
                Id = IdOr(a.Id, "attribute", dto.Id, term.Id.ToString()), ServiceId = dto.Id, TaxonomyTermId = term.Id, Value = a.Value, Label = a.Label,
            });
            if (term.Taxonomy.Name == ReferenceData.Preparedness && int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (term.Code == "surge-capacity") service.SurgeCapacity ??= n;
                else service.SurgeLeadTimeDays ??= n;
            }
        }
        var taxonomies = service.Attributes.Select(a => lookups.Terms.Find(a.TaxonomyTermId)!.Taxonomy.Name).ToList();
        if (count == before && !taxonomies.Contains(ReferenceData.TargetGroups)) P("attributes", "Problem_NeedsTargetGroup");
        if (count == before && taxonomies.Count(t => t == ReferenceData.MhpssLayers) != 1) P("attributes", "Problem_NeedsOneLayer");

        var locations = new List<Location>();
        index = 0;
        foreach (var x in dto.ServiceAtLocations ?? [])
        {
            var field = $"service_at_locations[{index++}]";
            var locationId = x.Location?.Id is { } lid && lid != Guid.Empty ? lid : x.LocationId ?? Guid.Empty;
            if (x.Location is { } l)
            {
                var loc = BuildLocation(l, locationId, field + ".location", P);
                if (loc is not null) locations.Add(loc);
            }
            else if (locationId == Guid.Empty) P(field + ".location", "Problem_Required");
            else if (!lookups.LocationIds.Contains(locationId)) P(field + ".location_id", "Problem_UnknownLocation", locationId);
            service.ServiceAtLocations.Add(new ServiceAtLocation
            {
                Id = IdOr(x.Id, "sal", dto.Id, locationId.ToString()), ServiceId = dto.Id, LocationId = locationId, Description = x.Description,
            });
        }
        if (service.ServiceAtLocations.GroupBy(x => x.LocationId).Any(g => g.Count() > 1)) P("service_at_locations", "Problem_DuplicateLocation");

        service.Contacts = Contacts(dto.Contacts, null, dto.Id, "contacts", P);
        service.Phones = Phones(dto.Phones, null, dto.Id, null, "phones", P);
        index = 0;
        foreach (var s in dto.Schedules ?? [])
        {
            var field = $"schedules[{index}]";
            if (s.Freq is not null && !Frequencies.Contains(s.Freq)) P(field + ".freq", "Problem_NotOneOf", string.Join(", ", Frequencies));
            service.Schedules.Add(new Schedule
            {
                Id = IdOr(s.Id, "schedule", dto.Id, index.ToString(CultureInfo.InvariantCulture)), ServiceId = dto.Id,
                LocationId = s.LocationId, ServiceAtLocationId = s.ServiceAtLocationId,
                ValidFrom = ParseDate(s.ValidFrom, field + ".valid_from", P), ValidTo = ParseDate(s.ValidTo, field + ".valid_to", P),
                DtStart = ParseDate(s.DtStart, field + ".dtstart", P), Until = ParseDate(s.Until, field + ".until", P),
                Timezone = s.Timezone, Count = s.Count, Wkst = s.Wkst, Freq = s.Freq, Interval = s.Interval, Byday = s.Byday,
                Byweekno = s.Byweekno, Bymonthday = s.Bymonthday, Byyearday = s.Byyearday, Description = s.Description,
                OpensAt = ParseTime(s.OpensAt, field + ".opens_at", P), ClosesAt = ParseTime(s.ClosesAt, field + ".closes_at", P),
                ScheduleLink = s.ScheduleLink, AttendingType = s.AttendingType, Notes = s.Notes,
            });
            index++;
        }
        return count == 0 ? new DesiredService(service, org, locations) : null;
    }

    private static Location? BuildLocation(HsdsLocation l, Guid id, string field, Action<string, string, object[]> P)
    {
        var ok = true;
        if (id == Guid.Empty) { P(field + ".id", "Problem_Required", []); ok = false; }
        var type = l.LocationType ?? "physical";
        if (!LocationTypes.Contains(type)) { P(field + ".location_type", "Problem_NotOneOf", [string.Join(", ", LocationTypes)]); ok = false; }
        var location = new Location
        {
            Id = id, LocationType = type, Url = l.Url, OrganizationId = l.OrganizationId, Name = l.Name, Description = l.Description,
            Latitude = l.Latitude, Longitude = l.Longitude, MunicipalityCode = l.MunicipalityCode,
        };
        var i = 0;
        foreach (var a in l.Addresses ?? [])
        {
            var f = $"{field}.addresses[{i++}]";
            foreach (var (name, value) in new[] { ("address_1", a.Address1), ("city", a.City), ("state_province", a.StateProvince), ("postal_code", a.PostalCode) })
            {
                if (string.IsNullOrWhiteSpace(value)) { P($"{f}.{name}", "Problem_Required", []); ok = false; }
            }
            location.Addresses.Add(new Address
            {
                Id = IdOr(a.Id, "address", id, i.ToString(CultureInfo.InvariantCulture)), LocationId = id, Attention = a.Attention,
                Address1 = a.Address1 ?? "", Address2 = a.Address2, City = a.City ?? "", Region = a.Region, StateProvince = a.StateProvince ?? "",
                PostalCode = a.PostalCode ?? "", Country = a.Country ?? "SE", AddressType = a.AddressType ?? "physical",
            });
        }
        return ok ? location : null;
    }

    private static List<Contact> Contacts(List<HsdsContact>? contacts, Guid? orgId, Guid? serviceId, string field, Action<string, string, object[]> P)
    {
        var result = new List<Contact>();
        var i = 0;
        foreach (var c in contacts ?? [])
        {
            var role = ContactRole.General;
            if (c.Role is not null && !Enum.TryParse(c.Role, ignoreCase: false, out role)) P($"{field}[{i}].x_role", "Problem_NotOneOf", [string.Join(", ", Enum.GetNames<ContactRole>())]);
            var id = IdOr(c.Id, "contact", orgId ?? serviceId ?? Guid.Empty, i.ToString(CultureInfo.InvariantCulture));
            result.Add(new Contact
            {
                Id = id, OrganizationId = orgId ?? c.OrganizationId, ServiceId = serviceId, Name = c.Name, Title = c.Title, Department = c.Department,
                Email = c.Email, Role = role, IsPublic = c.Public ?? true,
                Phones = Phones(c.Phones, null, null, id, $"{field}[{i}].phones", P),
            });
            i++;
        }
        return result;
    }

    private static List<Phone> Phones(List<HsdsPhone>? phones, Guid? orgId, Guid? serviceId, Guid? contactId, string field, Action<string, string, object[]> P)
    {
        var result = new List<Phone>();
        var i = 0;
        foreach (var p in phones ?? [])
        {
            if (string.IsNullOrWhiteSpace(p.Number)) P($"{field}[{i}].number", "Problem_Required", []);
            result.Add(new Phone
            {
                Id = IdOr(p.Id, "phone", contactId ?? serviceId ?? orgId ?? Guid.Empty, i.ToString(CultureInfo.InvariantCulture)),
                OrganizationId = orgId, ServiceId = serviceId, ContactId = contactId, LocationId = p.LocationId,
                Number = p.Number?.Trim() ?? "", Extension = p.Extension, Type = p.Type ?? "voice", Description = p.Description,
            });
            i++;
        }
        return result;
    }

    /// <summary>The id from the file, or one derived from the parent and a key, so that re-importing a file without child ids changes nothing.</summary>
    private static Guid IdOr(Guid id, string kind, Guid parent, string key) =>
        id != Guid.Empty ? id : ReferenceData.StableId("import-" + kind, $"{parent}/{key}");

    private static DateOnly? ParseDate(string? text, string field, Action<string, string, object[]> P)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        P(field, "Problem_Date", [text]);
        return null;
    }

    private static TimeOnly? ParseTime(string? text, string field, Action<string, string, object[]> P)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        P(field, "Problem_Time", [text]);
        return null;
    }
}
