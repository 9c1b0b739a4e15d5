using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using Samla.Web.Features.Meetings;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

/// <summary>
/// The rhythm end to end: a coordinator creates a dialogue meeting, records attendance and minutes and opens an
/// update round; the editor follows the mailed link and confirms; the board changes. axe-core on every new page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MeetingsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task Coordinator_runs_a_meeting_and_a_round_and_the_editor_confirms_from_the_mailed_link() => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, CoordinationPages.Coordinator, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        await page.GotoAsync("/samordning");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Dialogmöten", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Nytt dialogmöte" }).ClickAsync();

        var title = $"Dialogmöte {Guid.NewGuid():N}"[..22];
        await page.GetByLabel("Rubrik").FillAsync(title);
        await page.GetByLabel("Datum").FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Plats").FillAsync("Regionens hus, Halmstad");
        await page.GetByLabel("Dagordning").FillAsync("Välkommen\nBeredskap inför ett stort mottagande\nUppdatering av informationen");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Närvaro", Exact = true }).ClickAsync();
        await page.GetByLabel($"Närvaro: {DemoAccounts.HalmstadMunicipality}").SelectOptionAsync("Present");
        await page.GetByLabel($"Företrädarens roll: {DemoAccounts.HalmstadMunicipality}").FillAsync("Processledare integration");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync("Närvaron är sparad");
        await Expect(page.Locator($"tr:has(th:text-is('{DemoAccounts.HalmstadMunicipality}'))")).ToContainTextAsync("Processledare integration");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Protokoll och åtgärder" }).ClickAsync();
        await page.GetByLabel("Protokoll", new PageGetByLabelOptions { Exact = true }).FillAsync("Aktörerna gick igenom **beredskapen** inför ett stort mottagande.");
        await page.GetByLabel("Beslut", new PageGetByLabelOptions { Exact = true }).FillAsync("En uppdateringsrunda öppnas.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara protokollet" }).ClickAsync();
        await Expect(page.Locator("p.notice.ok")).ToContainTextAsync("Protokollet är sparat");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title }).ClickAsync();
        await Expect(page.Locator("strong", new PageLocatorOptions { HasText = "beredskapen" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Öppna en uppdateringsrunda" }).ClickAsync();
        var roundTitle = $"Runda {Guid.NewGuid():N}"[..16];
        await page.GetByLabel("Rubrik").FillAsync(roundTitle);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Öppna rundan och skicka meddelanden" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(roundTitle);
        var halmstadRow = page.Locator($"#board tr:has(th:text-is('{DemoAccounts.HalmstadMunicipality}'))");
        await Expect(halmstadRow).ToContainTextAsync("Inte påbörjad");
        var board = page.Url;

        // The editor's mail (sent by the outbox worker) carries the direct link to their organisation's page.
        var link = await MailedLinkAsync(DemoAccounts.Editor, roundTitle);
        var editorContext = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "sv-SE" });
        var editorPage = await editorContext.NewPageAsync();
        await new SignInPage(editorPage).GotoAsync();
        await new SignInPage(editorPage).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        await editorPage.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(editorPage.Locator("h1")).ToContainTextAsync(DemoAccounts.HalmstadMunicipality);
        await editorPage.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Alla uppgifter stämmer" }).ClickAsync();
        await Expect(editorPage.Locator("p.notice.ok")).ToBeVisibleAsync();
        await editorContext.CloseAsync();

        await page.GotoAsync(board);
        await Expect(halmstadRow).ToContainTextAsync("Bekräftat oförändrat");
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Every_meetings_page_has_no_WCAG_21_AA_violations(string lang) => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, CoordinationPages.Coordinator, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        var meeting = $"/samordning/moten/{MeetingsDemoData.SpringMeetingId}";
        string[] urls =
        [
            "/samordning", "/samordning/moten", "/samordning/moten/nytt", meeting, meeting + "/redigera", meeting + "/narvaro",
            meeting + "/protokoll", meeting + "/protokoll/utskrift", "/samordning/moten/narvaro", "/samordning/uppdateringsrundor",
            $"/samordning/uppdateringsrundor/ny?mote={MeetingsDemoData.ComingMeetingId}", $"/samordning/uppdateringsrundor/{MeetingsDemoData.RoundId}",
        ];
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            await Accessibility.AssertNoViolationsAsync(page);
        }

        // The editor's side: open action items on the workspace page, and the page that marks one done.
        var editorContext = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var editorPage = await editorContext.NewPageAsync();
        await new SignInPage(editorPage).GotoAsync();
        await new SignInPage(editorPage).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        foreach (var url in new[] { $"/arbetsyta/atgarder/{MeetingsDemoData.HalmstadActionItemId}", "/arbetsyta" })
        {
            var response = await editorPage.GotoAsync(url + "?lang=" + lang);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            await Accessibility.AssertNoViolationsAsync(editorPage);
        }
        await editorContext.CloseAsync();
    }, "Accessibility_of_meetings_" + lang);

    private async Task<string> MailedLinkAsync(string to, string subjectPart)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(browser.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(browser.MailDirectory, "*.eml"))
                {
                    var mail = await MimeKit.MimeMessage.LoadAsync(file);
                    if (!mail.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                        || mail.Subject?.Contains(subjectPart, StringComparison.Ordinal) != true) continue;
                    var match = WorkspaceLink().Match(mail.TextBody ?? "");
                    if (match.Success) return match.Value;
                }
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"No mail to {to} about {subjectPart} in {browser.MailDirectory}.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/arbetsyta/organisationer/[0-9a-f-]{36}")]
    private static partial Regex WorkspaceLink();
}
