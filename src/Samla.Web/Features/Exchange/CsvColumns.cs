using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samla.Web.Features.Exchange;

/// <summary>
/// Maps the scalar members of an HSDS object to CSV columns by their HSDS (JSON) names, both ways, so that
/// the tabular data package and the JSON forms cannot drift apart.
/// </summary>
public static class CsvColumns
{
    public static IReadOnlyList<(string Name, PropertyInfo Property)> Of<T>() => Cache<T>.Columns;

    private static class Cache<T>
    {
        public static readonly IReadOnlyList<(string Name, PropertyInfo Property)> Columns = typeof(T).GetProperties()
            .Where(p => IsScalar(p.PropertyType))
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p))
            .ToList();
    }

    private static bool IsScalar(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u.IsPrimitive || u == typeof(string) || u == typeof(Guid) || u == typeof(DateTime)
            || u == typeof(Dictionary<string, Dictionary<string, string>>);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        Dictionary<string, Dictionary<string, string>> t => t.Count == 0 ? "" : JsonSerializer.Serialize(t, HsdsJson.Options),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Parses a cell into the member's type; false when the text does not fit.</summary>
    public static bool TryParse(string text, Type type, out object? value)
    {
        value = null;
        if (text.Length == 0) return true;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) { value = text; return true; }
        if (t == typeof(Guid)) { var ok = Guid.TryParse(text, out var g); value = g; return ok; }
        if (t == typeof(int)) { var ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i); value = i; return ok; }
        if (t == typeof(double)) { var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d); value = d; return ok; }
        if (t == typeof(bool)) { var ok = bool.TryParse(text, out var b); value = b; return ok; }
        if (t == typeof(DateTime))
        {
            var ok = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d);
            value = DateTime.SpecifyKind(d, DateTimeKind.Utc);
            return ok;
        }
        try
        {
            value = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(text, HsdsJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
