using System.Globalization;
using System.Text;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search.Relevance;

/// <summary>
/// A relevance set (query, the services that are right for it) and its figures: success at 3 (one right service among
/// the first three hits) and mean reciprocal rank (1/rank of the first right hit among the first 20, else 0).
/// </summary>
public sealed record RelevanceSet(string Name, IReadOnlyList<RelevanceSet.Judgement> Queries)
{
    /// <summary>One query. A right service is a name, optionally "name@1380" (that name in that municipality), or "@1380" (any service there).</summary>
    public sealed record Judgement(string Query, IReadOnlyList<string> Right, string Note);

    public sealed record Miss(string Query, int Rank, IReadOnlyList<string> Top, string Note);

    public sealed record Figures(string Set, int Queries, double SuccessAt3, double Mrr, IReadOnlyList<Miss> Misses)
    {
        public string Report()
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Relevance set '{Set}': {Queries} queries, success@3 {SuccessAt3:P1}, MRR {Mrr:F3}, misses {Misses.Count}");
            foreach (var m in Misses)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  MISS \"{m.Query}\" ({m.Note}): first right hit at {(m.Rank > 0 ? m.Rank.ToString(CultureInfo.InvariantCulture) : "none in 20")}; top 3: {string.Join(" | ", m.Top)}");
            }
            return text.ToString();
        }
    }

    public static RelevanceSet Load(string fileName)
    {
        var path = Locate(fileName);
        var queries = File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => new Judgement(p[0], p[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), p.Length > 2 ? p[2] : ""))
            .ToList();
        return new RelevanceSet(Path.GetFileNameWithoutExtension(fileName), queries);
    }

    /// <summary>The set's file in the source tree (the test runs from bin/...).</summary>
    private static string Locate(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Samla.Tests", "Search", "Relevance", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(fileName);
    }

    public static bool IsRight(SearchHit hit, IReadOnlyList<string> right) => right.Any(r =>
    {
        var at = r.LastIndexOf('@');
        var name = at < 0 ? r : r[..at];
        var municipality = at < 0 ? null : r[(at + 1)..];
        return (name.Length == 0 || string.Equals(hit.Name, name, StringComparison.Ordinal))
            && (municipality is null || hit.Municipalities.Contains(municipality));
    });

    public async Task<Figures> EvaluateAsync(Func<SearchRequest, Task<SearchResult>> search)
    {
        var misses = new List<Miss>();
        double successes = 0, reciprocal = 0;
        foreach (var q in Queries)
        {
            var result = await search(new SearchRequest { Text = q.Query, PageSize = 20, CountFacets = false });
            var rank = 0;
            for (var i = 0; i < result.Hits.Count; i++)
            {
                if (IsRight(result.Hits[i], q.Right))
                {
                    rank = i + 1;
                    break;
                }
            }
            if (rank is > 0 and <= 3) successes++;
            else misses.Add(new Miss(q.Query, rank, [.. result.Hits.Take(3).Select(h => $"{h.Name} ({h.Score:0.#})")], q.Note));
            if (rank > 0) reciprocal += 1.0 / rank;
        }
        return new Figures(Name, Queries.Count, successes / Queries.Count, reciprocal / Queries.Count, misses);
    }

    /// <summary>Writes the report where the benchmark script reads it (SAMLA_RELEVANCE_REPORT), if it asked.</summary>
    public static void Publish(Figures figures)
    {
        if (Environment.GetEnvironmentVariable("SAMLA_RELEVANCE_REPORT") is { Length: > 0 } file) File.AppendAllText(file, figures.Report());
    }
}
