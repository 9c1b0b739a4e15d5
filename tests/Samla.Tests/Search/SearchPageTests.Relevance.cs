using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Search.Relevance;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>The relevance set over the demo data (Relevance/demo.tsv), run through the app's search on either provider.</summary>
public sealed partial class SearchPageTests
{
    [Fact]
    public async Task Relevance_set_on_the_demo_data_reaches_95_percent_success_at_3()
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var figures = await RelevanceSet.Load("demo.tsv").EvaluateAsync(r => search.SearchAsync(r, CancellationToken.None));
        RelevanceSet.Publish(figures);
        Assert.True(figures.SuccessAt3 >= 0.95, figures.Report());
    }
}
