using Microsoft.AspNetCore.Http;
using Samla.Web.Features.Coverage;

namespace Samla.Tests.Coverage;

public sealed class CoverageParametersTests
{
    [Fact]
    public void By_reads_any_subset_in_the_given_order()
    {
        var by = CoverageParameters.ReadBy("layer, municipality,organization", out var error);

        Assert.Null(error);
        Assert.Equal([CoverageDimension.Layer, CoverageDimension.Municipality, CoverageDimension.Organization], by);
    }

    [Fact]
    public void By_with_an_unknown_dimension_is_an_error()
    {
        Assert.Null(CoverageParameters.ReadBy("municipality,colour", out var error));
        Assert.Contains("colour", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_named_twice_is_read_once()
    {
        Assert.Equal([CoverageDimension.Layer], CoverageParameters.ReadBy("layer,layer", out _));
    }

    [Fact]
    public void Page_and_api_names_read_the_same_filter()
    {
        var page = new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["malgrupp"] = "refugees,asylum-seekers", ["niva"] = "3", ["verifierade"] = "true", ["lan"] = "12",
        });
        var api = new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["target_group"] = new(["refugees", "asylum-seekers"]), ["layer"] = "3", ["verified_only"] = "true", ["county"] = "12",
        });

        var fromPage = CoverageParameters.ReadFilter(page, api: false);
        var fromApi = CoverageParameters.ReadFilter(api, api: true);

        Assert.Equal(fromPage.Include[CoverageDimension.TargetGroup], fromApi.Include[CoverageDimension.TargetGroup]);
        Assert.Equal(["3"], fromApi.Include[CoverageDimension.Layer]);
        Assert.True(fromPage.VerifiedOnly && fromApi.VerifiedOnly);
        Assert.Equal("12", CoverageParameters.ReadCounty(page, api: false, "13"));
        Assert.Equal("12", CoverageParameters.ReadCounty(api, api: true, "13"));
    }

    [Fact]
    public void A_county_that_is_not_a_code_falls_back_to_the_configured_county()
    {
        var query = new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["county"] = "x'; drop" });

        Assert.Equal("13", CoverageParameters.ReadCounty(query, api: true, "13"));
    }

    [Fact]
    public void Page_query_keeps_filters_and_lets_extras_replace_them()
    {
        var request = new CoverageRequest("13", [], new CoverageFilter().With(CoverageDimension.Layer, "3").With(CoverageDimension.Municipality, "1380"));

        var query = CoverageParameters.PageQuery(request, "13", ("kommun", "1315"), ("malgrupp", "asylum-seekers"));

        Assert.Equal("?kommun=1315&niva=3&malgrupp=asylum-seekers", query);
    }
}
