using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;
using Samla.Web.Features.Search;

namespace Samla.Web.Features.Improvement;

/// <summary>A published summary as a search hit.</summary>
public sealed record LearningHit(Guid Id, string Title, string Owner, string Worked, DateTime PublishedAt, bool IsPublic);

/// <summary>A municipality × target group cell without such support yet.</summary>
public sealed record UncoveredCell(string Municipality, string TargetGroup);

/// <summary>
/// The shared learning library: published summaries, searched with the directory's Swedish analysis (folding, stop
/// words, Snowball stems; a query word matches a stem or the start of a word), and "do more of what works": where an
/// example's kind of support is not yet found.
/// </summary>
public sealed class LearningLibrary(SamlaDbContext db, CoverageQuery coverage, IOptions<SamlaOptions> options)
{
    public async Task<IReadOnlyList<LearningHit>> SearchAsync(string? query, bool publicOnly, CancellationToken ct)
    {
        var rows = await db.Set<Initiative>().AsNoTracking()
            .Where(i => i.SummaryPublishedAt != null && (!publicOnly || i.SummaryIsPublic))
            .Select(i => new
            {
                i.Id,
                i.Title,
                Owner = i.OwnerOrganization.Name,
                i.SummaryTried,
                i.SummaryWorked,
                i.SummaryToRepeat,
                i.Lessons,
                i.Problem,
                i.Goal,
                PublishedAt = i.SummaryPublishedAt!.Value,
                i.SummaryIsPublic,
            })
            .ToListAsync(ct);
        var words = string.IsNullOrWhiteSpace(query) ? [] : SwedishTextAnalyzer.Words(query);
        return rows
            .Where(r => words.Count == 0 || Matches(words, string.Join(" ", r.Title, r.Owner, r.SummaryTried, r.SummaryWorked, r.SummaryToRepeat, r.Lessons, r.Problem, r.Goal)))
            .OrderByDescending(r => r.PublishedAt)
            .Select(r => new LearningHit(r.Id, r.Title, r.Owner, r.SummaryWorked, r.PublishedAt, r.SummaryIsPublic))
            .ToList();
    }

    /// <summary>Every query word must match a word of the text: the same stem, or the start of the (folded) word.</summary>
    public static bool Matches(IReadOnlyList<QueryWord> query, string text)
    {
        var doc = SwedishTextAnalyzer.Words(text);
        var stems = doc.SelectMany(d => d.Terms.Concat(d.Parts)).ToHashSet(StringComparer.Ordinal);
        return query.All(q => q.Terms.Any(stems.Contains) || doc.Any(d => d.Raw.StartsWith(q.Raw, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Where the example's support is not yet found: municipality × target group cells (the target groups of its needs,
    /// every municipality of the county) with no active public service at the MHPSS layers of the services it created or
    /// changed (any layer when it has none linked).
    /// </summary>
    public async Task<IReadOnlyList<UncoveredCell>> UncoveredAsync(InitiativeData data, CancellationToken ct)
    {
        var facts = await coverage.LoadAsync(options.Value.CountyCode, includeNonPublic: false, ct);
        var groups = data.Needs.Any(n => n.TargetGroups.Count == 0)
            ? facts.Domains[CoverageDimension.TargetGroup].Select(v => v.Code).ToList()
            : data.Needs.SelectMany(n => n.TargetGroups).Distinct().ToList();
        var linked = data.Services.Select(s => s.Id).ToHashSet();
        var layers = facts.Services.Where(s => linked.Contains(s.Id)).SelectMany(s => s[CoverageDimension.Layer]).Distinct().ToArray();
        var filter = new CoverageFilter { VerifiedOnly = true };
        if (layers.Length > 0) filter.With(CoverageDimension.Layer, layers);
        var active = facts.Services.Where(filter.Passes).ToList();
        var cells = new List<UncoveredCell>();
        foreach (var m in facts.Domains[CoverageDimension.Municipality])
        {
            foreach (var g in groups)
            {
                if (!active.Any(s => s[CoverageDimension.Municipality].Contains(m.Code) && s[CoverageDimension.TargetGroup].Contains(g)))
                {
                    cells.Add(new UncoveredCell(m.Label, facts.Domains[CoverageDimension.TargetGroup].FirstOrDefault(v => v.Code == g)?.Label ?? g));
                }
            }
        }
        return cells;
    }
}
