using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Samla.Web.Features.Coverage;

/// <summary>
/// Draws a county's municipalities as SVG paths from the boundaries shipped in Data/Reference (okfse/sweden-geojson).
/// Equirectangular projection with longitude scaled by cos(mid latitude), which is true enough at county scale;
/// points closer than about a pixel are dropped to keep the page small. Drawings are cached per county.
/// </summary>
public sealed class CountyMap
{
    public const double Width = 520;
    private const double Padding = 12;
    private const double MinStep = 1.2;

    public sealed record Shape(string Code, string Name, string Path, double LabelX, double LabelY);

    public sealed record Drawing(double Width, double Height, IReadOnlyList<Shape> Shapes);

    private sealed record Feature(string Code, string Name, string County, double CenterLat, double CenterLon, List<List<(double Lon, double Lat)>> Rings);

    private readonly Lazy<List<Feature>> _features = new(Load);
    private readonly ConcurrentDictionary<string, Drawing?> _drawings = new(StringComparer.Ordinal);

    public Drawing? Draw(string county) => _drawings.GetOrAdd(county, c => Build(_features.Value.Where(f => f.County == c).ToList()));

    private static Drawing? Build(List<Feature> features)
    {
        if (features.Count == 0) return null;
        var points = features.SelectMany(f => f.Rings).SelectMany(r => r).ToList();
        var (minLon, maxLon) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var (minLat, maxLat) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = (Width - 2 * Padding) / ((maxLon - minLon) * k);
        var height = Math.Round((maxLat - minLat) * scale + 2 * Padding, 1);
        (double X, double Y) Project(double lon, double lat) =>
            (Math.Round(Padding + (lon - minLon) * k * scale, 1), Math.Round(Padding + (maxLat - lat) * scale, 1));

        var shapes = new List<Shape>();
        foreach (var f in features.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var path = new StringBuilder();
            var largest = f.Rings.OrderByDescending(r => r.Count).First();
            foreach (var ring in f.Rings)
            {
                var kept = new List<(double X, double Y)>();
                foreach (var (lon, lat) in ring)
                {
                    var p = Project(lon, lat);
                    if (kept.Count == 0 || Math.Abs(p.X - kept[^1].X) + Math.Abs(p.Y - kept[^1].Y) >= MinStep) kept.Add(p);
                }
                if (kept.Count < 4 && ring != largest) continue;
                path.Append('M');
                path.AppendJoin('L', kept.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#} {p.Y:0.#}")));
                path.Append('Z');
            }
            var (lx, ly) = Project(f.CenterLon, f.CenterLat);
            shapes.Add(new Shape(f.Code, f.Name, path.ToString(), lx, ly));
        }
        return new Drawing(Width, height, shapes);
    }

    private static List<Feature> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Data", "Reference", "swedish_municipalities.geojson");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var list = new List<Feature>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            var geometry = f.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var rings = polygons.SelectMany(poly => poly.EnumerateArray())
                .Select(ring => ring.EnumerateArray().Select(pt => (pt[0].GetDouble(), pt[1].GetDouble())).ToList())
                .ToList();
            var center = p.GetProperty("geo_point_2d");
            list.Add(new Feature(Code(p.GetProperty("id"), 4), p.GetProperty("kom_namn").GetString()!, Code(p.GetProperty("lan_code"), 2),
                center[0].GetDouble(), center[1].GetDouble(), rings));
        }
        return list;
    }

    private static string Code(JsonElement e, int width) =>
        (e.ValueKind == JsonValueKind.Number ? e.GetInt32().ToString(CultureInfo.InvariantCulture) : e.GetString()!).PadLeft(width, '0');
}
