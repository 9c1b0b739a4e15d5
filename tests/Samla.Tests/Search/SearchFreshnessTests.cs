using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Exchange;
using Samla.Tests.Infrastructure;
using Samla.Tests.Workspace;
using Samla.Web.Core;
using Samla.Web.Data;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>
/// Changes reach the search index incrementally: on the instance that made them before the response returns; from
/// elsewhere (another instance writing to the database, the command line) within 2 s, through the change feed
/// (Samla:Search:PollSeconds is 1 here, as by default).
/// </summary>
public sealed class SearchFreshnessTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    /// <summary>
    /// A ceiling, not the target: the 2 s target is measured by bench/search (performance targets live in benchmarks).
    /// On a busy 2-core test machine the poll (1 s) plus the update can take longer; the old whole-rebuild mechanism took
    /// a 5 s poll plus a rebuild, so this still fails if the feed stops being incremental.
    /// </summary>
    private static readonly TimeSpan OtherInstance = TimeSpan.FromSeconds(6);

    private ServiceSearch Search => app.Services.GetRequiredService<ServiceSearch>();

    /// <summary>A word no service has (letters only, so the analyzer keeps it whole).</summary>
    private static string UniqueWord(string stem) => stem + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private async Task<IReadOnlyList<Guid>> FindAsync(string text) =>
        (await Search.SearchAsync(new SearchRequest { Text = text }, CancellationToken.None)).ServiceIds;

    /// <summary>Polls the engine until <paramref name="done"/> holds; returns how long it took (fails after <paramref name="limit"/>).</summary>
    private async Task<TimeSpan> WithinAsync(TimeSpan limit, string text, Func<IReadOnlyList<Guid>, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (done(await FindAsync(text))) return watch.Elapsed;
            Assert.True(watch.Elapsed < limit, $"'{text}' not as expected in the index after {watch.Elapsed.TotalMilliseconds:0} ms");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_workspace_edit_and_a_deactivation_are_in_the_index_when_the_response_returns_and_evict_cached_pages()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 3);
        var word = UniqueWord("Kvarnhjul");
        using var anonymous = app.CreateClient();
        // Cached before the change (asked twice, so kept): the edit must evict it.
        Assert.Contains("Inga träffar", await anonymous.AssertOkAsync($"/sok?q={word}"), StringComparison.Ordinal);
        Assert.Contains("Inga träffar", await anonymous.AssertOkAsync($"/sok?q={word}"), StringComparison.Ordinal);

        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var fields = (await WorkspaceData.EditFormAsync(client, id)).Set("Input.Name", $"{word} för alla");
        using (var saved = await WorkspaceData.PostAsync(client, "/arbetsyta/insatser/" + id, fields, tokenPage: "/"))
        {
            await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Equal([id], await FindAsync(word));
        Assert.Contains($"/insatser/{id}", await anonymous.AssertOkAsync($"/sok?q={word}"), StringComparison.Ordinal);

        var org = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}";
        using (var off = await WorkspaceData.PostAsync(client, $"{org}?handler=Deactivate&serviceId={id}", [], tokenPage: "/"))
        {
            await off.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        Assert.Empty(await FindAsync(word));
        Assert.DoesNotContain($"/insatser/{id}", await anonymous.AssertOkAsync($"/sok?q={word}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_written_by_another_instance_is_searchable_within_seconds_through_the_change_feed()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.RedCross);
        var word = UniqueWord("Fyrtorn");
        // Another instance: its own context on the same database, which knows nothing of this app's index. What its
        // SaveChanges writes (the change and its feed row, in one transaction) is all this instance gets.
        await using (var other = OtherInstanceContext())
        {
            var service = await other.Services.SingleAsync(s => s.Id == id);
            service.Name = $"{word} i hamnen";
            other.Add(ServiceChange.Of(ServiceChangeScope.Service, id, DateTime.UtcNow));
            await other.SaveChangesAsync();
        }
        await WithinAsync(OtherInstance, word, ids => ids.SequenceEqual([id]));

        await using (var other = OtherInstanceContext())
        {
            await other.Services.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Inactive));
            other.Add(ServiceChange.Of(ServiceChangeScope.Service, id, DateTime.UtcNow));
            await other.SaveChangesAsync();
        }
        await WithinAsync(OtherInstance, word, ids => ids.Count == 0);
    }

    [Fact]
    public async Task A_service_imported_on_the_command_line_is_searchable_within_seconds_through_the_change_feed()
    {
        var word = UniqueWord("Segelbåt");
        var csv = ExchangeKit.TempPath(".csv");
        await File.WriteAllTextAsync(csv, Encoding.UTF8.GetString(Samla.Web.Features.Exchange.Import.ServiceTemplate.EmptyCsv())
            .Replace("Språkcafé på biblioteket", $"{word} på biblioteket", StringComparison.Ordinal));
        var run = await AppProcess.RunAsync(AppProcess.DatabaseEnvironment(app.Database), "import", csv);
        Assert.True(run.ExitCode == 0, run.ToString());
        var took = await WithinAsync(OtherInstance, word, ids => ids.Count == 1);
        Assert.True(took < OtherInstance, $"took {took.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Organisations_locations_and_places_name_their_services_through_one_parameter_however_many_there_are()
    {
        var place = await app.WithDbAsync(db => db.ServiceAtLocations.AsNoTracking()
            .Select(x => new { x.Id, x.LocationId, x.ServiceId, x.Service.OrganizationId }).FirstAsync());
        // An import that touches thousands of locations: the ids travel as one parameter, not one per id (dotnet/efcore#37152).
        var others = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()).ToList();
        await app.WithDbAsync(async db =>
        {
            foreach (var (scope, known) in new[] { (ServiceChangeScope.Organization, place.OrganizationId), (ServiceChangeScope.Location, place.LocationId), (ServiceChangeScope.Place, place.Id) })
            {
                var query = ServiceSearch.ServicesNamedBy(db, scope, [.. others, known]);
                var sql = query.ToQueryString();
                var parameters = System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct().ToList();
                Assert.True(parameters.Count == 1, $"{scope}: {parameters.Count} parameters\n{sql[..Math.Min(sql.Length, 400)]}");
                Assert.Contains(place.ServiceId, await query.ToListAsync());
            }
        });
    }

    private SamlaDbContext OtherInstanceContext() => app.Database.IsPostgres
        ? new PostgresSamlaDbContext(new DbContextOptionsBuilder<PostgresSamlaDbContext>().UseNpgsql(app.Database.ConnectionString).Options)
        : new SqliteSamlaDbContext(new DbContextOptionsBuilder<SqliteSamlaDbContext>().UseSqlite(app.Database.ConnectionString).Options);
}
