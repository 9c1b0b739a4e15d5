using Microsoft.AspNetCore.Authorization;
using Samla.Web.Data;

namespace Samla.Web.Features.Coverage;

/// <summary>The county map shaded by the number of active services per municipality, with the same data as a table.</summary>
[Authorize]
public sealed class MapModel(CoverageQuery query, SamlaDbContext db, CountyMap map) : CoveragePage(query, db)
{
    /// <summary>Upper bounds of the two lower shading classes, thirds of the largest count so that any county and filter spreads.</summary>
    public (int Low, int Mid) Classes { get; private set; } = (1, 2);

    public CountyMap.Drawing? Drawing { get; private set; }
    public CoverageResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(includeNonPublic: false, ct);
        Drawing = map.Draw(Selection.County);
        Result = Run(CoverageDimension.Municipality);
        var max = Result.Cells.Select(c => c.Active).DefaultIfEmpty(0).Max();
        var low = Math.Max(1, (int)Math.Ceiling(max / 3.0));
        Classes = (low, Math.Max(low + 1, (int)Math.Ceiling(2 * max / 3.0)));
    }

    public CoverageCell CellOf(string municipality) =>
        Result.Find(municipality) ?? new CoverageCell([municipality], 0, 0);

    /// <summary>0 = gap, 1 = risk (stale only), 2 = 1 to Low active, 3 = up to Mid, 4 = more.</summary>
    public int Shade(CoverageCell c) =>
        c.IsGap ? 0 : c.IsAtRisk ? 1 : c.Active <= Classes.Low ? 2 : c.Active <= Classes.Mid ? 3 : 4;

    /// <summary>The legend's ranges: (from, to) for the three shaded classes, to = null for "or more".</summary>
    public IReadOnlyList<(int From, int? To)> Ranges => [(1, Classes.Low), (Classes.Low + 1, Classes.Mid), (Classes.Mid + 1, null)];
}
