using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Preparedness;

namespace Samla.Tests.Preparedness;

public sealed class PreparednessTests(SamlaAppWithoutDemoData app) : IClassFixture<SamlaAppWithoutDemoData>
{
    private const string Password = "Test-password-2026";
    private const string NoticeText = "Stort mottagande just nu.";

    private async Task<HttpClient> SignInAsync(string role) =>
        await app.CreateClientSignedInAsync(await app.CreateUserAsync(Password, role), Password);

    private Task<(Service Surge, Service Plain)> ServicesAsync() => app.WithDbAsync(async db =>
    {
        var org = new Organization { Name = $"Beredskapsföreningen {Guid.NewGuid():N}", Description = "Test." };
        var surge = new Service { Name = $"Kan växla upp {Guid.NewGuid():N}", Organization = org, SurgeCapacity = 25, SurgeLeadTimeDays = 7, AssuredDate = DateOnly.FromDateTime(DateTime.UtcNow) };
        surge.ServiceAreas.Add(new ServiceArea { MunicipalityCode = "1383" });
        surge.Languages.Add(new Language { Code = "uk" });
        var plain = new Service { Name = $"Kan inte växla upp {Guid.NewGuid():N}", Organization = org };
        plain.ServiceAreas.Add(new ServiceArea { MunicipalityCode = "1383" });
        db.Services.AddRange(surge, plain);
        await db.SaveChangesAsync();
        return (surge, plain);
    });

    private static Task<HttpResponseMessage> SwitchAsync(HttpClient client, bool on) =>
        SamlaApp.PostFormAsync(client, "/", "/samordning/beredskap?handler=Mode", [new("on", on ? "true" : "false")]);

    [Fact]
    public async Task Coordinator_switches_preparedness_mode_on_and_off_and_the_public_notice_follows()
    {
        using var coordinator = await SignInAsync(Roles.Coordinator);
        using var visitor = app.CreateBrowserClient();

        Assert.DoesNotContain(NoticeText, await visitor.AssertOkAsync("/"), StringComparison.Ordinal);
        // The search page is output-cached for visitors: the switch must reach it at once too.
        Assert.DoesNotContain(NoticeText, await visitor.AssertOkAsync("/sok?q=beredskap"), StringComparison.Ordinal);

        using (var on = await SwitchAsync(coordinator, on: true))
        {
            await on.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Contains(NoticeText, await visitor.AssertOkAsync("/sok?q=beredskap"), StringComparison.Ordinal);
        var home = await visitor.AssertOkAsync("/");
        Assert.Contains(NoticeText, home, StringComparison.Ordinal);
        Assert.Contains("href=\"/beredskap\"", home, StringComparison.Ordinal);
        Assert.Contains("Beredskapsläget är på.", await coordinator.AssertOkAsync("/samordning/beredskap"), StringComparison.Ordinal);
        // The public page's title fits the state: open now while a large reception is under way.
        Assert.Equal("Stöd som är öppet för nyanlända nu", Assert.Single(Html.H1s(await visitor.AssertOkAsync("/beredskap"))));

        using (var off = await SwitchAsync(coordinator, on: false))
        {
            await off.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.DoesNotContain(NoticeText, await visitor.AssertOkAsync("/"), StringComparison.Ordinal);
        Assert.Equal("Stöd som kan ta emot fler vid behov", Assert.Single(Html.H1s(await visitor.AssertOkAsync("/beredskap"))));

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(AppSetting) && a.EntityId == PreparednessMode.Key).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["on", "off"], audit.Select(a => a.Action == "create" ? "on" : a.NewValue));
        Assert.All(audit, a => Assert.StartsWith("test-", a.UserName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Reader)]
    public async Task Only_coordinators_and_administrators_see_the_page_and_switch_the_mode(string role)
    {
        using var client = await SignInAsync(role);

        using var page = await client.GetAsync("/samordning/beredskap");
        Assert.Contains("/konto/nekad", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var post = await SwitchAsync(client, on: true);
        Assert.Contains("/konto/nekad", post.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<AppSetting>().AnyAsync(s => s.Key == PreparednessMode.Key && s.Value == "on")));
    }

    [Fact]
    public async Task Preparedness_page_lists_surge_services_totals_and_exports()
    {
        var (surge, plain) = await ServicesAsync();
        using var admin = await SignInAsync(Roles.Administrator);

        var html = await admin.AssertOkAsync("/samordning/beredskap");
        Assert.Contains(surge.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(plain.Name, html, StringComparison.Ordinal);
        Assert.Contains("7 dagar", html, StringComparison.Ordinal);

        var csv = await admin.AssertOkAsync("/samordning/beredskap?handler=Export&format=csv");
        Assert.Contains($"{surge.Name},{surge.Organization.Name},25,7,Varberg,,ukrainska,False", csv, StringComparison.Ordinal);
        using var xlsx = await admin.GetAsync("/samordning/beredskap?handler=Export&format=xlsx");
        await xlsx.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Theory]
    // Preparedness mode is off: the title does not claim a reception is under way (that title is for mode on).
    [InlineData("sv", "Stöd som kan ta emot fler vid behov")]
    [InlineData("en", "Support that can take more people if needed")]
    [InlineData("ar", "دعم يمكنه استقبال المزيد عند الحاجة")]
    [InlineData("prs", "خدمات حمایتی که در صورت نیاز می‌توانند افراد بیشتری را بپذیرند")]
    [InlineData("ti", "ኣድላዪ እንተኾይኑ ተወሰኽቲ ሰባት ክቕበል ዝኽእል ደገፍ")]
    [InlineData("so", "Taageero qaadan karta dad kale haddii loo baahdo")]
    [InlineData("uk", "Підтримка, яка за потреби може прийняти більше людей")]
    public async Task Public_preparedness_page_speaks_every_UI_language(string lang, string title)
    {
        var (surge, plain) = await ServicesAsync();
        await app.WithDbAsync(async db =>
        {
            var twoLanguages = new Service { Name = $"Två språk {Guid.NewGuid():N}", Organization = new Organization { Name = $"Språkföreningen {Guid.NewGuid():N}", Description = "Test." }, SurgeCapacity = 5, SurgeLeadTimeDays = 3, AssuredDate = DateOnly.FromDateTime(DateTime.UtcNow) };
            twoLanguages.ServiceAreas.Add(new ServiceArea { MunicipalityCode = "1383" });
            twoLanguages.Languages.Add(new Language { Code = "uk" });
            twoLanguages.Languages.Add(new Language { Code = "ar" });
            db.Services.Add(twoLanguages);
            await db.SaveChangesAsync();
        });
        using var visitor = app.CreateBrowserClient();

        var html = await visitor.AssertOkAsync("/beredskap?lang=" + lang);

        Assert.Equal(title, Assert.Single(Html.H1s(html)));
        Assert.Contains(surge.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(plain.Name, html, StringComparison.Ordinal);
        // A list of languages is separated as the UI language writes lists (the Arabic comma in Arabic and Dari).
        var languages = System.Text.RegularExpressions.Regex.Matches(html, "<dd>([^<]*)</dd>").Select(m => m.Groups[1].Value).Where(v => v.Contains(',') || v.Contains('،')).ToList();
        Assert.NotEmpty(languages);
        Assert.All(languages, v => Assert.Contains(lang is "ar" or "prs" ? "، " : ", ", v, StringComparison.Ordinal));
    }
}
