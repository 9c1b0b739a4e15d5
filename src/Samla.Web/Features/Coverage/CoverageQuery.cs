using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Coverage;

/// <summary>A coverage question: which county, broken down by which dimensions, with which filters.</summary>
public sealed record CoverageRequest(string County, IReadOnlyList<CoverageDimension> By, CoverageFilter Filter);

/// <summary>A value of a dimension with its name in the UI language.</summary>
public sealed record DomainValue(string Code, string Label);

public sealed record CoverageResult(
    CoverageRequest Request,
    string CountyName,
    DateOnly StaleBefore,
    IReadOnlyDictionary<CoverageDimension, IReadOnlyList<DomainValue>> Domains,
    IReadOnlyList<CoverageCell> Cells)
{
    public string Label(CoverageDimension d, string code) =>
        Domains[d].FirstOrDefault(v => v.Code == code)?.Label ?? code;

    /// <summary>The cell whose keys match the given codes, in the order of `by`.</summary>
    public CoverageCell? Find(params string[] keys) =>
        Cells.FirstOrDefault(c => c.Keys.SequenceEqual(keys, StringComparer.Ordinal));
}

/// <summary>Service facts of one county, loaded once with projections; everything else is counted in memory.</summary>
public sealed record CountyFacts(
    string County,
    string CountyName,
    DateOnly StaleBefore,
    IReadOnlyList<ServiceFacts> Services,
    IReadOnlyDictionary<CoverageDimension, IReadOnlyList<DomainValue>> Domains);

/// <summary>
/// The one coverage computation, shared by /samordning/tackning, its exports, the map, the needs register and
/// GET /api/coverage. Active = public (published, active, organisation active) and verified within the
/// update cycle; stale = public but not verified within it.
/// </summary>
public sealed class CoverageQuery(SamlaDbContext db, Freshness freshness, TermCatalogCache termCatalog)
{
    private static readonly string[] TaxonomyDimensions =
        [ReferenceData.TargetGroups, ReferenceData.MhpssLayers, ReferenceData.AgeGroups, ReferenceData.ActivityCategories];

    public async Task<CoverageResult> RunAsync(CoverageRequest request, CancellationToken ct)
    {
        var facts = await LoadAsync(request.County, includeNonPublic: false, ct);
        return Run(facts, request);
    }

    public static CoverageResult Run(CountyFacts facts, CoverageRequest request)
    {
        var domains = facts.Domains.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(v => v.Code).ToList());
        var cells = CoverageMath.Count(facts.Services, request.By, domains, request.Filter);
        return new CoverageResult(request, facts.CountyName, facts.StaleBefore, facts.Domains, cells);
    }

    public async Task<CountyFacts> LoadAsync(string county, bool includeNonPublic, CancellationToken ct)
    {
        var countyName = await db.Counties.AsNoTracking().Where(c => c.Code == county).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? county;
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => m.CountyCode == county)
            .OrderBy(m => m.Name)
            .Select(m => new DomainValue(m.Code, m.Name))
            .ToListAsync(ct);
        var codes = municipalities.Select(m => m.Code).ToList();
        var staleBefore = freshness.StaleBefore;

        var inCounty = db.Services.AsNoTracking().Where(s => s.ServiceAreas.Any(a => codes.Contains(a.MunicipalityCode)));
        var heads = await inCounty
            .Select(s => new
            {
                s.Id,
                s.OrganizationId,
                IsPublic = db.Services.Where(PublicVisibility.Rule).Any(p => p.Id == s.Id),
                s.AssuredDate,
            })
            .ToListAsync(ct);
        var areas = await inCounty.SelectMany(s => s.ServiceAreas)
            .Where(a => codes.Contains(a.MunicipalityCode))
            .Select(a => new { a.ServiceId, a.MunicipalityCode })
            .ToListAsync(ct);
        var attributes = await inCounty.SelectMany(s => s.Attributes)
            .Select(a => new { a.ServiceId, a.TaxonomyTermId })
            .ToListAsync(ct);
        var languages = await inCounty.SelectMany(s => s.Languages)
            .Select(l => new { l.ServiceId, l.Code })
            .ToListAsync(ct);

        var catalog = await termCatalog.GetAsync(ct);
        var terms = TaxonomyDimensions.SelectMany(catalog.Of).Select(t => new { Term = t, Taxonomy = t.Taxonomy.Name }).ToList();
        var termById = terms.ToDictionary(t => t.Term.Id, t => (Dimension: DimensionOf(t.Taxonomy), t.Term.Code));

        var areasBy = areas.ToLookup(a => a.ServiceId, a => a.MunicipalityCode);
        var termsBy = attributes.Where(a => termById.ContainsKey(a.TaxonomyTermId)).ToLookup(a => a.ServiceId, a => termById[a.TaxonomyTermId]);
        var languagesBy = languages.ToLookup(l => l.ServiceId, l => l.Code.Trim().ToLowerInvariant());

        var services = new List<ServiceFacts>(heads.Count);
        foreach (var h in heads)
        {
            if (!h.IsPublic && !includeNonPublic) continue;
            var values = new IReadOnlyList<string>[CoverageDimensions.All.Count];
            values[(int)CoverageDimension.Municipality] = areasBy[h.Id].Distinct().ToList();
            var serviceTerms = termsBy[h.Id].ToList();
            foreach (var d in new[] { CoverageDimension.TargetGroup, CoverageDimension.Layer, CoverageDimension.AgeGroup, CoverageDimension.Category })
            {
                values[(int)d] = serviceTerms.Where(t => t.Dimension == d).Select(t => t.Code).Distinct().ToList();
            }
            values[(int)CoverageDimension.Language] = languagesBy[h.Id].Distinct().ToList();
            values[(int)CoverageDimension.Organization] = [h.OrganizationId.ToString()];
            services.Add(new ServiceFacts(h.Id, h.IsPublic, freshness.IsStale(h.AssuredDate), values));
        }

        var publicServices = services.Where(s => s.IsPublic).ToList();
        var languageCodes = publicServices.SelectMany(s => s[CoverageDimension.Language]).Distinct().ToList();
        var orgIds = publicServices.Select(s => Guid.Parse(s[CoverageDimension.Organization][0])).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);

        var domains = new Dictionary<CoverageDimension, IReadOnlyList<DomainValue>>
        {
            [CoverageDimension.Municipality] = municipalities,
            [CoverageDimension.Language] = languageCodes
                .Select(c => new DomainValue(c, ContentText.LanguageName(c)))
                .OrderBy(v => v.Label, StringComparer.CurrentCulture)
                .ToList(),
            [CoverageDimension.Organization] = orgs
                .OrderBy(o => o.Name, StringComparer.CurrentCulture)
                .Select(o => new DomainValue(o.Id.ToString(), o.Name))
                .ToList(),
        };
        foreach (var group in terms.GroupBy(t => DimensionOf(t.Taxonomy)))
        {
            domains[group.Key] = group.Select(t => new DomainValue(t.Term.Code, ContentText.TermName(t.Term))).ToList();
        }
        foreach (var d in CoverageDimensions.All) domains.TryAdd(d, []);

        return new CountyFacts(county, countyName, staleBefore, services, domains);
    }

    private static CoverageDimension DimensionOf(string taxonomy) => taxonomy switch
    {
        ReferenceData.TargetGroups => CoverageDimension.TargetGroup,
        ReferenceData.MhpssLayers => CoverageDimension.Layer,
        ReferenceData.AgeGroups => CoverageDimension.AgeGroup,
        ReferenceData.ActivityCategories => CoverageDimension.Category,
        _ => throw new ArgumentOutOfRangeException(nameof(taxonomy)),
    };
}
