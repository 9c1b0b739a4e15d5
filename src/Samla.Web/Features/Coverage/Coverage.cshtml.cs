using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Coverage;

/// <summary>
/// The 4W view for all signed-in staff: a matrix of rows × columns (municipality × target group split by layer,
/// language × municipality, or organisation × municipality), each cell linking to its services.
/// </summary>
[Authorize]
public sealed class CoverageModel(CoverageQuery query, SamlaDbContext db, IStringLocalizer<CoverageText> t) : CoveragePage(query, db)
{
    public const string TargetGroupView = "malgrupp";
    public const string LanguageView = "sprak";
    public const string OrganizationView = "organisation";

    [BindProperty(SupportsGet = true, Name = "vy")]
    public string? View { get; set; }

    public CoverageDimension RowDimension { get; private set; }
    public CoverageDimension ColumnDimension { get; private set; }
    public bool SplitByLayer { get; private set; }
    public CoverageResult Totals { get; private set; } = null!;
    public CoverageResult? Layers { get; private set; }
    public IReadOnlyList<DomainValue> Rows { get; private set; } = [];
    public IReadOnlyList<DomainValue> Columns { get; private set; } = [];
    public IReadOnlyList<DomainValue> LayerDomain { get; private set; } = [];
    public BarChart Chart { get; private set; } = null!;
    public int GapCount { get; private set; }
    public int RiskCount { get; private set; }

    /// <summary>
    /// In "who does what where" a row is an organisation, and an organisation that does not work in a municipality
    /// leaves no gap there: the gaps are the municipalities (columns) without support from anyone, shown in a row of
    /// their own under the organisations.
    /// </summary>
    public bool GapsByColumn => View == OrganizationView;
    public CoverageResult? ColumnTotals { get; private set; }

    public IReadOnlyList<CoverageDimension> ExportBy =>
        SplitByLayer ? [RowDimension, ColumnDimension, CoverageDimension.Layer] : [RowDimension, ColumnDimension];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(includeNonPublic: false, ct);
        View = View is LanguageView or OrganizationView ? View : TargetGroupView;
        (RowDimension, ColumnDimension, SplitByLayer) = View switch
        {
            LanguageView => (CoverageDimension.Language, CoverageDimension.Municipality, false),
            OrganizationView => (CoverageDimension.Organization, CoverageDimension.Municipality, false),
            _ => (CoverageDimension.Municipality, CoverageDimension.TargetGroup, true),
        };
        Totals = Run(RowDimension, ColumnDimension);
        Rows = Restricted(RowDimension);
        Columns = Restricted(ColumnDimension);
        if (SplitByLayer)
        {
            Layers = Run(RowDimension, ColumnDimension, CoverageDimension.Layer);
            LayerDomain = Restricted(CoverageDimension.Layer);
        }
        if (GapsByColumn)
        {
            ColumnTotals = Run(ColumnDimension);
            GapCount = ColumnTotals.Cells.Count(c => c.IsGap);
            RiskCount = ColumnTotals.Cells.Count(c => c.IsAtRisk);
        }
        else
        {
            GapCount = Totals.Cells.Count(c => c.IsGap);
            RiskCount = Totals.Cells.Count(c => c.IsAtRisk);
        }

        var perMunicipality = Run(CoverageDimension.Municipality);
        Chart = new BarChart("chart-municipality", t["ChartTitle"], t["ChartDescription", Facts.CountyName], t["Municipality"],
            [new BarSeries(t["Active"], "series-active"), new BarSeries(t["Stale"], "series-stale")],
            perMunicipality.Cells.Select(c => new BarItem(perMunicipality.Label(CoverageDimension.Municipality, c.Keys[0]), [c.Active, c.Stale],
                PageLink("/samordning/tackning/insatser", ("kommun", c.Keys[0])))).ToList());
    }

    private IReadOnlyList<DomainValue> Restricted(CoverageDimension d) =>
        Selection.Filter.Include.TryGetValue(d, out var chosen) && chosen.Count > 0
            ? Facts.Domains[d].Where(v => chosen.Contains(v.Code)).ToList()
            : Facts.Domains[d];

    public CoverageCell Cell(string row, string column) => Totals.Find(row, column)!;

    public CoverageCell ColumnTotal(string column) => ColumnTotals!.Find(column)!;

    public string ColumnLink(string column) => PageLink("/samordning/tackning/insatser", (ColumnDimension.PageKey(), column));

    public int LayerCount(string row, string column, string layer) => Layers?.Find(row, column, layer)?.Active ?? 0;

    public string DrillLink(string row, string column) =>
        PageLink("/samordning/tackning/insatser", (RowDimension.PageKey(), row), (ColumnDimension.PageKey(), column));
}
