using System.Reflection;
using System.Text.RegularExpressions;
using Samla.Web.Data;

namespace Samla.Tests.Core;

/// <summary>
/// Dependencies point one way (docs/ARCHITECTURE.md): features → core → data. Data knows neither the core nor any
/// feature; the core knows no feature; a feature uses another feature only where <see cref="AllowedFeatureUses"/> says so.
/// Checked on the source (using directives and qualified names, .cs and .cshtml, _ViewImports included) and on the
/// compiled signatures (base types, fields, properties, method and constructor parameters).
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>
    /// The only places one feature may use another. Shared is the page shell (layout, shared texts) every feature may use.
    /// A new feature is added here only with a reason; anything else goes through the core.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedFeatureUses = new Dictionary<string, string[]>
    {
        ["Shared"] = ["Improvement", "Meetings", "Preparedness", "Surveys", "Workspace"], // the layout: preparedness notice, menu texts
        ["Account"] = ["Admin"],                      // invitations and two-step set-up (Admin/Invitations.cs, TwoFactorGate)
        ["Admin"] = ["Workspace"],                    // organisation and user forms reuse the workspace's texts and inputs
        ["Coverage"] = ["Improvement", "Meetings", "Needs", "Preparedness", "Search", "Surveys"], // the coordination overview links every coordination feature
        ["Needs"] = ["Coverage", "Preparedness"],     // a need's priority is assessed on coverage facts
        ["Preparedness"] = ["Coverage", "Directory", "Needs"], // surge planning on coverage facts; schedule text
        ["Workspace"] = ["Directory", "Meetings"],    // schedule text on the service form; the organisation's open action items
        ["Improvement"] = ["Coverage", "Needs", "Search"], // initiatives start from needs; gaps from coverage; the library's Swedish analysis
        ["Meetings"] = ["Coverage", "Needs", "Workspace"], // action items link needs; board CSV export; demo round edits through ServiceChanges
        ["Surveys"] = ["Coverage"],                   // closed answers drawn with the coverage feature's bar chart
        ["Exchange"] = ["Search"],                    // /api/hsds/services answers filters from the search engine
    };

    private static readonly string Root = FindRoot();
    private static readonly string Web = Path.Combine(Root, "src", "Samla.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samla.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Samla.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Samla\.Web\.(Core|Data|Infrastructure|Features\.(\w+))\b")]
    private static partial Regex Reference();

    /// <summary>Every source file with its layer ("Data", "Core", "Infrastructure", "Feature:X") and the layers it names.</summary>
    private static IEnumerable<(string File, string Layer, IReadOnlySet<string> Uses)> Sources()
    {
        foreach (var file in Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Web, file).Replace('\\', '/');
            if (!(rel.EndsWith(".cs", StringComparison.Ordinal) || rel.EndsWith(".cshtml", StringComparison.Ordinal))) continue;
            if (rel.StartsWith("obj/", StringComparison.Ordinal) || rel.StartsWith("bin/", StringComparison.Ordinal) || rel.Contains("/Migrations/", StringComparison.Ordinal)) continue;
            var parts = rel.Split('/');
            var layer = parts[0] switch
            {
                "Features" when parts.Length > 2 => "Feature:" + parts[1],
                "Features" => "Feature:*",
                "Data" or "Core" or "Infrastructure" => parts[0],
                _ => "Host",
            };
            var uses = Reference().Matches(File.ReadAllText(file))
                .Select(m => m.Groups[2].Success ? "Feature:" + m.Groups[2].Value : m.Groups[1].Value)
                .Where(u => u != layer)
                .ToHashSet();
            yield return (rel, layer, uses);
        }
    }

    [Fact]
    public void The_data_layer_uses_neither_the_core_nor_a_feature()
    {
        var wrong = Sources().Where(s => s.Layer == "Data")
            .SelectMany(s => s.Uses.Where(u => u != "Data").Select(u => $"{s.File} uses {u}")).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_core_uses_no_feature()
    {
        var wrong = Sources().Where(s => s.Layer == "Core")
            .SelectMany(s => s.Uses.Where(u => u.StartsWith("Feature:", StringComparison.Ordinal) || u == "Infrastructure").Select(u => $"{s.File} uses {u}")).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void A_feature_uses_another_only_where_allowed()
    {
        var wrong = new List<string>();
        foreach (var (file, layer, uses) in Sources().Where(s => s.Layer.StartsWith("Feature:", StringComparison.Ordinal) && s.Layer != "Feature:*"))
        {
            var feature = layer["Feature:".Length..];
            var allowed = AllowedFeatureUses.GetValueOrDefault(feature) ?? [];
            foreach (var use in uses.Where(u => u.StartsWith("Feature:", StringComparison.Ordinal)))
            {
                var other = use["Feature:".Length..];
                if (other != "Shared" && !allowed.Contains(other)) wrong.Add($"{file}: {feature} uses {other}");
            }
        }
        Assert.True(wrong.Count == 0, "Not in ArchitectureTests.AllowedFeatureUses (go through the core instead):\n" + string.Join("\n", wrong.Distinct()));
    }

    [Fact]
    public void The_source_check_sees_the_known_dependencies()
    {
        // Guards the check itself: if the scan found nothing, the rules above would pass on anything.
        var sources = Sources().ToList();
        Assert.Contains(sources, s => s.Layer == "Feature:Exchange" && s.Uses.Contains("Feature:Search"));
        Assert.Contains(sources, s => s.Layer == "Core" && s.Uses.Contains("Data"));
        Assert.Contains(sources, s => s.Layer == "Feature:Needs" && s.Uses.Contains("Feature:Coverage"));
    }

    [Fact]
    public void Every_clock_read_goes_through_TimeProvider_and_no_setting_is_read_by_key()
    {
        var wrong = Sources().Select(s => (s.File, Text: File.ReadAllText(Path.Combine(Web, s.File))))
            .SelectMany(s => ClockOrKey().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();
        Assert.True(wrong.Count == 0, "Use the injected TimeProvider (db.Clock in the data layer) and bound options:\n" + string.Join("\n", wrong));
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(UtcNow|Now|Today)\b|\[""Samla:[^""]*""\]|GetValue(<[^>]+>)?\(""Samla:")]
    private static partial Regex ClockOrKey();

    [Fact]
    public void Compiled_signatures_point_the_same_way()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var wrong = new List<string>();
        foreach (var type in typeof(SamlaDbContext).Assembly.GetTypes())
        {
            var layer = LayerOf(type);
            if (layer is not ("Data" or "Core")) continue;
            var named = new List<Type?> { type.BaseType };
            named.AddRange(type.GetInterfaces());
            named.AddRange(type.GetFields(all).Select(f => f.FieldType));
            named.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                named.AddRange(m.GetParameters().Select(p => p.ParameterType));
                if (m is MethodInfo mi) named.Add(mi.ReturnType);
            }
            foreach (var t in named.OfType<Type>().SelectMany(Flatten).Distinct())
            {
                var used = LayerOf(t);
                var bad = layer == "Data" ? used is "Core" || used?.StartsWith("Feature:", StringComparison.Ordinal) == true
                    : used?.StartsWith("Feature:", StringComparison.Ordinal) == true;
                if (bad) wrong.Add($"{type.FullName} ({layer}) names {t.FullName} ({used})");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Distinct()));

        static IEnumerable<Type> Flatten(Type t)
        {
            yield return t;
            if (t.HasElementType) foreach (var e in Flatten(t.GetElementType()!)) yield return e;
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments().SelectMany(Flatten)) yield return a;
        }
    }

    private static string? LayerOf(Type type)
    {
        var ns = type.Namespace ?? "";
        if (ns.StartsWith("Samla.Web.Data", StringComparison.Ordinal)) return "Data";
        if (ns.StartsWith("Samla.Web.Core", StringComparison.Ordinal)) return "Core";
        if (ns.StartsWith("Samla.Web.Features.", StringComparison.Ordinal)) return "Feature:" + ns.Split('.')[3];
        return null;
    }
}
