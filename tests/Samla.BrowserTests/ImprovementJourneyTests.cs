using System.Globalization;
using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using Samla.Web.Features.Improvement;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

/// <summary>
/// Improvement work in the browser: the journey need → initiative → measure → PDSA → published lesson, and axe-core
/// on every new page kind in Swedish and Arabic UI (charts included).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImprovementJourneyTests(BrowserFixture browser)
{
    private static readonly string Demo = ImprovementDemoData.EstablishmentInitiativeId.ToString();

    [Fact]
    public Task Editor_walks_from_a_need_to_a_published_lesson() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(DemoAccounts.Editor);
        await pages.GotoAsync("/samordning/forbattring");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Nytt förbättringsarbete" }).ClickAsync();

        // Need → initiative
        var title = $"Stödsamtal i Torup {Guid.NewGuid():N}"[..30];
        await page.GetByLabel("Namn på förbättringsarbetet").FillAsync(title);
        await page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Behov" }).GetByLabel("Stödsamtal för asylsökande i Hylte").CheckAsync();
        await page.GetByLabel("Problem", new PageGetByLabelOptions { Exact = true }).FillAsync("Familjer i Torup har långt till stödsamtal.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skapa", Exact = true }).ClickAsync();
        await Expect(pages.Heading).ToHaveTextAsync(title);
        var initiativeUrl = page.Url;

        // Measure with 20 points pasted: 10 low then 10 high is a shift.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Nytt mått" }).ClickAsync();
        await page.GetByLabel("Måttets namn").FillAsync("Genomförda samtal per vecka");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skapa", Exact = true }).ClickAsync();
        var lines = Enumerable.Range(0, 20).Select(i =>
            $"{new DateOnly(2026, 1, 5).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)};{(i < 10 ? 2 + i % 3 : 8 + i % 3)}");
        await page.GetByLabel("Klistra in från kalkylark").FillAsync(string.Join("\n", lines));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lägg till inklistrade punkter" }).ClickAsync();
        await Expect(page.Locator(".chart-findings")).ToContainTextAsync("ett skift i förbättringsriktningen");
        await Expect(page.Locator("svg[role=img] rect.dot-signal")).ToHaveCountAsync(20);
        await pages.ScreenshotAsync("improvement-01-measure");
        await Accessibility.AssertNoViolationsAsync(page);

        // PDSA
        await page.GotoAsync(initiativeUrl);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Ny PDSA-cykel" }).ClickAsync();
        await page.GetByLabel("Cykelns namn").FillAsync("Drop-in på biblioteket");
        await page.GetByLabel("Startdatum").FillAsync("2026-03-16");
        await page.GetByLabel("Förändringen vi prövar").FillAsync("Samtalsledare på biblioteket en eftermiddag i veckan.");
        await page.GetByLabel("Förutsägelse", new PageGetByLabelOptions { Exact = true }).FillAsync("Fler samtal per vecka.");
        await page.GetByLabel("Införa").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("PDSA 1: Drop-in på biblioteket");
        await Expect(page.Locator("svg[role=img] text", new PageLocatorOptions { HasText = "PDSA 1" })).ToHaveCountAsync(1);

        // Lessons and the summary, then publish
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Redigera steg 3 och sammanfattningen" }).ClickAsync();
        await page.GetByLabel("Vad vi prövade").FillAsync("Drop-in med samtalsledare på biblioteket i Torup.");
        await page.GetByLabel("Vad som fungerade").FillAsync("Drop-in fördubblade antalet samtal.");
        await page.GetByLabel("Vad en annan aktör behöver för att göra likadant").FillAsync("En lokal och en samtalsledare en eftermiddag i veckan.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();
        await page.GetByLabel("Steg", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("SharedLearning");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Byt steg" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publicera sammanfattningen i lärandebiblioteket" }).ClickAsync();
        await Expect(page.Locator("#publish-state")).ToContainTextAsync("Publicerad");
        await pages.ScreenshotAsync("improvement-02-initiative");
        await Accessibility.AssertNoViolationsAsync(page);

        // The lesson in the library, found with another form of a word.
        await pages.GotoAsync("/samordning/larande?q=fordubblade+samtal");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title }).ClickAsync();
        await Expect(pages.Heading).ToHaveTextAsync(title);
        await Expect(page.Locator("#where-not-yet")).ToBeVisibleAsync();
        await pages.ScreenshotAsync("improvement-03-lesson");
        await Accessibility.AssertNoViolationsAsync(page);
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Improvement_pages_have_no_WCAG_21_AA_violations(string lang) => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        var measure = "/samordning/forbattring/matt/" + Samla.Web.Data.ReferenceData.StableId("demo-measure", "hylte-vantetid");
        string[] urls =
        [
            "/samordning/forbattring", "/samordning/forbattring/nytt", $"/samordning/forbattring/{Demo}",
            $"/samordning/forbattring/{Demo}/redigera/identifiera", $"/samordning/forbattring/{Demo}/matt/ny", measure,
            $"/samordning/forbattring/{Demo}/pdsa/ny", $"/samordning/forbattring/{Demo}/rapport",
            "/samordning/larande", $"/samordning/larande/{Demo}", "/larande", $"/larande/{Demo}",
        ];
        foreach (var url in urls)
        {
            await pages.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }, "Accessibility_of_improvement_" + lang);
}
