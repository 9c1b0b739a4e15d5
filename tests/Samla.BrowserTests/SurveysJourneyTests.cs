using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests;

/// <summary>
/// Follow-up surveys in the browser: a coordinator builds a survey from a template and sends it; the process leader
/// answers on a 360 px phone from the mailed link (Swedish and Arabic UI); the coordinator codes the answer and prints
/// the report. axe-core on every page the feature adds.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SurveysJourneyTests(BrowserFixture browser)
{
    private const string HalmstadProcessLeader = "processledare@halmstad.example";

    [Fact]
    public Task Coordinator_builds_and_sends_a_survey_a_recipient_answers_on_a_phone_and_the_coordinator_codes_and_prints() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Uppföljningsenkäter", Exact = true }).ClickAsync();
        await Expect(pages.Heading).ToHaveTextAsync("Uppföljningsenkäter");
        await Accessibility.AssertNoViolationsAsync(page);

        // Build from seed 003's question set for the local cooperation groups.
        var title = $"Kartläggning hälsa {Guid.NewGuid():N}"[..30];
        await page.GetByLabel("Rubrik", new PageGetByLabelOptions { Exact = true }).FillAsync(title);
        await page.GetByLabel("Kartläggning: lokala samverkansgrupper").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skapa enkät" }).ClickAsync();
        await Expect(pages.Heading).ToHaveTextAsync(title);
        await Expect(page.Locator("li.question-edit")).ToHaveCountAsync(8);
        await Accessibility.AssertNoViolationsAsync(page);
        await pages.ScreenshotAsync("surveys-01-build");

        // Reorder without script: the second question moves up.
        var second = await page.Locator("li.question-edit textarea[name=text]").Nth(1).InputValueAsync();
        await page.Locator("li.question-edit").Nth(1).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Flytta upp" }).ClickAsync();
        await Expect(page.Locator("li.question-edit textarea[name=text]").First).ToHaveValueAsync(second);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skicka enkäten" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Enkäten är skickad");

        // The process leader's mail, delivered by the outbox worker to the pickup directory.
        var link = await MailedLinkAsync(title, HalmstadProcessLeader);

        // Answer on a 360 px phone, not signed in.
        await page.Context.ClearCookiesAsync();
        await page.SetViewportSizeAsync(360, 740);
        await pages.GotoAsync(link);
        await Expect(pages.Heading).ToHaveTextAsync(title);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 360 px");
        var answers = page.Locator("textarea");
        await answers.First.FillAsync("Vi vill att region och kommun deltar i samverkansgruppen.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara utkast" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Utkastet är sparat");
        await Expect(answers.First).ToHaveValueAsync("Vi vill att region och kommun deltar i samverkansgruppen.");

        // The form in Arabic: right to left, the questions as written.
        await pages.GotoAsync(link + "?lang=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "إرسال الإجابة" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await pages.ScreenshotAsync("surveys-02-answer-arabic");

        await pages.GotoAsync(link + "?lang=sv");
        await answers.Nth(1).FillAsync("Samarbetet med hälsocentret och gemensamma hälsogrupper är ett gott exempel.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Skicka svar" }).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Tack!");
        await pages.ScreenshotAsync("surveys-03-answered");
        var receipt = await MailAsync(m => m.Subject?.Contains("Kvitto", StringComparison.Ordinal) == true && m.Subject.Contains(title, StringComparison.Ordinal));
        Assert.Contains("gott exempel", receipt.TextBody, StringComparison.Ordinal);

        // The coordinator codes the answer and prints the report.
        await page.SetViewportSizeAsync(1280, 900);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning/enkater");
        await page.Locator("tr", new PageLocatorOptions { HasText = title }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Resultat" }).ClickAsync();
        await Expect(page.Locator("text=Har svarat").First).ToBeVisibleAsync();
        var answer = page.Locator("ol.open-answers > li").Filter(new LocatorFilterOptions { HasText = "hälsocentret" });
        await answer.GetByLabel("Koncentrering").FillAsync("Gemensamma hälsogrupper med hälsocentret fungerar.");
        await answer.GetByLabel("Koder").FillAsync("hälsogrupper; samverkan med vården");
        await answer.GetByLabel("Gott exempel").CheckAsync();
        await answer.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".notice.ok")).ToContainTextAsync("Analysen av svaret är sparad");
        await page.GetByLabel("Tema för koden hälsogrupper").FillAsync("Hälsofrämjande grupper");
        await page.Locator("tr", new PageLocatorOptions { HasText = "hälsogrupper" }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("table", new PageLocatorOptions { HasText = "Teman i svaren" }).First).ToContainTextAsync("Hälsofrämjande grupper");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Rapport", Exact = true }).ClickAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(pages.Heading).ToHaveTextAsync(title);
        await Expect(page.Locator("main")).ToContainTextAsync("Hälsofrämjande grupper");
        await Expect(page.Locator("main")).ToContainTextAsync("Goda exempel");
        await Accessibility.AssertNoViolationsAsync(page);
        await pages.ScreenshotAsync("surveys-04-report");
    });

    [Fact]
    public Task The_comparison_of_the_demo_rounds_and_the_plain_message_for_a_wrong_link_are_accessible() => browser.RunAsync(async page =>
    {
        var pages = new CoordinationPages(page);
        await pages.SignInAsync(CoordinationPages.Coordinator);
        await pages.GotoAsync("/samordning/enkater");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Uppföljning av strategi och modell Hälsa och migration i Halland 2025", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Jämför med tidigare omgång" }).First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Teman som ökat eller minskat");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Context.ClearCookiesAsync();
        await pages.SignInAsync(DemoAccounts.Editor);
        await pages.GotoAsync("/samordning");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Delade enkätsammanfattningar" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Uppföljning av strategi och modell Hälsa och migration i Halland 2025" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Återkommande dialogforum");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Context.ClearCookiesAsync();
        foreach (var lang in new[] { "sv", "ar" })
        {
            var response = await page.GotoAsync($"/enkat/{new string('x', 43)}?lang={lang}");
            Assert.Equal(404, response?.Status);
            await Accessibility.AssertNoViolationsAsync(page);
        }
    });

    private async Task<string> MailedLinkAsync(string title, string to)
    {
        var mail = await MailAsync(m => m.Subject?.Contains(title, StringComparison.Ordinal) == true && m.Subject.StartsWith("Enkät", StringComparison.Ordinal)
            && m.To.Mailboxes.Any(a => a.Address == to));
        var match = LinkPattern().Match(mail.TextBody ?? "");
        Assert.True(match.Success, mail.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>Waits (the outbox worker polls) for a delivered .eml that matches.</summary>
    private async Task<MimeMessage> MailAsync(Func<MimeMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (Directory.Exists(browser.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(browser.MailDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (match(message)) return message;
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No such mail in " + browser.MailDirectory);
            await Task.Delay(500);
        }
    }

    [GeneratedRegex(@"https?://\S+/enkat/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
