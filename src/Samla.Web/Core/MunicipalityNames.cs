namespace Samla.Web.Core;

/// <summary>
/// A municipality's official Swedish name as SCB writes it: the short name in the genitive before "kommun"
/// ("Halmstads kommun", "Falkenbergs kommun") except after a vowel or an s, x or z ("Hylte kommun", "Kungsbacka kommun",
/// "Borås kommun"), and Falun's old genitive ("Falu kommun"). The reference data (Data/Reference, from SCB's codes)
/// holds the short names only.
/// </summary>
public static class MunicipalityNames
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["Falun"] = "Falu kommun",
        ["Gotland"] = "Region Gotland",
    };

    public static string Official(string shortName)
    {
        if (string.IsNullOrWhiteSpace(shortName)) return shortName;
        if (Exceptions.TryGetValue(shortName, out var official)) return official;
        var last = char.ToLowerInvariant(shortName[^1]);
        var genitive = "aeiouyåäösxz".Contains(last, StringComparison.Ordinal) ? shortName : shortName + "s";
        return genitive + " kommun";
    }
}
