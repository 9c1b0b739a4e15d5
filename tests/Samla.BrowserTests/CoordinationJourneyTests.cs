using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CoordinationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Coordinator_finds_a_gap_on_the_coverage_page_and_drills_down() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Samordning", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Täckning", Exact = true }).ClickAsync();

        await Expect(pages.Heading).ToContainTextAsync("Täckning");
        await Expect(pages.GapCells.First).ToContainTextAsync("Saknas");
        await pages.ScreenshotAsync("01-coverage");

        var hylteAsylum = pages.Matrix.Locator("a[href*='kommun=1315'][href*='malgrupp=asylum-seekers']");
        await hylteAsylum.ClickAsync();
        await page.WaitForURLAsync("**/samordning/tackning/insatser?*");
        await Expect(pages.Heading).ToHaveTextAsync("Insatser i urvalet");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Hylte");
        await pages.ScreenshotAsync("02-drill-down");

        await pages.GotoAsync("/samordning/tackning/karta");
        await Expect(page.Locator("svg.county-map path")).ToHaveCountAsync(6);
        await pages.ScreenshotAsync("03-map");
    });

    [Fact]
    public Task Filtering_the_coverage_by_layer_3_shows_Hylte_without_support_for_asylum_seekers() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning/tackning");
        await page.GetByLabel("Nivå", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Visa", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**niva=3**");
        var cell = pages.Matrix.Locator("td:has(a[href*='kommun=1315'][href*='malgrupp=asylum-seekers'])");
        await Expect(cell).ToContainTextAsync("Saknas");
    });

    [Fact]
    public Task Editor_records_a_need_and_sees_it_prioritised() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(DemoAccounts.Editor);
        await pages.GotoAsync("/samordning/behov");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Registrera ett behov" }).ClickAsync();

        var title = $"Stödsamtal för asylsökande familjer {Guid.NewGuid():N}"[..48];
        await page.GetByLabel("Rubrik").FillAsync(title);
        await page.GetByLabel("Beskrivning").FillAsync("Familjer i Hylte får vänta länge på stödsamtal.");
        // "Registrerat av" starts at "Välj…": choose the editor's first organisation.
        await page.GetByLabel("Registrerat av").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Målgrupper" }).GetByLabel("Asylsökande").CheckAsync();
        await page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Kommuner" }).GetByLabel("Hylte").CheckAsync();
        await page.GetByLabel("4 – allvarlig").CheckAsync();
        await page.GetByLabel("Ungefär hur många personer berörs?").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();

        await Expect(pages.Heading).ToHaveTextAsync(title);
        await Expect(page.Locator("#priority-explanation")).ToHaveTextAsync("Hög: allvarlighet 4, ~120 personer, inget stöd på nivå 3 i Hylte för asylsökande");
        await pages.ScreenshotAsync("04-need");
        await Accessibility.AssertNoViolationsAsync(page);

        await pages.GotoAsync("/samordning/behov");
        await Expect(page.Locator("table.needs-table tr", new PageLocatorOptions { HasText = title })).ToContainTextAsync("Hög");
        await pages.ScreenshotAsync("05-needs");
    });

    [Fact]
    public Task Preparedness_mode_shows_and_hides_the_public_notice() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning/beredskap");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Slå på beredskapsläget" }).ClickAsync();
        await Expect(page.Locator("#mode-state")).ToContainTextAsync("Beredskapsläget är på.");
        await pages.ScreenshotAsync("06-preparedness");

        var visitor = await page.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl });
        try
        {
            await visitor.GotoAsync("/");
            var notice = new CoordinationPages(visitor).PreparednessNotice;
            await Expect(notice).ToBeVisibleAsync();
            await notice.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(visitor.Locator("h1")).ToHaveTextAsync("Stöd som är öppet för nyanlända nu");
            await Expect(visitor.Locator("main .card").First).ToBeVisibleAsync();
            await new CoordinationPages(visitor).ScreenshotAsync("07-public-preparedness");
            await Accessibility.AssertNoViolationsAsync(visitor);

            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stäng av beredskapsläget" }).ClickAsync();
            await Expect(page.Locator("#mode-state")).ToContainTextAsync("Beredskapsläget är av.");
            await visitor.GotoAsync("/");
            await Expect(new CoordinationPages(visitor).PreparednessNotice).ToHaveCountAsync(0);
        }
        finally
        {
            await visitor.CloseAsync();
        }
    });

    [Theory]
    [InlineData("/samordning")]
    [InlineData("/samordning/tackning")]
    [InlineData("/samordning/tackning?vy=sprak")]
    [InlineData("/samordning/tackning?vy=organisation")]
    [InlineData("/samordning/tackning/karta")]
    [InlineData("/samordning/tackning/insatser?kommun=1380&malgrupp=refugees")]
    [InlineData("/samordning/behov")]
    [InlineData("/samordning/behov/nytt")]
    [InlineData("/samordning/beredskap")]
    public Task Coordination_page_has_no_WCAG_21_AA_violations(string url) => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync(url);
        await Accessibility.AssertNoViolationsAsync(page);
    }, "Accessibility_of_" + url);

    [Fact]
    public Task Synonym_pages_have_no_WCAG_21_AA_violations_when_adding_trying_erring_and_in_conflict() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Sökord och synonymer", Exact = true }).ClickAsync();
        await Expect(pages.Heading).ToHaveTextAsync("Sökord och synonymer");
        await Accessibility.AssertNoViolationsAsync(page);

        // A group of one word: the message names what is wrong, at the field and in the summary.
        var members = page.GetByLabel("Ord och fraser");
        await members.FillAsync("hemlös");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lägg till gruppen" }).ClickAsync();
        await Expect(page.Locator("#members-error")).ToContainTextAsync("minst två ord");
        await Accessibility.AssertNoViolationsAsync(page);

        var word = "gatlykta" + Guid.NewGuid().ToString("N")[..6].Replace('0', 'o').Replace('1', 'l');
        await page.GetByLabel("Ord och fraser").FillAsync($"{word}, lyktstolpe");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lägg till gruppen" }).ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync("Gruppen är tillagd");
        await page.Locator("#prova").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Visa synonymer" }).ClickAsync();
        await Expect(page.Locator("#try-result")).ToContainTextAsync("lyktstolpe");
        await Accessibility.AssertNoViolationsAsync(page);

        // Edit in two tabs: the second save meets the first one's.
        await page.Locator("tr", new PageLocatorOptions { HasText = word }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Redigera") }).ClickAsync();
        await Expect(pages.Heading).ToHaveTextAsync("Redigera synonymgrupp");
        await Accessibility.AssertNoViolationsAsync(page);
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(page.Url);
        await other.GetByLabel("Ord och fraser").FillAsync($"{word}, lyktstolpe, gatljus");
        await other.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(other.Locator("p.notice.ok")).ToBeVisibleAsync();
        await page.GetByLabel("Ord och fraser").FillAsync($"{word}, lyktstolpe, lanterna");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(page.Locator("#conflict")).ToContainTextAsync("gatljus");
        await Expect(page.GetByLabel("Ord och fraser")).ToHaveValueAsync($"{word}, lyktstolpe, lanterna");
        await Accessibility.AssertNoViolationsAsync(page);
        await other.CloseAsync();
    });

    [Fact]
    public Task Demo_need_page_has_no_WCAG_21_AA_violations() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning/behov");
        await page.Locator("table.needs-table a").First.ClickAsync();
        await Expect(page.Locator("#priority-explanation")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    [InlineData("ti")]
    public Task Public_preparedness_page_has_no_WCAG_21_AA_violations(string lang) => browser.RunAsync(async page =>
    {
        await new CoordinationPages(page).GotoAsync("/beredskap?lang=" + lang);
        await Accessibility.AssertNoViolationsAsync(page);
    }, "Accessibility_of_beredskap_" + lang);
}
