using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Needs;

namespace Samla.Tests.Needs;

public sealed class NeedsDemoDataTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task Demo_needs_include_the_follow_up_example_and_are_added_only_once()
    {
        var before = await app.WithDbAsync(db => db.Set<Need>().CountAsync());
        await app.WithScopeAsync(async sp =>
        {
            await NeedsDemoData.EnsureAsync(sp);
            return 0;
        });
        var after = await app.WithDbAsync(db => db.Set<Need>().CountAsync());
        var example = await app.WithDbAsync(db => db.Set<Need>().Include(n => n.RaisedByOrganization)
            .SingleAsync(n => n.Id == NeedsDemoData.EstablishmentPhaseNeedId));

        Assert.Equal(before, after);
        Assert.True(before >= 5);
        Assert.Equal("Arbetsförmedlingen", example.RaisedByOrganization.Name);
        Assert.Contains("etableringsfasen", example.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Hylte_demo_need_is_high_because_no_layer_3_support_reaches_asylum_seekers_there()
    {
        using var reader = await app.CreateClientSignedInAsync(DemoAccounts.Reader, DemoAccounts.Password);

        var html = await reader.AssertOkAsync($"/samordning/behov/{NeedsDemoData.HylteAsylumNeedId}");
        var list = await reader.AssertOkAsync("/samordning/behov");

        Assert.Contains("Hög: allvarlighet 4, ~120 personer, inget stöd på nivå 3 i Hylte för asylsökande", html, StringComparison.Ordinal);
        Assert.True(list.IndexOf("Stödsamtal för asylsökande i Hylte", StringComparison.Ordinal)
            < list.IndexOf("Föräldrastöd på arabiska och dari", StringComparison.Ordinal), "A high need is listed before a low one.");
    }
}
