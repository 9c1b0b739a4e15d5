using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>The service form as posted. Numbers and times are text so that a wrong value gets a Swedish message, not a binder's.</summary>
public sealed class ServiceInput
{
    public static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    public static readonly string[] Ordinals = ["1", "2", "3", "4", "-1"];

    public sealed class ScheduleInput
    {
        /// <summary>weekly or monthly.</summary>
        public string Kind { get; set; } = "weekly";
        public List<string> Days { get; set; } = [];
        public string? Ordinal { get; set; }
        public string? MonthDay { get; set; }
        public string? Opens { get; set; }
        public string? Closes { get; set; }
        public string? AttendingType { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public bool Remove { get; set; }

        public bool IsEmpty => Days.Count == 0 && string.IsNullOrWhiteSpace(MonthDay) && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
    }

    public sealed class TranslationInput
    {
        public string Lang { get; set; } = "";
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? ApplicationProcess { get; set; }
    }

    /// <summary>Shown so that a form posted for another organisation can be recognised and refused; never written.</summary>
    public Guid OrganizationId { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FeesDescription { get; set; }
    public string? InterpretationServices { get; set; }
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
    public string? Capacity { get; set; }
    public string? SurgeCapacity { get; set; }
    public string? SurgeLeadTimeDays { get; set; }
    public bool IsPublished { get; set; }
    public List<Guid> TargetGroups { get; set; } = [];
    public List<Guid> AgeGroups { get; set; } = [];
    public Guid? Layer { get; set; }
    public List<Guid> Categories { get; set; } = [];
    public List<Guid> Costs { get; set; } = [];
    public List<Guid> AccessModes { get; set; } = [];
    public List<string> Areas { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<Guid> Locations { get; set; } = [];
    public List<ScheduleInput> Schedules { get; set; } = [];
    public List<TranslationInput> Translations { get; set; } = [];

    public static ServiceInput From(ServiceSnapshot s, Guid organizationId, int version)
    {
        static string? N(int? v) => v?.ToString(CultureInfo.InvariantCulture);
        var input = new ServiceInput
        {
            OrganizationId = organizationId, Version = version, Name = s.Name, AlternateName = s.AlternateName,
            Description = s.Description, ApplicationProcess = s.ApplicationProcess, Url = s.Url, Email = s.Email, Phone = s.Phone,
            FeesDescription = s.FeesDescription, InterpretationServices = s.InterpretationServices,
            MinimumAge = N(s.MinimumAge), MaximumAge = N(s.MaximumAge), Capacity = N(s.Capacity), SurgeCapacity = N(s.SurgeCapacity),
            SurgeLeadTimeDays = N(s.SurgeLeadTimeDays), IsPublished = s.IsPublished,
            TargetGroups = [.. s.TargetGroups], AgeGroups = [.. s.AgeGroups], Layer = s.Layer.Count > 0 ? s.Layer[0] : null,
            Categories = [.. s.Categories], Costs = [.. s.Costs], AccessModes = [.. s.AccessModes],
            Areas = [.. s.Areas], Languages = [.. s.Languages], Locations = [.. s.Locations],
        };
        foreach (var row in s.Schedules)
        {
            if (row.Freq == "MONTHLY")
            {
                foreach (var day in row.Byday.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    input.Schedules.Add(new ScheduleInput
                    {
                        Kind = "monthly", Ordinal = day[..^2], MonthDay = day[^2..], Opens = row.OpensAt, Closes = row.ClosesAt,
                        AttendingType = row.AttendingType, ValidFrom = row.ValidFrom, ValidTo = row.ValidTo,
                    });
                }
            }
            else
            {
                input.Schedules.Add(new ScheduleInput
                {
                    Kind = "weekly", Days = [.. row.Byday.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Opens = row.OpensAt, Closes = row.ClosesAt, AttendingType = row.AttendingType, ValidFrom = row.ValidFrom, ValidTo = row.ValidTo,
                });
            }
        }
        input.Translations = UiLanguages.All.Where(l => l.Code != UiLanguages.Default).Select(l =>
        {
            var tr = s.Translations.GetValueOrDefault(l.Code) ?? [];
            return new TranslationInput
            {
                Lang = l.Code, Name = tr.GetValueOrDefault("name"), Description = tr.GetValueOrDefault("description"),
                ApplicationProcess = tr.GetValueOrDefault("application_process"),
            };
        }).ToList();
        return input;
    }

    /// <summary>Adds empty rows so that times can be added without JavaScript.</summary>
    public void PadSchedules(int empty = 2)
    {
        Schedules.RemoveAll(r => r.IsEmpty || r.Remove);
        for (var i = 0; i < empty; i++) Schedules.Add(new ScheduleInput());
    }

    /// <summary>The posted values over <paramref name="basis"/> (the saved state), which keeps what the form does not show.</summary>
    public ServiceSnapshot ToSnapshot(ServiceSnapshot basis)
    {
        FieldRules.TryNumber(MinimumAge, out var minAge);
        FieldRules.TryNumber(MaximumAge, out var maxAge);
        FieldRules.TryNumber(Capacity, out var capacity);
        FieldRules.TryNumber(SurgeCapacity, out var surge);
        FieldRules.TryNumber(SurgeLeadTimeDays, out var lead);
        var s = basis.Clone();
        s.Name = Text(Name) ?? "";
        s.AlternateName = Text(AlternateName);
        s.Description = Text(Description) ?? "";
        s.ApplicationProcess = Text(ApplicationProcess);
        s.Url = Text(Url);
        s.Email = Text(Email);
        s.Phone = Text(Phone);
        s.FeesDescription = Text(FeesDescription);
        s.InterpretationServices = Text(InterpretationServices);
        s.MinimumAge = minAge;
        s.MaximumAge = maxAge;
        s.Capacity = capacity;
        s.SurgeCapacity = surge;
        s.SurgeLeadTimeDays = lead;
        s.IsPublished = IsPublished;
        s.TargetGroups = TargetGroups.Distinct().Order().ToList();
        s.AgeGroups = AgeGroups.Distinct().Order().ToList();
        s.Layer = Layer is { } layer ? [layer] : [];
        s.Categories = Categories.Distinct().Order().ToList();
        s.Costs = Costs.Distinct().Order().ToList();
        s.AccessModes = AccessModes.Distinct().Order().ToList();
        s.Areas = Areas.Distinct().Order(StringComparer.Ordinal).ToList();
        s.Languages = Languages.Distinct().Order(StringComparer.Ordinal).ToList();
        s.Locations = Locations.Distinct().Order().ToList();
        s.Schedules = Schedules.Where(r => !r.IsEmpty && !r.Remove).Select(r =>
        {
            FieldRules.TryClock(r.Opens, out var opens);
            FieldRules.TryClock(r.Closes, out var closes);
            var monthly = r.Kind == "monthly";
            var byday = monthly ? r.Ordinal + r.MonthDay : string.Join(',', DayCodes.Where(r.Days.Contains));
            return new ScheduleSnapshot(monthly ? "MONTHLY" : "WEEKLY", byday,
                opens?.ToString("HH:mm", CultureInfo.InvariantCulture), closes?.ToString("HH:mm", CultureInfo.InvariantCulture),
                r.AttendingType, r.ValidFrom, r.ValidTo);
        }).Distinct().OrderBy(x => x.Freq, StringComparer.Ordinal).ThenBy(x => x.Byday, StringComparer.Ordinal).ThenBy(x => x.OpensAt, StringComparer.Ordinal).ToList();
        foreach (var tr in Translations.Where(t => UiLanguages.Find(t.Lang) is not null && t.Lang != UiLanguages.Default))
        {
            var fields = s.Translations.GetValueOrDefault(tr.Lang) ?? [];
            Set(fields, "name", tr.Name);
            Set(fields, "description", tr.Description);
            Set(fields, "application_process", tr.ApplicationProcess);
            if (fields.Count > 0) s.Translations[tr.Lang] = fields;
            else s.Translations.Remove(tr.Lang);
        }
        return s;
    }

    private static void Set(Dictionary<string, string> fields, string key, string? value)
    {
        if (Text(value) is { } text) fields[key] = text;
        else fields.Remove(key);
    }

    /// <summary>Browsers post text areas with CRLF; stored text uses LF so that an unchanged field compares equal.</summary>
    private static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The model-state keys in the order their fields stand in _ServiceForm (the error summary follows it).</summary>
    public static readonly IReadOnlyList<string> FormOrder =
    [
        .. new[]
        {
            nameof(Name), nameof(AlternateName), nameof(Description), nameof(ApplicationProcess), nameof(Url), nameof(Email), nameof(Phone),
            nameof(TargetGroups), nameof(AgeGroups), nameof(MinimumAge), nameof(MaximumAge), nameof(Layer), nameof(Categories), nameof(Costs),
            nameof(AccessModes), nameof(FeesDescription), nameof(InterpretationServices), nameof(Capacity), nameof(SurgeCapacity),
            nameof(SurgeLeadTimeDays), nameof(Languages), nameof(Areas), nameof(Locations), nameof(Schedules), nameof(Translations),
        }.Select(field => "Input." + field),
    ];

    /// <summary>Server-side validation; messages say what to fix and sit next to the field.</summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer<WorkspaceText> t, WorkspaceCatalog catalog)
    {
        void Error(string field, string key) => state.AddModelError("Input." + field, t[key]);

        if (string.IsNullOrWhiteSpace(Name)) Error(nameof(Name), "Validation_NameRequired");
        else if (Name.Length > 300) Error(nameof(Name), "Validation_NameTooLong");
        if (string.IsNullOrWhiteSpace(Description)) Error(nameof(Description), "Validation_DescriptionRequired");
        if (!string.IsNullOrWhiteSpace(Email) && !FieldRules.IsEmail(Email)) Error(nameof(Email), "Validation_Email");
        if (!string.IsNullOrWhiteSpace(Phone) && !FieldRules.IsPhone(Phone)) Error(nameof(Phone), "Validation_Phone");
        if (!string.IsNullOrWhiteSpace(Url) && !FieldRules.IsWebAddress(Url)) Error(nameof(Url), "Validation_Url");

        var minOk = FieldRules.TryNumber(MinimumAge, out var min);
        var maxOk = FieldRules.TryNumber(MaximumAge, out var max);
        if (!minOk || min is < 0 or > 120) Error(nameof(MinimumAge), "Validation_Age");
        if (!maxOk || max is < 0 or > 120) Error(nameof(MaximumAge), "Validation_Age");
        if (minOk && maxOk && min is not null && max is not null && min > max) Error(nameof(MaximumAge), "Validation_AgeOrder");
        foreach (var (field, text) in new[] { (nameof(Capacity), Capacity), (nameof(SurgeCapacity), SurgeCapacity), (nameof(SurgeLeadTimeDays), SurgeLeadTimeDays) })
        {
            if (!FieldRules.TryNumber(text, out var n) || n is < 0 or > 100000) Error(field, "Validation_Count");
        }

        var targetGroups = catalog.TermIds(ReferenceData.TargetGroups).ToHashSet();
        if (!TargetGroups.Any(targetGroups.Contains)) Error(nameof(TargetGroups), "Validation_TargetGroupRequired");
        if (Layer is null || !catalog.TermIds(ReferenceData.MhpssLayers).Contains(Layer.Value)) Error(nameof(Layer), "Validation_LayerRequired");

        for (var i = 0; i < Schedules.Count; i++)
        {
            var row = Schedules[i];
            if (row.IsEmpty || row.Remove) continue;
            var key = $"Schedules[{i}]";
            if (row.Kind == "monthly")
            {
                if (!Ordinals.Contains(row.Ordinal) || !DayCodes.Contains(row.MonthDay)) Error(key + ".MonthDay", "Validation_ScheduleMonthDay");
            }
            else if (row.Days.Count == 0 || row.Days.Any(d => !DayCodes.Contains(d)))
            {
                Error(key + ".Days", "Validation_ScheduleDays");
            }
            var opensOk = FieldRules.TryClock(row.Opens, out var opens);
            var closesOk = FieldRules.TryClock(row.Closes, out var closes);
            if (!opensOk || opens is null) Error(key + ".Opens", "Validation_Time");
            if (!closesOk || closes is null) Error(key + ".Closes", "Validation_Time");
            else if (opens is not null && closes <= opens) Error(key + ".Closes", "Validation_ClosesAfterOpens");
        }
    }
}
