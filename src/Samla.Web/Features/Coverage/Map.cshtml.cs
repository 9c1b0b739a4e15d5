using Microsoft.AspNetCore.Authorization;
using Samla.Web.Data;

namespace Samla.Web.Features.Coverage;

/// <summary>The county map shaded by the number of active services per municipality, with the same data as a table.</summary>
[Authorize]
public sealed class MapModel(CoverageQuery query, SamlaDbContext db, CountyMap map) : CoveragePage(query, db)
{
    /// <summary>Upper bounds of the shading classes; 0 is a gap and has its own pattern.</summary>
    public static readonly int[] Classes = [2, 5];

    public CountyMap.Drawing? Drawing { get; private set; }
    public CoverageResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(includeNonPublic: false, ct);
        Drawing = map.Draw(Selection.County);
        Result = Run(CoverageDimension.Municipality);
    }

    public CoverageCell CellOf(string municipality) =>
        Result.Find(municipality) ?? new CoverageCell([municipality], 0, 0);

    /// <summary>0 = gap, 1 = risk (stale only), 2 = 1–2 active, 3 = 3–5, 4 = 6 or more.</summary>
    public static int Shade(CoverageCell c) =>
        c.IsGap ? 0 : c.IsAtRisk ? 1 : c.Active <= Classes[0] ? 2 : c.Active <= Classes[1] ? 3 : 4;
}
