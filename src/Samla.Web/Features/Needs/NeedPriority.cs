namespace Samla.Web.Features.Needs;

/// <summary>Active services per MHPSS layer (index 0 = layer 1) and stale ones in one municipality × target group cell a need concerns.</summary>
public sealed record GapCell(string Municipality, string TargetGroup, IReadOnlyList<int> ActiveByLayer, int Stale)
{
    public int Active(int layer) => ActiveByLayer[layer - 1];
}

/// <summary>How bad the worst matching cell is, worst last.</summary>
public enum GapKind
{
    None,
    NoLayer4,
    NoLayer3,
    OnlyStale,
    NoSupport,
}

/// <summary>The worst gap among the need's cells, the first cell that has it, and how many other cells share it.</summary>
public sealed record GapFinding(GapKind Kind, string? Municipality, string? TargetGroup, int OtherCells);

public sealed record PriorityResult(int Score, PriorityLevel Level, int SeverityPoints, int ReachPoints, int GapPoints, GapFinding Gap);

/// <summary>
/// Priority = 2 × severity (2–10) + reach (people affected: under 10 → 0, 10–49 → 1, 50–199 → 2, 200–999 → 3,
/// 1000 or more → 4) + gap in the worst matching cell (no active support at all, or only stale entries → 3;
/// nothing on layer 3 → 2; nothing on layer 4 → 1; all layers covered → 0). Score 12 or more is high, 8–11
/// medium, below 8 low. Severity weighs most, so that the greatest need is met first; reach and the gap in
/// support raise it.
/// </summary>
public static class NeedPriority
{
    public const int HighFrom = 12;
    public const int MediumFrom = 8;

    public static PriorityResult Compute(int severity, int? peopleAffected, IReadOnlyList<GapCell> cells)
    {
        var severityPoints = 2 * Math.Clamp(severity, 1, 5);
        var reachPoints = peopleAffected switch
        {
            null or < 10 => 0,
            < 50 => 1,
            < 200 => 2,
            < 1000 => 3,
            _ => 4,
        };
        var gap = WorstGap(cells);
        var gapPoints = gap.Kind switch
        {
            GapKind.NoSupport or GapKind.OnlyStale => 3,
            GapKind.NoLayer3 => 2,
            GapKind.NoLayer4 => 1,
            _ => 0,
        };
        var score = severityPoints + reachPoints + gapPoints;
        var level = score >= HighFrom ? PriorityLevel.High : score >= MediumFrom ? PriorityLevel.Medium : PriorityLevel.Low;
        return new PriorityResult(score, level, severityPoints, reachPoints, gapPoints, gap);
    }

    public static GapKind KindOf(GapCell c) =>
        c.ActiveByLayer.Sum() == 0 ? (c.Stale > 0 ? GapKind.OnlyStale : GapKind.NoSupport)
        : c.Active(3) == 0 ? GapKind.NoLayer3
        : c.Active(4) == 0 ? GapKind.NoLayer4
        : GapKind.None;

    public static GapFinding WorstGap(IReadOnlyList<GapCell> cells)
    {
        if (cells.Count == 0) return new GapFinding(GapKind.None, null, null, 0);
        var kinds = cells.Select(c => (Cell: c, Kind: KindOf(c))).ToList();
        var worst = kinds.Max(k => k.Kind);
        if (worst == GapKind.None) return new GapFinding(GapKind.None, null, null, 0);
        var first = kinds.First(k => k.Kind == worst).Cell;
        return new GapFinding(worst, first.Municipality, first.TargetGroup, kinds.Count(k => k.Kind == worst) - 1);
    }
}
