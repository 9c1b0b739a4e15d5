using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Samla.Web.Features.Exchange;

/// <summary>JSON settings for everything HSDS that Samla writes or reads: nulls omitted, å/ä/ö and other scripts kept readable.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        AllowTrailingCommas = false,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public const string Profile = "https://samla.example/hsds/profile";

    public static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;
}
