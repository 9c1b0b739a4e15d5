using System.Text.RegularExpressions;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// A word-level difference between two texts, so that a small edit in a long description stands out instead of the
/// whole old text being struck out: the texts are split into words, runs of white space (line breaks kept) and single
/// punctuation marks, and the longest common subsequence of those tokens is kept; the rest is deleted or inserted.
/// </summary>
public static partial class WordDiff
{
    public enum Kind { Same, Deleted, Inserted }

    public sealed record Part(Kind Kind, string Text);

    /// <summary>Above this many token pairs (about 2 000 × 2 000 words) the texts are shown as replaced whole.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<Part> Compare(string? before, string? after)
    {
        if (IsOneWord(before) && IsOneWord(after) && before != after)
        {
            // An address, a number, a code: marking pieces of it ("processledare@" → "redaktor.", "@samla") helps nobody.
            return [.. new[] { new Part(Kind.Deleted, before ?? ""), new Part(Kind.Inserted, after ?? "") }.Where(p => p.Text.Length > 0)];
        }
        var a = Tokens(before ?? "");
        var b = Tokens(after ?? "");
        // Common start and end need no table.
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Count - start && end < b.Count - start && a[^(end + 1)] == b[^(end + 1)]) end++;

        var parts = new List<Part>();
        Add(parts, Kind.Same, a.Take(start));
        var midA = a.Skip(start).Take(a.Count - start - end).ToList();
        var midB = b.Skip(start).Take(b.Count - start - end).ToList();
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            Add(parts, Kind.Deleted, midA);
            Add(parts, Kind.Inserted, midB);
        }
        else
        {
            Middle(parts, midA, midB);
        }
        Add(parts, Kind.Same, a.Skip(a.Count - end));
        return Cleanup(parts);
    }

    /// <summary>
    /// A space kept between two changes is no anchor a reader needs ("<del>Språkcafé</del> <del>på</del>" for a name
    /// replaced whole): it joins the change, and each run of changes reads as one deletion followed by one insertion.
    /// </summary>
    private static List<Part> Cleanup(List<Part> parts)
    {
        var result = new List<Part>();
        var i = 0;
        while (i < parts.Count)
        {
            if (parts[i].Kind == Kind.Same)
            {
                result.Add(parts[i++]);
                continue;
            }
            string deleted = "", inserted = "";
            while (i < parts.Count)
            {
                var p = parts[i];
                if (p.Kind == Kind.Deleted) deleted += p.Text;
                else if (p.Kind == Kind.Inserted) inserted += p.Text;
                else if (string.IsNullOrWhiteSpace(p.Text) && i + 1 < parts.Count && parts[i + 1].Kind != Kind.Same)
                {
                    deleted += p.Text;
                    inserted += p.Text;
                }
                else break;
                i++;
            }
            if (deleted.Length > 0) result.Add(new Part(Kind.Deleted, deleted));
            if (inserted.Length > 0) result.Add(new Part(Kind.Inserted, inserted));
        }
        return result;
    }

    private static void Middle(List<Part> parts, List<string> a, List<string> b)
    {
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Add(parts, Kind.Same, [a[x]]);
                x++;
                y++;
            }
            else if (x < a.Count && (y == b.Count || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                Add(parts, Kind.Deleted, [a[x]]);
                x++;
            }
            else
            {
                Add(parts, Kind.Inserted, [b[y]]);
                y++;
            }
        }
    }

    /// <summary>Appends tokens, merging with the last part of the same kind.</summary>
    private static void Add(List<Part> parts, Kind kind, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0) return;
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new Part(kind, text));
        }
    }

    private static bool IsOneWord(string? text) => !string.IsNullOrEmpty(text) && !text.Any(char.IsWhiteSpace);

    private static List<string> Tokens(string text) => TokenPattern().Matches(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]")]
    private static partial Regex TokenPattern();
}
