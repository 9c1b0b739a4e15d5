using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// What an editor can change on a place (with its street address), as one value: compared field by field and merged
/// after a conflict (FieldConflicts), like contacts, the profile and services. Values as saved (trimmed, blanks as null).
/// </summary>
public sealed class LocationSnapshot
{
    public string? Name { get; set; }
    public string LocationType { get; set; } = "physical";
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Address1 { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    public bool IsPhysical => LocationType != "virtual";

    public static LocationSnapshot Capture(Location l)
    {
        var a = l.Addresses.FirstOrDefault();
        return new()
        {
            Name = l.Name, LocationType = l.LocationType, Description = l.Description, Url = l.Url, MunicipalityCode = l.MunicipalityCode,
            Address1 = a?.Address1, PostalCode = a?.PostalCode, City = a?.City,
        };
    }

    public static LocationSnapshot FromInput(LocationsModel.LocationInput input)
    {
        var physical = input.LocationType != "virtual";
        return new()
        {
            Name = Blank(input.Name), LocationType = physical ? "physical" : "virtual", Description = Blank(input.Description),
            Url = Blank(input.Url), MunicipalityCode = Blank(input.MunicipalityCode),
            Address1 = physical ? Blank(input.Address1) : null, PostalCode = physical ? Blank(input.PostalCode) : null, City = physical ? Blank(input.City) : null,
        };
    }

    /// <summary>Writes the snapshot onto a place tracked by <paramref name="db"/>; a new address is added to <paramref name="db"/> explicitly.</summary>
    public void ApplyTo(Location l, SamlaDbContext db, string stateProvince)
    {
        l.Name = Name;
        l.LocationType = LocationType;
        l.Description = Description;
        l.Url = Url;
        l.MunicipalityCode = MunicipalityCode;
        if (!IsPhysical) return;
        var address = l.Addresses.FirstOrDefault();
        if (address is null)
        {
            address = new Address { Address1 = "", City = "", PostalCode = "", StateProvince = "", LocationId = l.Id };
            db.Addresses.Add(address);
            l.Addresses.Add(address);
        }
        address.Address1 = Address1 ?? "";
        address.City = City ?? "";
        address.PostalCode = PostalCode ?? "";
        address.StateProvince = stateProvince;
    }

    public LocationsModel.LocationInput ToInput(Guid? id, Guid organizationId, int version, string? seen) => new()
    {
        Id = id, OrganizationId = organizationId, Version = version, Seen = seen, Name = Name, LocationType = LocationType,
        Description = Description, Url = Url, MunicipalityCode = MunicipalityCode, Address1 = Address1, PostalCode = PostalCode, City = City,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
