using System.Net;
using System.Text.RegularExpressions;

namespace Samla.Tests.Infrastructure;

/// <summary>
/// Reads the fields a browser would post from one form of a server-rendered page: inputs (checked boxes only),
/// text areas and the selected option of each select. Enough for the app's own markup. Self-contained (no test
/// framework): bench/load/LoadDriver compiles this same file.
/// </summary>
public static partial class FormReader
{
    /// <summary>The fields of the first form that contains a field called <paramref name="containing"/>.</summary>
    public static List<KeyValuePair<string, string>> Fields(string html, string containing)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var fields = Read(form.Value);
            if (fields.Any(f => f.Key == containing)) return fields;
        }
        throw new InvalidOperationException($"No form with a field {containing}.\n{(html.Length <= 4000 ? html : html[..4000] + " …")}");
    }

    public static List<KeyValuePair<string, string>> Read(string form)
    {
        var fields = new List<(int Position, string Name, string Value)>();
        foreach (Match input in InputTag().Matches(form))
        {
            var name = Attr(input.Value, "name");
            var type = Attr(input.Value, "type") ?? "text";
            if (name is null || type is "submit" or "button") continue;
            if (type is "checkbox" or "radio" && !CheckedAttr().IsMatch(input.Value)) continue;
            fields.Add((input.Index, name, Attr(input.Value, "value") ?? (type == "checkbox" ? "on" : "")));
        }
        foreach (Match area in TextAreaElement().Matches(form))
        {
            var name = Attr(area.Groups[1].Value, "name");
            if (name is not null) fields.Add((area.Index, name, WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\r', '\n')));
        }
        foreach (Match select in SelectElement().Matches(form))
        {
            var name = Attr(select.Groups[1].Value, "name");
            if (name is null) continue;
            var options = OptionTag().Matches(select.Groups[2].Value).ToList();
            var chosen = options.FirstOrDefault(o => SelectedAttr().IsMatch(o.Value)) ?? options.FirstOrDefault();
            fields.Add((select.Index, name, chosen is null ? "" : Attr(chosen.Value, "value") ?? ""));
        }
        return fields.OrderBy(f => f.Position).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
    }

    public static List<KeyValuePair<string, string>> Set(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, string name)
    {
        fields.RemoveAll(f => f.Key == name);
        return fields;
    }

    public static string? Value(this List<KeyValuePair<string, string>> fields, string name) =>
        fields.FirstOrDefault(f => f.Key == name).Value;

    private static string? Attr(string tag, string name)
    {
        var m = new Regex($"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase).Match(tag);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaElement();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectElement();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionTag();

    [GeneratedRegex("\\schecked(=\"[^\"]*\")?[\\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex CheckedAttr();

    [GeneratedRegex("\\sselected(=\"[^\"]*\")?[\\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex SelectedAttr();
}
