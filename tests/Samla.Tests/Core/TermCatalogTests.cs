using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Core;

/// <summary>The term catalogue used by the HSDS API, import and export.</summary>
public sealed class TermCatalogTests
{
    [Fact]
    public void Finds_terms_by_id_and_by_taxonomy_and_code()
    {
        var targets = new Taxonomy { Name = "target_group", Description = "" };
        var ages = new Taxonomy { Name = "age_group", Description = "" };
        var families = new TaxonomyTerm { Id = Guid.NewGuid(), Code = "families", Name = "Familjer", Taxonomy = targets };
        var children = new TaxonomyTerm { Id = Guid.NewGuid(), Code = "children", Name = "Barn", Taxonomy = ages };
        var adults = new TaxonomyTerm { Id = Guid.NewGuid(), Code = "adults", Name = "Vuxna", Taxonomy = ages, SortOrder = 2 };
        children.SortOrder = 1;
        var catalog = new TermCatalog([families, adults, children]);

        Assert.Same(families, catalog.Find(families.Id));
        Assert.Same(children, catalog.Find("age_group", "children"));
        Assert.Null(catalog.Find("target_group", "children"));
        Assert.Null(catalog.Find(Guid.NewGuid()));
        Assert.Equal(3, catalog.All.Count());
        Assert.Equal([children, adults], catalog.Of("age_group"));
        Assert.Empty(catalog.Of("unknown"));
        Assert.Empty(TermCatalog.Empty.All);
    }
}
