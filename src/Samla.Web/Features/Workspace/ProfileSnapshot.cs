using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// What an editor can change on an organisation's profile, as one value: compared field by field and merged
/// after a conflict (FieldConflicts). Values are kept as they are saved (trimmed, blanks as null).
/// </summary>
public sealed class ProfileSnapshot
{
    public string Name { get; set; } = "";
    public string? AlternateName { get; set; }
    public string Description { get; set; } = "";
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? MunicipalityCode { get; set; }
    public Dictionary<string, Dictionary<string, string>> Translations { get; set; } = [];

    public static ProfileSnapshot Capture(Organization o) => new()
    {
        Name = o.Name, AlternateName = o.AlternateName, Description = o.Description, Email = o.Email, Website = o.Website,
        MunicipalityCode = o.MunicipalityCode, Translations = Copy(o.Translations),
    };

    /// <summary>
    /// The profile as the form says, on top of <paramref name="saved"/>: translations in languages the form
    /// does not show are kept as saved.
    /// </summary>
    public static ProfileSnapshot FromInput(ProfileModel.ProfileInput input, ProfileSnapshot saved)
    {
        var translations = Copy(saved.Translations);
        foreach (var tr in input.Translations.Where(x => UiLanguages.Find(x.Lang) is not null && x.Lang != UiLanguages.Default))
        {
            var fields = translations.GetValueOrDefault(tr.Lang) ?? [];
            if (string.IsNullOrWhiteSpace(tr.Name)) fields.Remove("name"); else fields["name"] = tr.Name.Trim();
            if (string.IsNullOrWhiteSpace(tr.Description)) fields.Remove("description"); else fields["description"] = tr.Description.Trim();
            if (fields.Count > 0) translations[tr.Lang] = fields; else translations.Remove(tr.Lang);
        }
        return new ProfileSnapshot
        {
            Name = input.Name?.Trim() ?? "", AlternateName = Blank(input.AlternateName), Description = input.Description?.Trim() ?? "",
            Email = Blank(input.Email), Website = Blank(input.Website), MunicipalityCode = Blank(input.MunicipalityCode), Translations = translations,
        };
    }

    public void ApplyTo(Organization o)
    {
        o.Name = Name;
        o.AlternateName = AlternateName;
        o.Description = Description;
        o.Email = Email;
        o.Website = Website;
        o.MunicipalityCode = MunicipalityCode;
        o.Translations = Copy(Translations);
    }

    private static Dictionary<string, Dictionary<string, string>> Copy(Dictionary<string, Dictionary<string, string>> tr) =>
        tr.ToDictionary(kv => kv.Key, kv => new Dictionary<string, string>(kv.Value));

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
