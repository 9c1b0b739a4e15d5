using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

public sealed class ReferenceDataTests(SamlaAppWithoutDemoData app) : IClassFixture<SamlaAppWithoutDemoData>
{
    /// <summary>The codes of Samla's HSDS profile, written out so that a renamed code fails here.</summary>
    public static TheoryData<string, string[]> ProfileTaxonomies => new()
    {
        { ReferenceData.TargetGroups, ["refugees", "newly-arrived", "asylum-seekers", "resettled-refugees", "relatives-of-newly-arrived", "undocumented"] },
        { ReferenceData.AgeGroups, ["children", "youth", "adults", "older-adults"] },
        { ReferenceData.MhpssLayers, ["1", "2", "3", "4"] },
        { ReferenceData.Costs, ["free", "fee"] },
        { ReferenceData.AccessModes, ["drop-in", "booking", "referral", "online"] },
        { ReferenceData.Preparedness, ["surge-capacity", "surge-lead-time"] },
        { ReferenceData.ActivityCategories, ["information", "parenting-support", "psychological-first-aid", "support-conversations", "clinical-specialised", "capacity-building"] },
    };

    [Fact]
    public async Task All_290_municipalities_and_21_counties_are_loaded()
    {
        var (municipalities, counties) = await app.WithDbAsync(async db =>
            (await db.Municipalities.CountAsync(), await db.Counties.CountAsync()));
        Assert.Equal(290, municipalities);
        Assert.Equal(21, counties);
    }

    [Fact]
    public async Task Halland_has_its_six_municipalities()
    {
        var halland = await app.WithDbAsync(db => db.Municipalities.Where(m => m.CountyCode == "13").OrderBy(m => m.Code).ToListAsync());
        Assert.Equal(["1315", "1380", "1381", "1382", "1383", "1384"], halland.Select(m => m.Code));
        Assert.Contains(halland, m => m.Code == "1380" && m.Name == "Halmstad");
        var county = await app.WithDbAsync(db => db.Counties.SingleAsync(c => c.Code == "13"));
        Assert.Contains("Halland", county.Name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProfileTaxonomies))]
    public async Task Profile_taxonomy_terms_are_present_with_their_stable_ids(string taxonomy, string[] codes)
    {
        var terms = await app.WithDbAsync(db => db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Taxonomy.Name == taxonomy).ToDictionaryAsync(t => t.Code, t => t.Id));
        foreach (var code in codes)
        {
            Assert.True(terms.ContainsKey(code), $"{taxonomy} lacks {code}; has {string.Join(", ", terms.Keys)}");
            Assert.Equal(ReferenceData.TermId(taxonomy, code), terms[code]);
        }
    }

    [Fact]
    public async Task Every_shipped_term_is_in_the_database_once()
    {
        var inDb = await app.WithDbAsync(db => db.TaxonomyTerms.AsNoTracking()
            .Select(t => new { Taxonomy = t.Taxonomy.Name, t.Code }).ToListAsync());
        var shipped = ReferenceData.Taxonomies.SelectMany(t => t.Terms.Select(x => new { Taxonomy = t.Name, x.Code })).ToList();
        Assert.Equal(shipped.Count, inDb.Count);
        Assert.Empty(shipped.Except(inDb));
    }

    [Fact]
    public async Task Taxonomy_ids_are_the_same_in_two_fresh_databases()
    {
        var here = await TermIds(app);
        await using var other = new SamlaAppWithoutDemoData();
        await other.InitializeAsync();
        var there = await TermIds(other);

        Assert.NotEmpty(here);
        Assert.Equal(here.OrderBy(p => p.Key, StringComparer.Ordinal), there.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static Task<Dictionary<string, Guid>> TermIds(SamlaApp app) => app.WithDbAsync(async db =>
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Select(t => new { t.Taxonomy.Name, t.Code, t.Id, t.TaxonomyId }).ToListAsync();
        var ids = terms.ToDictionary(t => $"{t.Name}/{t.Code}", t => t.Id);
        foreach (var t in terms.DistinctBy(t => t.Name)) ids[t.Name] = t.TaxonomyId;
        return ids;
    });
}
