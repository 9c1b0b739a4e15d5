using Microsoft.Extensions.Primitives;

namespace Samla.Web.Features.Coverage;

/// <summary>
/// Reads a coverage request from a query string, with the API's English names (`by`, `target_group`,
/// `verified_only`, `county`) or the pages' Swedish ones (`malgrupp`, `verifierade`, `lan`), and writes it back.
/// Several values of one filter may be given comma-separated or repeated.
/// </summary>
public static class CoverageParameters
{
    public const string ApiCounty = "county";
    public const string ApiVerifiedOnly = "verified_only";
    public const string PageCounty = "lan";
    public const string PageVerifiedOnly = "verifierade";

    public static CoverageFilter ReadFilter(IQueryCollection query, bool api)
    {
        var filter = new CoverageFilter
        {
            VerifiedOnly = IsTrue(query[api ? ApiVerifiedOnly : PageVerifiedOnly]),
        };
        foreach (var d in CoverageDimensions.All)
        {
            var values = Split(query[api ? d.ApiKey() : d.PageKey()]);
            if (values.Count > 0) filter.With(d, [.. values]);
        }
        return filter;
    }

    /// <summary>The county asked for, or <paramref name="defaultCounty"/> (<see cref="SamlaOptions.CountyCode"/>) when none or no code is given.</summary>
    public static string ReadCounty(IQueryCollection query, bool api, string defaultCounty)
    {
        var county = query[api ? ApiCounty : PageCounty].ToString().Trim();
        return county.Length is 1 or 2 && county.All(char.IsAsciiDigit) ? county.PadLeft(2, '0') : defaultCounty;
    }

    /// <summary>Parses `by` (a name given twice counts once); returns null and an error when a name is unknown.</summary>
    public static IReadOnlyList<CoverageDimension>? ReadBy(string? by, out string? error)
    {
        error = null;
        var list = new List<CoverageDimension>();
        foreach (var name in Split(by))
        {
            var d = CoverageDimensions.FromApiKey(name);
            if (d is null)
            {
                error = $"Unknown dimension '{name}'. Use any of: {string.Join(", ", CoverageDimensions.All.Select(x => x.ApiKey()))}.";
                return null;
            }
            if (!list.Contains(d.Value)) list.Add(d.Value);
        }
        return list;
    }

    /// <summary>The page query string for a request's filters (without `by`), plus extra pairs; empty values are left out.</summary>
    public static string PageQuery(CoverageRequest request, string defaultCounty, params (string Key, string? Value)[] extra) =>
        Build(Pairs(request, api: false, defaultCounty).Concat(extra));

    public static string ApiQuery(CoverageRequest request, string defaultCounty, params (string Key, string? Value)[] extra) =>
        Build(Pairs(request, api: true, defaultCounty).Concat(extra));

    private static IEnumerable<(string Key, string? Value)> Pairs(CoverageRequest r, bool api, string defaultCounty)
    {
        if (r.County != defaultCounty) yield return (api ? ApiCounty : PageCounty, r.County);
        foreach (var (d, codes) in r.Filter.Include.OrderBy(kv => kv.Key))
        {
            if (codes.Count > 0) yield return (api ? d.ApiKey() : d.PageKey(), string.Join(',', codes.Order(StringComparer.Ordinal)));
        }
        if (r.Filter.VerifiedOnly) yield return (api ? ApiVerifiedOnly : PageVerifiedOnly, "true");
    }

    private static string Build(IEnumerable<(string Key, string? Value)> pairs)
    {
        // Later pairs (the extras) win over the request's own filters; an empty extra removes a filter.
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (key, value) in pairs)
        {
            if (!map.ContainsKey(key)) order.Add(key);
            map[key] = value;
        }
        var parts = order.Where(k => !string.IsNullOrEmpty(map[k]))
            .Select(k => $"{Uri.EscapeDataString(k)}={Uri.EscapeDataString(map[k]!)}")
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static List<string> Split(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static List<string> Split(string? value) => Split(new StringValues(value));

    private static bool IsTrue(StringValues v) =>
        v.Any(x => x is not null && (x.Equals("true", StringComparison.OrdinalIgnoreCase) || x == "1" || x.Equals("on", StringComparison.OrdinalIgnoreCase)));
}
