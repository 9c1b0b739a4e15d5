using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>Taxonomy terms by id with their taxonomies, loaded once per request or import.</summary>
public sealed class TermCatalog(IEnumerable<TaxonomyTerm> terms)
{
    private readonly Dictionary<Guid, TaxonomyTerm> _byId = terms.ToDictionary(t => t.Id);
    private readonly Dictionary<(string, string), TaxonomyTerm> _byCode =
        terms.ToDictionary(t => (t.Taxonomy.Name, t.Code));

    public TaxonomyTerm? Find(Guid id) => _byId.GetValueOrDefault(id);

    public TaxonomyTerm? Find(string taxonomy, string code) => _byCode.GetValueOrDefault((taxonomy, code));

    public IEnumerable<TaxonomyTerm> All => _byId.Values;

    /// <summary>Every term with its taxonomy, read once (HSDS API, import, export).</summary>
    public static async Task<TermCatalog> LoadAsync(SamlaDbContext db, CancellationToken ct) =>
        new(await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).ToListAsync(ct));

    /// <summary>No terms: for services written without their nested parts (HSDS without nested parts), which never look terms up.</summary>
    public static readonly TermCatalog Empty = new([]);
}
