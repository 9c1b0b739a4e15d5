using System.Net;
using System.Text.RegularExpressions;

namespace Samla.Tests.Infrastructure;

/// <summary>Just enough HTML reading for server-rendered pages; the browser tests cover the rest.</summary>
public static partial class Html
{
    public static string? AntiforgeryToken(string html)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (!input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal)) continue;
            var value = ValueAttribute().Match(input.Value);
            if (value.Success) return WebUtility.HtmlDecode(value.Groups[1].Value);
        }
        return null;
    }

    public static IReadOnlyList<string> H1s(string html) =>
        H1Element().Matches(html).Select(m => Text(m.Groups[1].Value)).ToList();

    /// <summary>Local links whose path starts with <paramref name="prefix"/>, in page order, without duplicates.</summary>
    public static IReadOnlyList<string> Links(string html, string prefix) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => h.StartsWith(prefix, StringComparison.Ordinal) && h.Length > prefix.Length)
            .Distinct(StringComparer.Ordinal).ToList();

    public static string? Attribute(string html, string tag, string attribute)
    {
        var element = new Regex($"<{tag}\\b[^>]*>", RegexOptions.IgnoreCase).Match(html);
        if (!element.Success) return null;
        var value = new Regex($"\\b{attribute}=\"([^\"]*)\"", RegexOptions.IgnoreCase).Match(element.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    public static string Text(string fragment) =>
        WebUtility.HtmlDecode(Whitespace().Replace(Tag().Replace(fragment, " "), " ")).Trim();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<h1\\b[^>]*>(.*?)</h1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex H1Element();

    [GeneratedRegex("\\bhref=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
