using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Coverage;

/// <summary>What the coverage pages share: reading the request from the query string, the filter choices, the county list.</summary>
public abstract class CoveragePage(CoverageQuery query, SamlaDbContext db) : PageModel
{
    protected SamlaDbContext Db => db;

    public CoverageRequest Selection { get; private set; } = new(SamlaOptions.DefaultCountyCode, [], new CoverageFilter());

    /// <summary>The directory's county: links leave it out.</summary>
    private string DefaultCounty => HttpContext.RequestServices.GetRequiredService<IOptions<SamlaOptions>>().Value.CountyCode;
    public CountyFacts Facts { get; private set; } = null!;
    public IReadOnlyList<DomainValue> Counties { get; private set; } = [];
    public bool PrintView { get; private set; }

    /// <summary>The dimensions the filter form offers.</summary>
    public static readonly IReadOnlyList<CoverageDimension> FormFilters =
        [CoverageDimension.TargetGroup, CoverageDimension.AgeGroup, CoverageDimension.Category, CoverageDimension.Language, CoverageDimension.Layer];

    public string? Chosen(CoverageDimension d) =>
        Selection.Filter.Include.TryGetValue(d, out var codes) && codes.Count == 1 ? codes.First() : null;

    protected async Task LoadAsync(bool includeNonPublic, CancellationToken ct)
    {
        Selection = new CoverageRequest(
            CoverageParameters.ReadCounty(Request.Query, api: false, DefaultCounty),
            [],
            CoverageParameters.ReadFilter(Request.Query, api: false));
        PrintView = Request.Query.ContainsKey("utskrift");
        if (PrintView) ViewData["BodyClass"] = "print-view";
        Facts = await query.LoadAsync(Selection.County, includeNonPublic, ct);
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).Select(c => new DomainValue(c.Code, c.Name)).ToListAsync(ct);
    }

    protected CoverageResult Run(params CoverageDimension[] by) => CoverageQuery.Run(Facts, Selection with { By = by });

    public string PageLink(string path, params (string Key, string? Value)[] extra) => path + CoverageParameters.PageQuery(Selection, DefaultCounty, extra);

    public string ExportLink(string format, IReadOnlyList<CoverageDimension> by) =>
        "/api/coverage/export" + CoverageParameters.ApiQuery(Selection, DefaultCounty, ("by", string.Join(',', by.Select(d => d.ApiKey()))), ("format", format));

    public string ApiLink(IReadOnlyList<CoverageDimension> by) =>
        "/api/coverage" + CoverageParameters.ApiQuery(Selection, DefaultCounty, ("by", string.Join(',', by.Select(d => d.ApiKey()))));
}
