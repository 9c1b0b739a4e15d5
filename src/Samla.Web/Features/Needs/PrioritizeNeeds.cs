using System.Globalization;
using Microsoft.Extensions.Localization;
using Samla.Web.Features.Coverage;

namespace Samla.Web.Features.Needs;

/// <summary>What prioritising a need takes from it.</summary>
public sealed record NeedFacts(
    Guid Id, string County, int Severity, int? PeopleAffected,
    IReadOnlyList<string> TargetGroups, IReadOnlyList<string> AgeGroups, IReadOnlyList<string> Municipalities,
    PriorityLevel? Override)
{
    public static NeedFacts Of(Need n) =>
        new(n.Id, n.CountyCode, n.Severity, n.PeopleAffected, n.TargetGroups, n.AgeGroups, n.MunicipalityCodes, n.PriorityOverride);
}

public sealed record NeedAssessment(PriorityResult Computed, PriorityLevel Effective, string Explanation)
{
    public bool IsOverridden => Computed.Level != Effective;
}

/// <summary>Looks up the coverage of each need's cells (municipality × target group, by layer, for its age groups) and computes its priority.</summary>
public sealed class PrioritizeNeeds(CoverageQuery coverage, IStringLocalizer<NeedsText> t)
{
    public async Task<IReadOnlyDictionary<Guid, NeedAssessment>> AssessAsync(IEnumerable<NeedFacts> needs, CancellationToken ct)
    {
        var result = new Dictionary<Guid, NeedAssessment>();
        foreach (var county in needs.GroupBy(n => n.County))
        {
            var facts = await coverage.LoadAsync(county.Key, includeNonPublic: false, ct);
            foreach (var need in county) result[need.Id] = Assess(facts, need);
        }
        return result;
    }

    public NeedAssessment Assess(CountyFacts facts, NeedFacts need)
    {
        var cells = Cells(facts, need);
        var computed = NeedPriority.Compute(need.Severity, need.PeopleAffected, cells);
        return new NeedAssessment(computed, need.Override ?? computed.Level, Explain(computed, need));
    }

    public static IReadOnlyList<GapCell> Cells(CountyFacts facts, NeedFacts need)
    {
        var filter = new CoverageFilter();
        var municipalities = facts.Domains[CoverageDimension.Municipality].Select(v => v.Code)
            .Where(c => need.Municipalities.Count == 0 || need.Municipalities.Contains(c)).ToArray();
        var groups = facts.Domains[CoverageDimension.TargetGroup].Select(v => v.Code)
            .Where(c => need.TargetGroups.Count == 0 || need.TargetGroups.Contains(c)).ToArray();
        if (municipalities.Length == 0 || groups.Length == 0) return [];
        filter.With(CoverageDimension.Municipality, municipalities).With(CoverageDimension.TargetGroup, groups);
        if (need.AgeGroups.Count > 0) filter.With(CoverageDimension.AgeGroup, [.. need.AgeGroups]);

        var byLayer = CoverageQuery.Run(facts, new CoverageRequest(facts.County, [CoverageDimension.Municipality, CoverageDimension.TargetGroup, CoverageDimension.Layer], filter));
        var totals = CoverageQuery.Run(facts, new CoverageRequest(facts.County, [CoverageDimension.Municipality, CoverageDimension.TargetGroup], filter));
        return totals.Cells.Select(c => new GapCell(
                totals.Label(CoverageDimension.Municipality, c.Keys[0]),
                totals.Label(CoverageDimension.TargetGroup, c.Keys[1]),
                new[] { "1", "2", "3", "4" }.Select(l => byLayer.Find(c.Keys[0], c.Keys[1], l)?.Active ?? 0).ToList(),
                c.Stale))
            .ToList();
    }

    public string LevelName(PriorityLevel level) => t["Level_" + level];

    public string Explain(PriorityResult r, NeedFacts need)
    {
        var people = need.PeopleAffected is { } n ? t.Plural("PeopleAbout", n) : t["PeopleUnknown"].Value;
        var gap = r.Gap.Kind == GapKind.None
            ? t["Gap_None"].Value
            : t["Gap_" + r.Gap.Kind, r.Gap.Municipality!, r.Gap.TargetGroup!.ToLower(CultureInfo.CurrentCulture)].Value;
        if (r.Gap.OtherCells > 0) gap += " " + t["Gap_More", r.Gap.OtherCells];
        return t["Explanation", LevelName(r.Level), need.Severity, people, gap];
    }
}
