using System.Text.RegularExpressions;

namespace Samla.Tests.Core;

/// <summary>The documentation (README.md, docs/*.md) names only files and folders that exist in the repository.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Where a path in the docs may be written from: the repository root, the app (Core/…, Features/…), the tests.</summary>
    private static readonly string[] Bases = ["", "src/Samla.Web", "src", "tests", "tests/Samla.Tests"];

    /// <summary>Paths the app or a run creates, not the repository.</summary>
    private static readonly string[] Created = ["src/Samla.Web/App_Data/samla.db"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samla.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Samla.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A path as the docs write one: a file name with a source or doc extension (<c>Entities.cs</c>, <c>docs/DEVELOPING.md</c>),
    /// or a path starting at a folder of the repository or the app (<c>Features/Coverage/CoverageQuery</c>, <c>bench/seed/</c>).
    /// </summary>
    [GeneratedRegex(@"(?<![\w/.:@-])((?:src|tests|docs|bench|scripts|Core|Data|Features|Infrastructure)/[\w./-]*[\w/]|(?:[\w.-]+/)*[\w-]+\.(?:cs|cshtml|md|sh|props|sln|csproj|resx|json|txt))(?![\w/])")]
    private static partial Regex PathLike();

    public static IEnumerable<object[]> Documents() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"))
            .Select(f => new object[] { Path.GetRelativePath(Root, f).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_path_a_document_names_exists(string document)
    {
        var text = File.ReadAllText(Path.Combine(Root, document));
        var names = FileNames.Value;
        var missing = PathLike().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.'))
            .Where(p => !Created.Contains(p) && !Exists(p, Path.GetDirectoryName(document)!, names))
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"{document} names paths that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_check_finds_paths_and_misses()
    {
        var names = FileNames.Value;
        Assert.True(Exists("Core/PublicVisibility.cs", "docs", names));
        Assert.True(Exists("Features/Coverage/CoverageQuery", "docs", names)); // a type named by its file without .cs
        Assert.True(Exists("Entities.cs", "", names));                         // a file name alone, anywhere in the repository
        Assert.False(Exists("Core/NoSuchRule.cs", "docs", names));
        Assert.False(Exists("PROFILE.md", "docs", names));
        Assert.Contains("Core/OrganizationAccess.cs", PathLike().Matches("lives in `Core/OrganizationAccess.cs`.").Select(m => m.Groups[1].Value));
    }

    /// <summary>Every file name in the repository (outside build output), for docs that name a file without its folder.</summary>
    private static readonly Lazy<HashSet<string>> FileNames = new(() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal));

    private static bool Exists(string path, string documentFolder, HashSet<string> fileNames)
    {
        if (!path.Contains('/', StringComparison.Ordinal)) return fileNames.Contains(path);
        foreach (var b in Bases.Append(documentFolder))
        {
            var full = Path.Combine(Root, b, path);
            if (File.Exists(full) || Directory.Exists(full) || File.Exists(full + ".cs")) return true;
        }
        return false;
    }
}
