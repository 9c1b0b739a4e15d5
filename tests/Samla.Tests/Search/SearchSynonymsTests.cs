using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>
/// Coordinators extend the search's synonyms at /samordning/synonymer: a new group counts in the search (page, API)
/// when the save answers, on other instances within seconds, archived it stops counting; only coordinators may; a stale
/// edit shows the conflict and loses nothing; every change is audited.
/// </summary>
public sealed class SearchSynonymsTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private const string Page = "/samordning/synonymer";

    private ServiceSearch Search => app.Services.GetRequiredService<ServiceSearch>();

    /// <summary>A word no service has (letters only, so the analyzer keeps it whole).</summary>
    private static string UniqueWord(string stem) => stem + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private async Task<IReadOnlyList<Guid>> FindAsync(string text) =>
        (await Search.SearchAsync(new SearchRequest { Text = text, PageSize = 100 }, CancellationToken.None)).ServiceIds;

    /// <summary>A public service of the test's own, waited for in the index.</summary>
    private async Task<Guid> ServiceAsync(string name)
    {
        var service = await app.CreateServiceAsync(name);
        var watch = Stopwatch.StartNew();
        while (!(await FindAsync(name)).Contains(service.Id))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{name} not in the index");
            await Task.Delay(50);
        }
        return service.Id;
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, string members) =>
        await SamlaApp.PostFormAsync(client, Page, Page + "?handler=Add", [new("Members", members)]);

    private Task<SearchSynonymGroup?> GroupAsync(string members) =>
        app.WithDbAsync(db => db.Set<SearchSynonymGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Members == members));

    private static async Task<HttpResponseMessage> PostRowAsync(HttpClient client, string handler, SearchSynonymGroup group) =>
        await SamlaApp.PostFormAsync(client, Page, $"{Page}?handler={handler}&id={group.Id}", [new("version", group.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    [Fact]
    public async Task A_coordinators_group_finds_a_service_by_its_other_word_at_once_and_archiving_it_removes_that()
    {
        var id = await ServiceAsync("Natthärbärge för bostadslösa");
        Assert.DoesNotContain(id, await FindAsync("hemlös"));
        using var anonymous = app.CreateClient();
        // Cached before the change: the save must evict it.
        Assert.DoesNotContain("Natthärbärge för bostadslösa", await anonymous.AssertOkAsync("/sok?q=heml%C3%B6s"), StringComparison.Ordinal);

        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        using (var added = await AddAsync(coordinator, " hemlös ,bostadslös"))
        {
            await added.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        // Applied on this instance before the save answered: page, engine and API.
        Assert.Contains(id, await FindAsync("hemlös"));
        Assert.Contains("Natthärbärge för bostadslösa", await anonymous.AssertOkAsync("/sok?q=heml%C3%B6s"), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await anonymous.AssertOkAsync("/api/hsds/services?search=heml%C3%B6s"), StringComparison.Ordinal);

        var group = await GroupAsync("hemlös, bostadslös");
        Assert.NotNull(group);
        var list = await coordinator.AssertOkAsync(Page);
        Assert.Contains("hemlös, bostadslös", list, StringComparison.Ordinal);
        Assert.Contains("papperslösa, tillståndslösa", list, StringComparison.Ordinal); // the repository's groups, read-only
        Assert.Contains("”hemlös” söker också efter: bostadslös", await coordinator.AssertOkAsync(Page + "?prova=hemlös"), StringComparison.Ordinal);

        using (var archived = await PostRowAsync(coordinator, "Archive", group!))
        {
            await archived.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.DoesNotContain(id, await FindAsync("hemlös"));
        Assert.Contains(id, await FindAsync("bostadslösa"));
        var archivedGroup = await GroupAsync("hemlös, bostadslös");
        Assert.True(archivedGroup!.IsArchived); // kept, not deleted

        using (var restored = await PostRowAsync(coordinator, "Restore", archivedGroup))
        {
            await restored.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Contains(id, await FindAsync("hemlös"));

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(SearchSynonymGroup) && a.EntityId == group!.Id.ToString())
            .Select(a => new { a.Action, a.FieldName, a.NewValue, a.UserName }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "create" && a.NewValue!.Contains("hemlös, bostadslös", StringComparison.Ordinal) && a.UserName == DemoAccounts.Coordinator);
        Assert.Equal(2, audit.Count(a => a.Action == "update" && a.FieldName == nameof(SearchSynonymGroup.IsArchived)));
    }

    [Fact]
    public async Task A_group_added_on_another_instance_counts_here_within_seconds()
    {
        var (a, b) = (UniqueWord("Vindsnurra"), UniqueWord("Kvarnsten"));
        var id = await ServiceAsync($"Träffpunkt {b}");
        Assert.DoesNotContain(id, await FindAsync(a));
        // As another instance would: straight into the database, without this instance's page.
        await app.WithDbAsync(async db =>
        {
            db.Add(new SearchSynonymGroup { Members = $"{a}, {b}" });
            await db.SaveChangesAsync();
        });
        var watch = Stopwatch.StartNew();
        while (!(await FindAsync(a)).Contains(id))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"The new group did not count after {watch.ElapsedMilliseconds} ms");
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("hemlös", "minst två ord")]
    [InlineData("hemlös,,bostadslös", "Ett av orden är tomt")]
    [InlineData("", "Skriv minst två ord")]
    [InlineData("hemlös, Hemlös", "står två gånger")]
    [InlineData("hemlös, och", "inga ord som sökningen kan använda")]
    public async Task An_invalid_group_is_refused_with_a_message_and_nothing_is_written(string members, string message)
    {
        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var before = await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().CountAsync());
        using var response = await AddAsync(coordinator, members);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().CountAsync()));
    }

    [Fact]
    public async Task Only_coordinators_and_administrators_may_see_or_change_the_groups()
    {
        var before = await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().CountAsync());
        foreach (var email in new[] { DemoAccounts.Editor, DemoAccounts.Reader })
        {
            using var client = await app.CreateClientSignedInAsync(email, DemoAccounts.Password);
            using (var page = await client.GetAsync(Page))
            {
                Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{email}: {page.StatusCode}");
                Assert.DoesNotContain("papperslösa, tillståndslösa", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            // A form posted anyway (a token from a page the user may see).
            var token = await SamlaApp.GetAntiforgeryTokenAsync(client, "/konto");
            using var content = new FormUrlEncodedContent([new("Members", "hemlös, bostadslös, husvill"), new("__RequestVerificationToken", token)]);
            using var post = await client.PostAsync(Page + "?handler=Add", content);
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{email}: {post.StatusCode}");
        }
        using (var anonymous = app.CreateBrowserClient())
        using (var page = await anonymous.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/konto/logga-in", page.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().CountAsync()));
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await admin.AssertOkAsync(Page);
        using var coordinator = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        Assert.Contains("href=\"/samordning/synonymer\"", await coordinator.AssertOkAsync("/samordning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_keeps_what_was_typed_and_saves_only_when_sent_again()
    {
        var (a, b, c, d) = (UniqueWord("Lyktstolpe"), UniqueWord("Gatlykta"), UniqueWord("Gatljus"), UniqueWord("Lanterna"));
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using (var added = await AddAsync(first, $"{a}, {b}")) await added.AssertStatusAsync(HttpStatusCode.Redirect);
        var group = (await GroupAsync($"{a}, {b}"))!;
        var edit = $"{Page}/{group.Id}";

        // Both open the form; the second saves first.
        var mine = FormReader.Fields(await first.AssertOkAsync(edit), "Members").Set("Members", $"{a}, {b}, {c}");
        var theirs = FormReader.Fields(await second.AssertOkAsync(edit), "Members").Set("Members", $"{a}, {b}, {d}");
        using (var saved = await SamlaApp.PostFormAsync(second, edit, edit, theirs.Without("__RequestVerificationToken")))
        {
            await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Contains(group.Id, await FindIdsOfGroupAsync(d));

        using (var stale = await SamlaApp.PostFormAsync(first, edit, edit, mine.Without("__RequestVerificationToken")))
        {
            var body = await stale.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Contains("Någon annan har ändrat samtidigt", body, StringComparison.Ordinal);
            Assert.Contains($"{a}, {b}, {d}", body, StringComparison.Ordinal); // what they saved
            Assert.Contains($"value=\"{a}, {b}, {c}\"", body, StringComparison.Ordinal); // what I typed, still in the form
            Assert.Equal($"{a}, {b}, {d}", (await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().AsNoTracking().SingleAsync(g => g.Id == group.Id))).Members);

            // Sent again from the conflict page (its version now the saved one): mine is saved.
            using var again = await SamlaApp.PostFormAsync(first, edit, edit, FormReader.Fields(body, "Members").Without("__RequestVerificationToken"));
            await again.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Equal($"{a}, {b}, {c}", (await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().AsNoTracking().SingleAsync(g => g.Id == group.Id))).Members);
        Assert.Contains(Search.Synonyms.Explain(c).Single().Alternatives, x => x == a);

        // Archiving with the version of a page loaded before an edit changes nothing.
        using (var staleArchive = await PostRowAsync(first, "Archive", group))
        {
            Assert.Contains("Gruppen ändrades av någon annan", await staleArchive.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        }
        Assert.False((await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().AsNoTracking().SingleAsync(g => g.Id == group.Id))).IsArchived);
    }

    private async Task<IReadOnlyList<Guid>> FindIdsOfGroupAsync(string member) =>
        await app.WithDbAsync(db => db.Set<SearchSynonymGroup>().AsNoTracking().Where(g => g.Members.Contains(member)).Select(g => g.Id).ToListAsync());
}
