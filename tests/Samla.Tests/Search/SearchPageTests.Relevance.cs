using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
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

    [Fact]
    public async Task When_no_service_has_every_word_the_best_partial_matches_are_shown_and_the_page_says_so()
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var result = await search.SearchAsync(new SearchRequest { Text = "hitta försvunna anhöriga" }, CancellationToken.None);
        Assert.False(result.AllWords);
        Assert.True(result.Total > 0);
        Assert.True((await search.SearchAsync(new SearchRequest { Text = "anhöriga" }, CancellationToken.None)).AllWords);
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/sok?q=hitta+f%C3%B6rsvunna+anh%C3%B6riga");
        Assert.Contains("Inga insatser innehåller alla orden", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_or_a_language_named_in_the_query_finds_what_its_filter_finds()
    {
        var search = app.Services.GetRequiredService<ServiceSearch>();
        var byFilter = await search.SearchAsync(new SearchRequest { Municipalities = ["1380"], PageSize = 100 }, CancellationToken.None);
        var byText = await search.SearchAsync(new SearchRequest { Text = "Halmstad", PageSize = 100 }, CancellationToken.None);
        Assert.Superset(byFilter.ServiceIds.ToHashSet(), byText.ServiceIds.ToHashSet());
        var arabic = await search.SearchAsync(new SearchRequest { Languages = ["ar"], PageSize = 100 }, CancellationToken.None);
        var arabiska = await search.SearchAsync(new SearchRequest { Text = "arabiska", PageSize = 100 }, CancellationToken.None);
        Assert.Superset(arabic.ServiceIds.ToHashSet(), arabiska.ServiceIds.ToHashSet());
    }
}
