using System.Text.RegularExpressions;
using System.Xml.Linq;
using Samla.Web.Core;

namespace Samla.Tests.Core;

/// <summary>
/// No page shows a raw resource key ("PrintHint"): every key a view asks its localizer for exists in that localizer's
/// neutral (Swedish) resx, and every translation of a text set has every key of the Swedish one (a missing one would
/// fall back to Swedish, or for a plural form to the wrong language's form). A translation may add plural forms
/// (<c>Key_few</c>) and grammatical genders (<c>Ordinal_1_Feminine</c>) its language needs.
/// </summary>
public sealed partial class ResourceKeyTests
{
    private static readonly string Web = Path.Combine(Root(), "src", "Samla.Web");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samla.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Samla.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Text set name → language ("" = neutral) → keys.</summary>
    private static readonly Dictionary<string, Dictionary<string, HashSet<string>>> Sets = LoadSets();

    private static Dictionary<string, Dictionary<string, HashSet<string>>> LoadSets()
    {
        var sets = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.resx", SearchOption.AllDirectories))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('.');
            var keys = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            if (!sets.TryGetValue(parts[0], out var languages)) sets[parts[0]] = languages = new(StringComparer.Ordinal);
            languages[parts.Length > 1 ? parts[1] : ""] = keys;
        }
        return sets;
    }

    [Fact]
    public void Every_translation_has_every_swedish_key()
    {
        var missing = Sets.SelectMany(set => set.Value.Where(l => l.Key != "")
                .SelectMany(l => set.Value[""].Except(l.Value).Select(k => $"{set.Key}.{l.Key}.resx lacks {k}")))
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void A_translation_adds_only_plural_forms_of_swedish_keys()
    {
        // Plural categories (Plurals) and the grammatical genders the schedule text agrees with (ScheduleText.Ordinal).
        var forms = new[] { "zero", "one", "two", "few", "many", "other", "Masculine", "Feminine", "Neuter" };
        bool Allowed(HashSet<string> swedish, string key) =>
            (key.LastIndexOf('_') is > 0 and var i && forms.Contains(key[(i + 1)..]) && swedish.Contains(key[..i]))
            || (key.StartsWith("DayGender_", StringComparison.Ordinal) && swedish.Contains("Day_" + key["DayGender_".Length..]));
        var extra = Sets.SelectMany(set => set.Value.Where(l => l.Key != "")
                .SelectMany(l => l.Value.Except(set.Value[""])
                    .Where(k => !Allowed(set.Value[""], k))
                    .Select(k => $"{set.Key}.{l.Key}.resx has {k}, which is no Swedish key nor a plural form of one")))
            .ToList();
        Assert.True(extra.Count == 0, string.Join("\n", extra));
    }

    [Fact]
    public void Public_text_sets_exist_in_all_seven_languages()
    {
        foreach (var set in new[] { "SharedText", "SearchText", "PublicPreparednessText", "SurveyAnswerText", "LearningText" })
        {
            Assert.True(Sets.ContainsKey(set), set);
            foreach (var language in UiLanguages.All.Select(l => l.Code).Where(c => c != UiLanguages.Default))
            {
                Assert.True(Sets[set].ContainsKey(language), $"{set} has no {language} translation");
            }
        }
    }

    [Fact]
    public void Every_key_a_view_asks_for_exists()
    {
        var missing = new List<string>();
        var root = Path.Combine(Web, "Features");
        foreach (var view in Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories))
        {
            // The localizers a view has: its own @inject lines and those of every _ViewImports above it.
            var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var dir = Path.GetDirectoryName(view)!; dir.StartsWith(root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir)!)
            {
                var imports = Path.Combine(dir, "_ViewImports.cshtml");
                if (File.Exists(imports)) AddInjections(File.ReadAllText(imports), localizers, overwrite: false);
            }
            var text = File.ReadAllText(view);
            AddInjections(text, localizers, overwrite: true);
            foreach (var (variable, set) in localizers)
            {
                if (!Sets.TryGetValue(set, out var languages)) continue;
                var keyUse = new Regex(@"(?<![\w.])" + Regex.Escape(variable) + @"(?:\[|\.Plural(?:Format)?\()""([^""]+)""(?!\s*\+)");
                foreach (Match m in keyUse.Matches(text))
                {
                    if (!languages[""].Contains(m.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(Web, view)}: {variable}[\"{m.Groups[1].Value}\"] is not in {set}.resx");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private static void AddInjections(string text, Dictionary<string, string> localizers, bool overwrite)
    {
        foreach (Match m in Injection().Matches(text))
        {
            var (set, variable) = (m.Groups[1].Value, m.Groups[2].Value);
            if (overwrite || !localizers.ContainsKey(variable)) localizers[variable] = set;
        }
    }

    [GeneratedRegex(@"@inject\s+(?:[\w.]*\.)?IStringLocalizer<(?:[\w.]*\.)?(\w+)>\s+(\w+)")]
    private static partial Regex Injection();
}
