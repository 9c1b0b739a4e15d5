using System.Reflection;
using System.Text.Json;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>One weekly or monthly time of a service, in HSDS schedule terms.</summary>
public sealed record ScheduleSnapshot(string Freq, string Byday, string? OpensAt, string? ClosesAt, string? AttendingType, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Everything an editor can change on a service, as one value: captured after every save (ServiceVersion),
/// compared field by field for history and conflicts, and applied back to restore or merge.
/// Each property is one "field" of the diff and of the merge.
/// </summary>
public sealed class ServiceSnapshot
{
    public string Name { get; set; } = "";
    public string? AlternateName { get; set; }
    public string Description { get; set; } = "";
    public string? ApplicationProcess { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FeesDescription { get; set; }
    public string? InterpretationServices { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public int? Capacity { get; set; }
    public int? SurgeCapacity { get; set; }
    public int? SurgeLeadTimeDays { get; set; }
    public bool IsPublished { get; set; }
    public string Status { get; set; } = ServiceStatus.Active;
    public DateOnly? AssuredDate { get; set; }
    public string? AssurerEmail { get; set; }
    public List<Guid> TargetGroups { get; set; } = [];
    public List<Guid> AgeGroups { get; set; } = [];
    public List<Guid> Layer { get; set; } = [];
    public List<Guid> Categories { get; set; } = [];
    public List<Guid> Costs { get; set; } = [];
    public List<Guid> AccessModes { get; set; } = [];
    public List<string> Areas { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<Guid> Locations { get; set; } = [];
    public List<ScheduleSnapshot> Schedules { get; set; } = [];
    public Dictionary<string, Dictionary<string, string>> Translations { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new();

    /// <summary>The taxonomy whose terms each term-list field holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> TermFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(TargetGroups)] = ReferenceData.TargetGroups,
        [nameof(AgeGroups)] = ReferenceData.AgeGroups,
        [nameof(Layer)] = ReferenceData.MhpssLayers,
        [nameof(Categories)] = ReferenceData.ActivityCategories,
        [nameof(Costs)] = ReferenceData.Costs,
        [nameof(AccessModes)] = ReferenceData.AccessModes,
    };

    public static readonly IReadOnlyList<PropertyInfo> Fields = typeof(ServiceSnapshot).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ServiceSnapshot FromJson(string json) => JsonSerializer.Deserialize<ServiceSnapshot>(json, Json) ?? new();

    public ServiceSnapshot Clone() => FromJson(ToJson());

    /// <summary>Reads a service loaded with attributes, areas, languages, locations, phones and schedules.</summary>
    public static ServiceSnapshot Capture(Service s, WorkspaceCatalog catalog)
    {
        List<Guid> Terms(string taxonomy) =>
            s.Attributes.Where(a => catalog.TaxonomyOf(a.TaxonomyTermId) == taxonomy)
                .Select(a => a.TaxonomyTermId).Distinct().Order().ToList();
        return new ServiceSnapshot
        {
            Name = s.Name, AlternateName = s.AlternateName, Description = s.Description, ApplicationProcess = s.ApplicationProcess,
            Url = s.Url, Email = s.Email, Phone = ServicePhone(s)?.Number,
            FeesDescription = s.FeesDescription, InterpretationServices = s.InterpretationServices,
            MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge, Capacity = s.Capacity, SurgeCapacity = s.SurgeCapacity,
            SurgeLeadTimeDays = s.SurgeLeadTimeDays, IsPublished = s.IsPublished, Status = s.Status,
            AssuredDate = s.AssuredDate, AssurerEmail = s.AssurerEmail,
            TargetGroups = Terms(ReferenceData.TargetGroups), AgeGroups = Terms(ReferenceData.AgeGroups),
            Layer = Terms(ReferenceData.MhpssLayers), Categories = Terms(ReferenceData.ActivityCategories),
            Costs = Terms(ReferenceData.Costs), AccessModes = Terms(ReferenceData.AccessModes),
            Areas = s.ServiceAreas.Select(a => a.MunicipalityCode).Distinct().Order(StringComparer.Ordinal).ToList(),
            Languages = s.Languages.Select(l => l.Code).Distinct().Order(StringComparer.Ordinal).ToList(),
            Locations = s.ServiceAtLocations.Select(l => l.LocationId).Distinct().Order().ToList(),
            Schedules = s.Schedules.Where(x => x.Byday is not null && x.Freq is not null)
                .Select(x => new ScheduleSnapshot(x.Freq!, x.Byday!, Clock(x.OpensAt), Clock(x.ClosesAt), x.AttendingType, x.ValidFrom, x.ValidTo))
                .OrderBy(x => x.Freq, StringComparer.Ordinal).ThenBy(x => x.Byday, StringComparer.Ordinal).ThenBy(x => x.OpensAt, StringComparer.Ordinal)
                .ToList(),
            Translations = s.Translations.ToDictionary(kv => kv.Key, kv => new Dictionary<string, string>(kv.Value)),
        };
    }

    private static string? Clock(TimeOnly? t) => t?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static Phone? ServicePhone(Service s) => s.Phones.FirstOrDefault(p => p.ContactId is null);

    /// <summary>
    /// Writes the snapshot onto a tracked service. Only ids the catalog knows (terms, this county's
    /// municipalities, this organisation's locations, catalogued languages) are written, so a forged id
    /// in a form or an outdated snapshot cannot link another organisation's rows.
    /// </summary>
    /// <remarks>
    /// New child rows of a tracked service are added to <paramref name="db"/> explicitly: their client-made
    /// ids would otherwise make EF take them for existing rows. Pass null for a service not yet tracked.
    /// </remarks>
    public void ApplyTo(Service s, WorkspaceCatalog catalog, SamlaDbContext? db)
    {
        T Track<T>(T child) where T : class
        {
            db?.Add(child);
            return child;
        }

        s.Name = Name.Trim();
        s.AlternateName = Blank(AlternateName);
        s.Description = Description.Trim();
        s.ApplicationProcess = Blank(ApplicationProcess);
        s.Url = Blank(Url);
        s.Email = Blank(Email);
        s.FeesDescription = Blank(FeesDescription);
        s.InterpretationServices = Blank(InterpretationServices);
        s.MinimumAge = MinimumAge;
        s.MaximumAge = MaximumAge;
        s.Capacity = Capacity;
        s.SurgeCapacity = SurgeCapacity;
        s.SurgeLeadTimeDays = SurgeLeadTimeDays;
        s.IsPublished = IsPublished;
        s.Status = ServiceStatus.All.Contains(Status) ? Status : ServiceStatus.Active;
        s.AssuredDate = AssuredDate;
        s.AssurerEmail = AssurerEmail;
        s.Translations = Translations
            .Where(kv => kv.Value.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim()));

        var phone = ServicePhone(s);
        if (string.IsNullOrWhiteSpace(Phone))
        {
            if (phone is not null) s.Phones.Remove(phone);
        }
        else if (phone is null)
        {
            s.Phones.Add(Track(new Phone { Number = Phone.Trim(), ServiceId = s.Id, OrganizationId = null }));
        }
        else
        {
            phone.Number = Phone.Trim();
        }

        var managed = TermFields.Values.SelectMany(catalog.TermIds).ToHashSet();
        var wanted = TermFields.Keys.SelectMany(f => ((List<Guid>)Fields.First(p => p.Name == f).GetValue(this)!))
            .Where(managed.Contains).ToHashSet();
        s.Attributes.RemoveAll(a => managed.Contains(a.TaxonomyTermId) && !wanted.Contains(a.TaxonomyTermId));
        foreach (var id in wanted.Where(id => s.Attributes.All(a => a.TaxonomyTermId != id)))
        {
            s.Attributes.Add(Track(new ServiceAttribute { ServiceId = s.Id, TaxonomyTermId = id }));
        }

        var areas = Areas.Where(catalog.Municipalities.ContainsKey).ToHashSet(StringComparer.Ordinal);
        s.ServiceAreas.RemoveAll(a => !areas.Contains(a.MunicipalityCode));
        foreach (var code in areas.Where(c => s.ServiceAreas.All(a => a.MunicipalityCode != c)))
        {
            s.ServiceAreas.Add(Track(new ServiceArea { ServiceId = s.Id, MunicipalityCode = code, Name = catalog.Municipalities[code] }));
        }

        var languages = Languages.Where(c => LanguageCatalog.Find(c) is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        s.Languages.RemoveAll(l => !languages.Contains(l.Code));
        foreach (var code in languages.Where(c => s.Languages.All(l => !string.Equals(l.Code, c, StringComparison.OrdinalIgnoreCase))))
        {
            s.Languages.Add(Track(new Language { ServiceId = s.Id, Code = code, Name = LanguageCatalog.Find(code)!.Swedish }));
        }

        var locations = Locations.Where(catalog.Locations.ContainsKey).ToHashSet();
        s.ServiceAtLocations.RemoveAll(l => !locations.Contains(l.LocationId));
        foreach (var id in locations.Where(id => s.ServiceAtLocations.All(l => l.LocationId != id)))
        {
            s.ServiceAtLocations.Add(Track(new ServiceAtLocation { ServiceId = s.Id, LocationId = id }));
        }

        var schedules = Schedules.Distinct().ToList();
        s.Schedules.RemoveAll(x => x.Byday is not null && x.Freq is not null
            && !schedules.Contains(new ScheduleSnapshot(x.Freq, x.Byday, Clock(x.OpensAt), Clock(x.ClosesAt), x.AttendingType, x.ValidFrom, x.ValidTo)));
        foreach (var row in schedules.Where(r => !s.Schedules.Any(x => x.Freq == r.Freq && x.Byday == r.Byday && Clock(x.OpensAt) == r.OpensAt
            && Clock(x.ClosesAt) == r.ClosesAt && x.AttendingType == r.AttendingType && x.ValidFrom == r.ValidFrom && x.ValidTo == r.ValidTo)))
        {
            s.Schedules.Add(Track(new Schedule
            {
                ServiceId = s.Id, Freq = row.Freq, Byday = row.Byday, Interval = 1, AttendingType = row.AttendingType,
                OpensAt = ParseClock(row.OpensAt), ClosesAt = ParseClock(row.ClosesAt), ValidFrom = row.ValidFrom, ValidTo = row.ValidTo,
            }));
        }
    }

    private static TimeOnly? ParseClock(string? value) =>
        TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The names of the fields whose values differ.</summary>
    public static IReadOnlyList<string> Differences(ServiceSnapshot a, ServiceSnapshot b) => FieldConflicts.Differences(a, b);

    /// <summary>Takes the value of one field from another snapshot (merging after a conflict).</summary>
    public void Take(string field, ServiceSnapshot from) => FieldConflicts.Take(this, field, from);
}
