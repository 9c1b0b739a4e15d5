using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samla.BrowserTests.Infrastructure;
using Samla.BrowserTests.Pages;
using Samla.Web.Features.Surveys;
using static Microsoft.Playwright.Assertions;

namespace Samla.BrowserTests.Layout;

/// <summary>
/// Walks every page kind (public; workspace as editor, with its form after a failed save, in a conflict and its history
/// with a diff; admin as administrator and as coordinator; coordination as coordinator, also in English; what a reader
/// sees; meetings, improvement, surveys) at 360 px and at 1280 px, in Swedish and in Arabic, and fails on what a person notices first: the page
/// scrolling sideways, a title that does not say what the page is, a raw resource key on screen, a word broken
/// letter by letter inside a table cell. With SAMLA_SCREENSHOTS=/some/dir it also keeps a screenshot of each page
/// at each width (for looking at, not committed).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageWalkTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [1280, 360];

    /// <summary>
    /// Problems of the page as it is laid out now: horizontal overflow of the page, raw resource keys in visible text,
    /// and words in table cells laid out over more than one line (a break inside a word, not at a space or hyphen).
    /// </summary>
    private const string Inspect = """
        () => {
            const problems = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > window.innerWidth + 1) {
                // Name the culprits: the outermost elements whose right (or left, RTL) edge is outside the viewport.
                const outside = e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1); };
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => outside(e) && !(e.parentElement && e.parentElement !== document.body && outside(e.parentElement)))
                    .slice(0, 4)
                    .map(e => e.outerHTML.slice(0, 100).replace(/\s+/g, ' '));
                problems.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window (${wide.join(', ')})`);
            }
            // A resource key looks like PrintHint or Field_Name; real words that look so are few and listed.
            const keyPattern = /^([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z][A-Za-z]+_[A-Za-z_]+)$/;
            const notKeys = new Set(['PowerPoint', 'LinkedIn', 'YouTube', 'WhatsApp', 'JavaScript', 'OpenStreetMap', 'GitHub', 'FreeOTP']);
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (!el || el.closest('script, style, code, pre, kbd, samp, textarea')) continue;
                // Stored data shown as is (the audit log's JSON values) holds property names by design.
                if (/^[\[{]/.test(node.data.trim())) continue;
                const keys = node.data.split(/[\s·:,;()"”]+/).filter(t => keyPattern.test(t) && !notKeys.has(t));
                if (keys.length === 0 || !el.checkVisibility()) continue;
                problems.push(`raw resource key "${keys[0]}" in <${el.tagName.toLowerCase()}>: "${node.data.trim().slice(0, 80)}"`);
            }
            if (keyPattern.test(document.title.split(' – ')[0])) problems.push(`raw resource key in the title "${document.title}"`);
            const broken = new Set();
            for (const cell of document.querySelectorAll('td, th')) {
                if (!cell.checkVisibility()) continue;
                const cells = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = cells.nextNode(); node; node = cells.nextNode()) {
                    if (!node.parentElement.checkVisibility({ contentVisibilityAuto: true })) continue;
                    const re = /[^\s\-‐–\/]+/g;
                    let m;
                    while ((m = re.exec(node.data)) !== null) {
                        // Only words: a data blob (a long id, a JSON value in the audit log) may break anywhere.
                        if (m[0].length < 2 || m[0].length > 40) continue;
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (lines.size > 1) broken.add(m[0]);
                    }
                }
                if (broken.size > 5) break;
            }
            // Filters that offer nothing: a count of zero, a box with no choice in it.
            for (const count of document.querySelectorAll('.count')) {
                // A chosen option stays (with its 0) so that it can be taken away again.
                if (count.checkVisibility() && /^\(0\)$/.test(count.textContent.trim()) && !count.closest('li')?.querySelector('input:checked')) problems.push(`filter option with a count of (0): ${count.parentElement.textContent.trim()}`);
            }
            for (const box of document.querySelectorAll('fieldset.facet')) {
                if (box.querySelectorAll('input, select').length === 0) problems.push(`empty filter box "${box.querySelector('legend')?.textContent.trim()}"`);
            }
            if (broken.size > 0) problems.push(`word(s) broken inside a table cell: ${[...broken].slice(0, 5).join(', ')}`);
            // An error summary reads like the form: its links go down the page, each to a field that is there.
            const targets = [...document.querySelectorAll('#error-summary a[href^="#"]')].map(a => [a.getAttribute('href'), document.getElementById(a.getAttribute('href').slice(1))]);
            for (const [href, field] of targets) if (!field) problems.push(`error summary links to ${href}, which is not on the page`);
            const found = targets.filter(([, field]) => field);
            for (let i = 1; i < found.length; i++) {
                if (found[i - 1][1].compareDocumentPosition(found[i][1]) & Node.DOCUMENT_POSITION_PRECEDING) {
                    problems.push(`error summary lists ${found[i][0]} after ${found[i - 1][0]}, which comes later in the form`);
                }
            }
            return problems;
        }
        """;

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    [InlineData("en")]
    [InlineData("ti")]
    public Task Public_pages(string lang) => browser.RunAsync(async page =>
    {
        var walk = new Walk(page, lang, "public");
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/");
        await walk.CheckLanguageMenuAsync();
        await walk.CheckAsync("/sok");
        await walk.CheckAsync("/sok?q=st%C3%B6d");
        await walk.CheckAsync("/sok?q=st%C3%B6d&sida=2");
        await walk.CheckAsync("/sok?q=st%C3%B6d&kommun=1380&gratis=1&alder=16");
        await walk.CheckAsync("/sok?q=xqzwvyy");
        await walk.CheckAsync("/sok?q=samtal&malgrupp=undocumented&kommun=1381");
        await walk.CheckFilterLinkAsync("/sok?q=st%C3%B6d");
        await walk.CheckAsync("/sok/utskrift?q=st%C3%B6d");
        await walk.CheckAsync("/sok/utskrift?q=st%C3%B6d&kommun=1380");
        await walk.CheckAsync("/organisationer");
        var organisation = await walk.FirstLinkAsync("/organisationer", OrganisationLink());
        await walk.CheckAsync(organisation);
        var service = await walk.FirstLinkAsync(organisation, ServiceLink());
        await walk.CheckAsync(service);
        await walk.CheckAsync(service + "/utskrift");
        await walk.CheckAsync("/om");
        await walk.CheckAsync("/tillganglighet");
        await walk.CheckAsync("/beredskap");
        await walk.CheckAsync("/larande");
        await walk.CheckAsync(await walk.FirstLinkAsync("/larande", PublicExampleLink()));
        await walk.CheckAsync("/enkater/sammanfattningar");
        await walk.CheckAsync("/konto/logga-in");
        await walk.CheckAsync("/finns-inte", expectedStatus: 404);
        await walk.CheckAsync($"/insatser/{Guid.NewGuid()}", expectedStatus: 404);
        await walk.CheckAsync("/konto/nekad", expectedStatus: 403);

        // A survey answer page behind a personal link: no link on it carries the token on (language menu, sign-in).
        // Swedish and Arabic only: the answer page is rate limited per address, and all walks share one app.
        if (lang is not ("sv" or "ar"))
        {
            walk.AssertClean();
            return;
        }
        var token = await OpenSurveyTokenAsync();
        await walk.CheckAsync($"/enkat/{token}");
        await walk.CheckNoLinkHoldsAsync($"/enkat/{token}", token);
        await walk.CheckAsync($"/enkat/{new string('x', 43)}", expectedStatus: 404);
        await walk.CheckNoLinkHoldsAsync($"/enkat/{new string('x', 43)}", new string('x', 43));
        walk.AssertClean();
    });

    /// <summary>
    /// The staff's own account pages (two-step sign-in, my account, setting up two-step, a password link): titled, no
    /// sideways scrolling; in Arabic they stay Swedish and left to right with the note, like the other staff pages.
    /// </summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Account_pages(string lang) => browser.RunAsync(async page =>
    {
        // Signed in with the Swedish form (the page object knows its words), then shown in the walk's language.
        var walk = new Walk(page, lang, "account");
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await page.WaitForURLAsync("**/konto/tvastegs**");
        var twoStep = new Uri(page.Url).PathAndQuery;
        await walk.UseLanguageAsync();
        await walk.CheckAsync(twoStep);
        await page.Context.ClearCookiesAsync();
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/konto");
        await walk.CheckAsync("/konto/tvastegs/aktivera");
        await walk.CheckAsync("/konto/logga-ut");
        await page.Context.ClearCookiesAsync();
        await walk.UseLanguageAsync();
        var secret = "CfDJ8" + new string('a', 40);
        await walk.CheckAsync($"/konto/valj-losenord?userId={Guid.NewGuid()}&token={secret}", expectedStatus: 400);
        await walk.CheckNoLinkHoldsAsync($"/konto/valj-losenord?userId={Guid.NewGuid()}&token={secret}", secret, samePageMayHold: true);
        walk.AssertClean();
    });

    /// <summary>In preparedness mode every public page carries the notice, and /beredskap says that a large reception is on.</summary>
    [Fact]
    public Task Public_pages_in_preparedness_mode() => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, CoordinationPages.Coordinator, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        await SwitchPreparednessAsync(page, on: true);
        var visitor = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "sv-SE" });
        try
        {
            var reader = await visitor.NewPageAsync();
            foreach (var lang in new[] { "sv", "ar" })
            {
                var walk = new Walk(reader, lang, "preparedness");
                await walk.UseLanguageAsync();
                await walk.CheckAsync("/");
                await walk.CheckAsync("/beredskap");
                await walk.CheckAsync("/sok?q=st%C3%B6d");
                walk.AssertClean();
                Assert.Equal(1, await reader.Locator(".preparedness-notice").CountAsync());
            }
        }
        finally
        {
            await visitor.CloseAsync();
            await SwitchPreparednessAsync(page, on: false);
        }
    });

    private static async Task SwitchPreparednessAsync(IPage page, bool on)
    {
        await page.GotoAsync("/samordning/beredskap?lang=sv");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = on ? "Slå på beredskapsläget" : "Stäng av beredskapsläget" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>A fresh personal link to the demo survey that is open (as the mailed one would be; only its hash is stored).</summary>
    private Task<string> OpenSurveyTokenAsync() => browser.WithDbAsync(async db =>
    {
        var (token, hash) = SurveyTokens.Create();
        var recipient = await db.Set<SurveyRecipient>()
            .Where(r => r.Survey.Status == SurveyStatus.Sent && r.SubmittedAt == null)
            .OrderByDescending(r => r.Survey.ClosesOn).ThenBy(r => r.Id)
            .Select(r => r.Id).FirstAsync();
        await db.Set<SurveyRecipient>().Where(r => r.Id == recipient).ExecuteUpdateAsync(u => u.SetProperty(r => r.TokenHash, hash));
        return token;
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Workspace_pages_as_editor(string lang) => browser.RunAsync(async page =>
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var walk = new Walk(page, lang, "editor");
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/arbetsyta");
        var organisation = (await walk.FirstLinkAsync("/arbetsyta", WorkspaceProfileLink()))[..^"/profil".Length];
        await walk.CheckAsync(organisation);
        await walk.CheckAsync(organisation + "/profil");
        await walk.CheckAsync(organisation + "/kontakter");
        await walk.CheckAsync(organisation + "/platser");
        await walk.CheckAsync(organisation + "/ny-insats");
        var service = await walk.FirstLinkAsync(organisation, WorkspaceServiceLink());
        await walk.CheckAsync(service);
        await walk.CheckAsync(service + "/historik");
        await walk.CheckAsync("/samordning/behov");
        await walk.CheckAsync("/samordning/behov/nytt");
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/behov", NeedLink()));
        walk.AssertClean();
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Admin_pages_as_administrator(string lang) => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        var walk = new Walk(page, lang, "admin");
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/admin");
        await walk.CheckAsync("/admin/anvandare");
        await walk.CheckAsync(await walk.FirstLinkAsync("/admin/anvandare", UserLink()));
        await walk.CheckAsync("/admin/organisationer");
        await walk.CheckAsync("/admin/logg");
        await walk.CheckAsync("/admin/utskick");
        await walk.CheckAsync("/admin/api-nycklar");
        walk.AssertClean();
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    [InlineData("en")]
    public Task Coordination_pages_as_coordinator(string lang) => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, CoordinationPages.Coordinator, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        var walk = new Walk(page, lang, "coordinator");
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/samordning");
        await walk.CheckAsync("/samordning/tackning");
        await walk.CheckAsync("/samordning/tackning?vy=sprak");
        // "Vem gör vad var": organisations × municipalities, the widest table of all.
        await walk.CheckAsync("/samordning/tackning?vy=organisation");
        await walk.CheckAsync("/samordning/tackning/karta");
        await walk.CheckAsync("/samordning/tackning/insatser");
        await walk.CheckAsync("/samordning/tackning/insatser?kommun=1380");
        await walk.CheckAsync("/samordning/beredskap");
        await walk.CheckAsync("/samordning/import");
        await walk.CheckAsync("/samordning/behov");
        await walk.CheckAsync("/samordning/behov/nytt");
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/behov", NeedLink()));
        await walk.CheckAsync("/samordning/synonymer");
        await walk.CheckAsync("/samordning/synonymer?prova=papperslösa%20i%20halmstad");
        await page.GotoAsync("/samordning/synonymer");
        if (await page.Locator("main a[href^='/samordning/synonymer/']").CountAsync() == 0)
        {
            // The demo has no coordinators' own group: add one, to see its edit page.
            await page.Locator("#Members").FillAsync("fika, kaffestund, mötesfika");
            await page.Locator("form:has(#Members) button[type=submit]").ClickAsync();
        }
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/synonymer", SynonymLink()));
        // Coordinators see the administration too (organisations, users, log, outbox), without the API keys.
        await walk.CheckAsync("/admin");
        await walk.CheckAsync("/admin/organisationer");
        await walk.CheckAsync("/admin/anvandare");
        await walk.CheckAsync("/admin/logg");
        await walk.CheckAsync("/admin/utskick");
        walk.AssertClean();
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Staff_pages_as_reader(string lang) => browser.RunAsync(async page =>
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.Reader, DemoAccounts.Password);
        var walk = new Walk(page, lang, "reader");
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/arbetsyta");
        // A reader edits nothing by design: the workspace says so and leads on, rather than "not linked to an organisation".
        await Expect(page.Locator("main a[href='/samordning']")).ToHaveCountAsync(1);
        await walk.CheckAsync("/samordning");
        await walk.CheckAsync("/samordning/tackning");
        await walk.CheckAsync("/samordning/behov");
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/behov", NeedLink()));
        await walk.CheckAsync("/samordning/forbattring");
        await walk.CheckAsync("/samordning/larande");
        walk.AssertClean();
    });

    /// <summary>
    /// The service form as a person meets it after saving: with errors (summary, red fields), in a conflict with a save
    /// made in another tab (the two versions side by side), and the history with a word diff of that other save.
    /// Röda Korset's editor, so the other walks and journeys keep Halmstad's services as they expect them.
    /// </summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Service_form_states_as_editor(string lang) => browser.RunAsync(async page =>
    {
        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(DemoAccounts.RedCrossEditor, DemoAccounts.Password);
        var walk = new Walk(page, lang, "editor-states");
        await walk.UseLanguageAsync();
        var organisation = (await walk.FirstLinkAsync("/arbetsyta", WorkspaceProfileLink()))[..^"/profil".Length];

        await page.GotoAsync(organisation + "/ny-insats");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spara insatsen" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await walk.CheckCurrentAsync("new-service-with-errors");

        var service = await walk.FirstLinkAsync(organisation, WorkspaceServiceLink());
        await page.GotoAsync(service);
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(service);
        var description = other.Locator("#Input_Description");
        await description.FillAsync((await description.InputValueAsync()) + "\n\nNytt stycke från en annan flik.");
        await new EditServicePage(other).Save.ClickAsync();
        await Expect(other.Locator("p.notice.ok")).ToBeVisibleAsync();
        await other.CloseAsync();
        var edit = new EditServicePage(page);
        await edit.Name.FillAsync(await edit.Name.InputValueAsync() + " (ändrad)");
        await edit.Save.ClickAsync();
        await Expect(page.Locator("#conflict")).ToBeVisibleAsync();
        await walk.CheckCurrentAsync("service-in-conflict");

        await walk.CheckAsync(service + "/historik");
        await Expect(page.Locator(".diff ins").First).ToBeVisibleAsync();
        walk.AssertClean();
    });

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public Task Meetings_improvement_and_survey_pages_as_coordinator(string lang) => browser.RunAsync(async page =>
    {
        await TwoStepSignIn.SignInAsync(page, CoordinationPages.Coordinator, DemoAccounts.Password, DemoAccounts.AuthenticatorKey);
        var walk = new Walk(page, lang, "features");
        await walk.UseLanguageAsync();
        await walk.CheckAsync("/samordning/moten");
        await walk.CheckAsync("/samordning/moten/nytt");
        await walk.CheckAsync("/samordning/moten/narvaro");
        var meeting = await walk.FirstLinkAsync("/samordning/moten", MeetingLink());
        await walk.CheckAsync(meeting);
        await walk.CheckAsync(meeting + "/redigera");
        await walk.CheckAsync(meeting + "/protokoll");
        await walk.CheckAsync(meeting + "/narvaro");
        await walk.CheckAsync("/samordning/uppdateringsrundor");
        await walk.CheckAsync("/samordning/uppdateringsrundor/ny");
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/uppdateringsrundor", RoundLink()));
        await walk.CheckAsync("/samordning/forbattring");
        await walk.CheckAsync("/samordning/forbattring/nytt");
        var initiative = await walk.FirstLinkAsync("/samordning/forbattring", InitiativeLink());
        await walk.CheckAsync(initiative);
        await walk.CheckAsync(initiative + "/rapport");
        await walk.CheckAsync(initiative + "/matt/ny");
        await walk.CheckAsync(await walk.FirstLinkAsync(initiative, MeasureLink()));
        await walk.CheckAsync("/samordning/larande");
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/larande", LibraryExampleLink()));
        await walk.CheckAsync(initiative + "/redigera/identifiera");
        await walk.CheckAsync(initiative + "/redigera/forbattra");
        await walk.CheckAsync(initiative + "/redigera/larande");
        await walk.CheckAsync(await walk.FirstLinkAsync(initiative, PdsaLink()));
        await walk.CheckAsync(meeting + "/protokoll/utskrift");
        await walk.CheckAsync("/samordning/enkater");
        var survey = await walk.FirstLinkAsync("/samordning/enkater", SurveyLink());
        await walk.CheckAsync(survey);
        await walk.CheckAsync(survey + "/resultat");
        await walk.CheckAsync(survey + "/rapport");
        await walk.CheckAsync(await walk.FirstLinkAsync("/samordning/enkater", CompareLink(), afterLink: SurveyResultsLink()));
        walk.AssertClean();
    });

    /// <summary>One walk: checks each page at each width and collects every problem, so one run names them all.</summary>
    private sealed class Walk(IPage page, string lang, string role)
    {
        private readonly List<string> _problems = [];
        private static readonly string? ScreenshotDirectory = Environment.GetEnvironmentVariable("SAMLA_SCREENSHOTS");

        public async Task UseLanguageAsync()
        {
            await page.GotoAsync($"/sprak/{lang}?returnUrl=/");
        }

        /// <summary>
        /// The first link on <paramref name="listUrl"/> like <paramref name="href"/>; with <paramref name="afterLink"/>,
        /// the first such link on any page that list links to that way (a survey's comparison, found on its results).
        /// </summary>
        public async Task<string> FirstLinkAsync(string listUrl, Regex href, Regex? afterLink = null)
        {
            if (page.Url.EndsWith(listUrl, StringComparison.Ordinal) is false) await page.GotoAsync(listUrl);
            var hrefs = await LinksAsync();
            if (afterLink is not null)
            {
                foreach (var next in hrefs.Where(h => afterLink.IsMatch(h)).Distinct().ToList())
                {
                    await page.GotoAsync(next);
                    var inner = (await LinksAsync()).FirstOrDefault(h => href.IsMatch(h));
                    if (inner is not null) return inner;
                }
            }
            var found = hrefs.FirstOrDefault(h => href.IsMatch(h));
            Assert.True(found is not null, $"no link like {href} on {listUrl}");
            return found!;
        }

        private Task<string[]> LinksAsync() =>
            page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        public async Task CheckAsync(string url, int expectedStatus = 200)
        {
            await page.SetViewportSizeAsync(Widths[0], 900);
            var response = await page.GotoAsync(url);
            if (response is null || response.Status != expectedStatus)
            {
                _problems.Add($"{url}: answered {response?.Status}, not {expectedStatus}");
                return;
            }
            var title = await page.TitleAsync();
            if (!title.EndsWith(" – Samla", StringComparison.Ordinal) || title.Length <= " – Samla".Length + 1)
            {
                _problems.Add($"{url}: title \"{title}\" does not say what the page is");
            }
            if (lang == "ar" && IsStaffPage(url))
            {
                // Staff pages exist in Swedish and English: in Arabic they stay Swedish and left to right, with a note.
                var dir = await page.Locator("html").GetAttributeAsync("dir");
                if (dir != "ltr") _problems.Add($"{url}: staff page in Arabic UI is {dir}, not ltr");
                var printView = await page.Locator("body.print-page").CountAsync() > 0;
                if (!printView && await page.Locator(".staff-language-note[lang=ar]").CountAsync() != 1) _problems.Add($"{url}: no Arabic note that staff pages are in Swedish");
            }
            // An error page's screenshot does not overwrite the page's own.
            await InspectAtEachWidthAsync(url, expectedStatus == 200 ? url : $"{url}-{expectedStatus}");
        }

        /// <summary>Checks the page as it is now (the answer to a form post: errors, a conflict) without loading it again.</summary>
        public async Task CheckCurrentAsync(string state)
        {
            await page.SetViewportSizeAsync(Widths[0], 900);
            var title = await page.TitleAsync();
            if (!title.EndsWith(" – Samla", StringComparison.Ordinal) || title.Length <= " – Samla".Length + 1)
            {
                _problems.Add($"{state}: title \"{title}\" does not say what the page is");
            }
            await InspectAtEachWidthAsync(state, state);
        }

        private async Task InspectAtEachWidthAsync(string label, string shotName)
        {
            foreach (var width in Widths)
            {
                if (width != Widths[0]) await page.SetViewportSizeAsync(width, 800);
                foreach (var problem in await page.EvaluateAsync<string[]>(Inspect))
                {
                    _problems.Add($"{label} at {width}px: {problem}");
                }
                if (ScreenshotDirectory is { Length: > 0 })
                {
                    Directory.CreateDirectory(ScreenshotDirectory);
                    var name = Regex.Replace(shotName.Trim('/'), "[^A-Za-z0-9]+", "-");
                    name = Regex.Replace(name, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "id");
                    var file = Path.Combine(ScreenshotDirectory, $"{role}-{lang}-{width}-{(name.Length == 0 ? "home" : name)}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                }
            }
        }

        /// <summary>
        /// A page whose address holds a secret gives it to no other address: no link (language menu, sign-in) holds it,
        /// except, where the secret is in the query, the page's own address with ?lang= (<paramref name="samePageMayHold"/>).
        /// </summary>
        public async Task CheckNoLinkHoldsAsync(string url, string secret, bool samePageMayHold = false)
        {
            await page.GotoAsync(url);
            var hrefs = await page.Locator("a[href], form[action]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href') ?? e.getAttribute('action'))");
            foreach (var href in hrefs.Where(h => h.Contains(secret, StringComparison.Ordinal)))
            {
                if (samePageMayHold && href.StartsWith('?')) continue;
                _problems.Add($"{url}: a link carries its secret on: {href}");
            }
            var languages = await page.Locator(".lang-menu li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            if (languages.Any(h => !h.StartsWith('?'))) _problems.Add($"{url}: the language menu leaves the page ({languages[0]})");
            // …and still switches the language: the same page, now in Ukrainian (staff pages stay Swedish, see IsStaffPage).
            if (IsStaffPage(url)) return;
            var ukrainian = await page.Locator(".lang-menu a[hreflang=uk]").GetAttributeAsync("href");
            await page.GotoAsync(new Uri(new Uri(page.Url), ukrainian).ToString());
            if (await page.Locator("html").GetAttributeAsync("lang") != "uk" || !new Uri(page.Url).AbsolutePath.Equals(new Uri(new Uri("http://x"), url).AbsolutePath, StringComparison.Ordinal))
            {
                _problems.Add($"{url}: the language menu did not show the same page in Ukrainian ({page.Url})");
            }
        }

        /// <summary>At 360 px the open language menu shows every language whole (it was cut off at either edge).</summary>
        public async Task CheckLanguageMenuAsync()
        {
            await page.SetViewportSizeAsync(360, 800);
            // The globe is a drawing hidden from screen readers, not an emoji (an empty box where no emoji font is installed).
            if (await page.Locator(".lang-menu summary > svg[aria-hidden=true]").CountAsync() != 1) _problems.Add("language button: no globe drawing hidden from screen readers");
            if (EmojiOrSymbol().IsMatch(await page.Locator(".lang-menu summary").InnerTextAsync())) _problems.Add("language button: an emoji in its text");
            await page.Locator(".lang-menu summary").ClickAsync();
            var links = page.Locator(".lang-menu li a");
            var count = await links.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var box = await links.Nth(i).BoundingBoxAsync();
                if (box is null || box.X < 0 || box.X + box.Width > 360)
                {
                    _problems.Add($"language menu at 360px: \"{await links.Nth(i).InnerTextAsync()}\" is cut off ({box?.X:0}…{box?.X + box?.Width:0})");
                }
            }
            if (ScreenshotDirectory is { Length: > 0 })
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{role}-{lang}-360-language-menu.png") });
            }
            await page.Locator(".lang-menu summary").ClickAsync();
        }

        /// <summary>On a phone the filters come after the results: a "Filter" link at the top takes focus to them.</summary>
        public async Task CheckFilterLinkAsync(string url)
        {
            await page.SetViewportSizeAsync(360, 800);
            await page.GotoAsync(url);
            var link = page.Locator(".filter-jump a");
            var results = await page.Locator("ol.hits").BoundingBoxAsync();
            var box = await link.BoundingBoxAsync();
            if (box is null || results is null || box.Y > results.Y) _problems.Add($"{url} at 360px: no Filter link above the results");
            else
            {
                await link.ClickAsync();
                var focused = await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
                if (focused != "filters") _problems.Add($"{url} at 360px: the Filter link moved focus to '{focused}', not to the filters");
            }
            await page.SetViewportSizeAsync(1280, 900);
            if (await link.IsVisibleAsync()) _problems.Add($"{url} at 1280px: the Filter link shows although the filters sit beside the results");
        }

        public void AssertClean() =>
            Assert.True(_problems.Count == 0, $"{_problems.Count} problem(s) ({role}, {lang}):\n" + string.Join("\n", _problems));

        private static bool IsStaffPage(string url) =>
            url.StartsWith("/arbetsyta", StringComparison.Ordinal) || url.StartsWith("/admin", StringComparison.Ordinal) || url.StartsWith("/samordning", StringComparison.Ordinal)
            || (url.StartsWith("/konto", StringComparison.Ordinal) && !url.StartsWith("/konto/logga-", StringComparison.Ordinal) && !url.StartsWith("/konto/nekad", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[\u2600-\u27BF]|\p{Cs}")]
    private static partial Regex EmojiOrSymbol();

    [GeneratedRegex("^/organisationer/[0-9a-f-]{36}$")]
    private static partial Regex OrganisationLink();

    [GeneratedRegex("^/insatser/[0-9a-f-]{36}$")]
    private static partial Regex ServiceLink();

    [GeneratedRegex("^/larande/[0-9a-f-]{36}$")]
    private static partial Regex PublicExampleLink();

    [GeneratedRegex("^/arbetsyta/organisationer/[0-9a-f-]{36}/profil$")]
    private static partial Regex WorkspaceProfileLink();

    [GeneratedRegex("^/arbetsyta/insatser/[0-9a-f-]{36}$")]
    private static partial Regex WorkspaceServiceLink();

    [GeneratedRegex("^/samordning/behov/[0-9a-f-]{36}$")]
    private static partial Regex NeedLink();

    [GeneratedRegex("^/admin/anvandare/[^/?]+$")]
    private static partial Regex UserLink();

    [GeneratedRegex("^/samordning/moten/[0-9a-f-]{36}$")]
    private static partial Regex MeetingLink();

    [GeneratedRegex("^/samordning/uppdateringsrundor/[0-9a-f-]{36}$")]
    private static partial Regex RoundLink();

    [GeneratedRegex("^/samordning/forbattring/[0-9a-f-]{36}$")]
    private static partial Regex InitiativeLink();

    [GeneratedRegex("^/samordning/forbattring/matt/[0-9a-f-]{36}$")]
    private static partial Regex MeasureLink();

    [GeneratedRegex("^/samordning/larande/[0-9a-f-]{36}$")]
    private static partial Regex LibraryExampleLink();

    [GeneratedRegex("^/samordning/enkater/[0-9a-f-]{36}$")]
    private static partial Regex SurveyLink();

    [GeneratedRegex("^/samordning/enkater/[0-9a-f-]{36}/resultat$")]
    private static partial Regex SurveyResultsLink();

    [GeneratedRegex("^/samordning/enkater/[0-9a-f-]{36}/jamfor$")]
    private static partial Regex CompareLink();

    [GeneratedRegex("^/samordning/forbattring/[0-9a-f-]{36}/pdsa/[0-9a-f-]{36}$")]
    private static partial Regex PdsaLink();

    [GeneratedRegex("^/samordning/synonymer/[0-9a-f-]{36}$")]
    private static partial Regex SynonymLink();
}
