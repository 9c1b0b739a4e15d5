using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samla.Web.Core;
using Samla.Web.Features.Search;

namespace Samla.Tests.Core;

/// <summary>Settings are bound and validated; a wrong value names the setting and what to write instead.</summary>
public sealed class OptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(config).AddSamlaCore().AddSearch().BuildServiceProvider();
    }

    [Fact]
    public void Defaults_are_Halland_a_six_month_cycle_and_demo_data()
    {
        using var services = Services();
        var o = services.GetRequiredService<IOptions<SamlaOptions>>().Value;
        Assert.Equal("13", o.CountyCode);
        Assert.Equal(6, o.UpdateCycleMonths);
        Assert.True(o.DemoData);
        Assert.Equal(1, services.GetRequiredService<IOptions<SearchOptions>>().Value.PollSeconds);
        Assert.Equal(6, services.GetRequiredService<Freshness>().CycleMonths);
    }

    [Fact]
    public void Configured_values_are_read()
    {
        using var services = Services(("Samla:CountyCode", "12"), ("Samla:UpdateCycleMonths", "12"), ("Samla:Search:PollSeconds", "30"));
        Assert.Equal("12", services.GetRequiredService<IOptions<SamlaOptions>>().Value.CountyCode);
        Assert.Equal(12, services.GetRequiredService<Freshness>().CycleMonths);
        Assert.Equal(30, services.GetRequiredService<IOptions<SearchOptions>>().Value.PollSeconds);
    }

    [Fact]
    public void An_unknown_county_code_says_which_codes_exist()
    {
        using var services = Services(("Samla:CountyCode", "99"));
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SamlaOptions>>().Value);
        Assert.Contains("Samla:CountyCode '99' is not a Swedish county code; use one of 01…25 (13 = Halland)", e.Message);
    }

    [Fact]
    public void An_update_cycle_out_of_range_names_the_setting()
    {
        using var services = Services(("Samla:UpdateCycleMonths", "0"));
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SamlaOptions>>().Value);
        Assert.Contains("Samla:UpdateCycleMonths", e.Message);
    }
}
