using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samla.Tests.Exchange;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Errors;
using Samla.Web.Features.Exchange;
using Samla.Web.Features.Search;
using Xunit.Abstractions;

namespace Samla.Tests.Faults;

/// <summary>
/// The app with short database timeouts and, on PostgreSQL, its connections running through a <see cref="TcpProxy"/> the
/// test can cut (a database that is down: connections refused) or freeze (one that stops answering without refusing, as
/// with <c>kill -STOP</c> or dropped packets). On SQLite the fault is a lock held on the file by another connection.
/// </summary>
public sealed class FaultyDatabaseApp : SamlaApp
{
    private TcpProxy? _proxy;
    private SqliteConnection? _lock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:CommandTimeoutSeconds", "3");
        // The production default: also how long the driver's cancellation request to a silent server waits.
        builder.UseSetting("Database:ConnectTimeoutSeconds", "2");
        if (Database.IsPostgres)
        {
            var cs = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            _proxy = TcpProxy.Start(cs.Host ?? "127.0.0.1", cs.Port);
            cs.Host = "127.0.0.1";
            cs.Port = _proxy.Port;
            builder.UseSetting("ConnectionStrings:Samla", cs.ConnectionString);
        }
    }

    /// <summary>PostgreSQL: connections refused and open ones cut. SQLite: the file locked.</summary>
    public async Task StopAsync()
    {
        if (_proxy is not null) _proxy.Down();
        else await LockAsync();
    }

    /// <summary>
    /// PostgreSQL: freezes (as <see cref="FreezeAsync"/>) the moment a connection that has sent <paramref name="first"/>
    /// since now sends <paramref name="then"/>, which is held back: e.g. an import's COMMIT after its COPY.
    /// </summary>
    public void FreezeWhenSent(string first, string then) => (_proxy ?? throw new InvalidOperationException("PostgreSQL only")).FreezeWhenSent(first, then);

    /// <summary>
    /// PostgreSQL: as <see cref="FreezeWhenSent"/>, but freezes only that connection and every new one; the connections
    /// already open keep answering (the background pollers do not notice), so the frozen connection's work is all that waits.
    /// </summary>
    public void FreezeConnectionWhenSent(string first, string then) => (_proxy ?? throw new InvalidOperationException("PostgreSQL only")).FreezeConnectionWhenSent(first, then);

    /// <summary>True while the proxy holds every byte.</summary>
    public bool IsFrozen => _proxy?.IsFrozen == true;

    /// <summary>PostgreSQL: nothing passes any more, nothing is refused. SQLite: the file locked.</summary>
    public async Task FreezeAsync()
    {
        if (_proxy is not null) _proxy.Freeze();
        else await LockAsync();
    }

    public void Restore()
    {
        if (_proxy is not null)
        {
            _proxy.Thaw();
            _proxy.Up();
        }
        if (_lock is not null)
        {
            // Closing the connection ends its transaction and its exclusive lock.
            _lock.Dispose();
            _lock = null;
        }
    }

    /// <summary>
    /// The database is in WAL mode, where a write lock does not stop readers: an exclusive locking mode does. It can be
    /// taken only while no other connection has the file open, so the app's idle pooled connections are closed first.
    /// </summary>
    private async Task LockAsync()
    {
        SqliteConnection.ClearAllPools();
        _lock = new SqliteConnection(new SqliteConnectionStringBuilder(Database.ConnectionString) { Pooling = false, DefaultTimeout = 10 }.ConnectionString);
        await _lock.OpenAsync();
        foreach (var sql in new[] { "PRAGMA locking_mode = EXCLUSIVE;", "BEGIN EXCLUSIVE;", "SELECT count(*) FROM sqlite_master;" })
        {
            await using var command = _lock.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteScalarAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Restore();
        await base.DisposeAsync();
        _proxy?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// While the database is down or silent: pages answer a plain translated 503, the API 503 problem+json, /health says so,
/// all within a few seconds; search keeps answering from memory; and the app recovers by itself within 5 s.
/// </summary>
public sealed class DatabaseFaultTests(FaultyDatabaseApp app, ITestOutputHelper output) : IClassFixture<FaultyDatabaseApp>
{
    /// <summary>
    /// The bound for a database that is down: the connect or command timeout (3 s here), with room for a test machine
    /// shared by many builds at once (loads of 50 on 2 cores were seen). Without the bounded timeout a request waited 120 s.
    /// </summary>
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The bound for a page (or a COMMIT) already waiting when the database stops answering: <c>DatabaseWatch</c> notices
    /// within about 3 s (a command waiting 0.5 s, a probe not answered within the 2 s connect timeout) and breaks its
    /// connection at once (about 2.8 s in all on an idle machine; 7 s when the driver's cancellation request was sent to the
    /// silent server instead, 15 s before the watch), with slack for a loaded test machine.
    /// </summary>
    private static readonly TimeSpan SilentBound = TimeSpan.FromSeconds(6);

    /// <summary>Once the database is known not to answer, a page that needs it is a 503 at once (slack for a busy machine).</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2.5);

    /// <summary>/health's own bound (<c>DatabaseFaults.HealthTimeout</c>, 3 s) with slack for a busy machine.</summary>
    private static readonly TimeSpan HealthBound = TimeSpan.FromSeconds(4.5);

    private static string Fresh(string path) => $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}t={Guid.NewGuid():N}";

    private static async Task<(HttpResponseMessage Response, string Body, TimeSpan Took)> TimedGetAsync(HttpClient client, string url)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, watch.Elapsed);
    }

    private static async Task<TimeSpan> RecoveryAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var response = await client.GetAsync(Fresh("/organisationer"));
            if (response.StatusCode == HttpStatusCode.OK) return watch.Elapsed;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The app did not recover within 30 s of the database coming back.");
    }

    [Fact]
    public async Task While_the_database_is_down_pages_api_and_health_answer_503_and_the_app_recovers_by_itself()
    {
        using var client = app.CreateBrowserClient();
        await client.AssertOkAsync(Fresh("/organisationer"));
        await app.StopAsync();
        try
        {
            var (page, html, took) = await TimedGetAsync(client, Fresh("/organisationer"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.True(took < FewSeconds, $"the page took {took}");
            Assert.Equal("5", page.Headers.GetValues("Retry-After").Single());
            Assert.Contains("<title>Samla är tillfälligt otillgängligt</title>", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"sv\" dir=\"ltr\">", html, StringComparison.Ordinal);

            var (arabic, arabicHtml, _) = await TimedGetAsync(client, Fresh("/organisationer?lang=ar"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, arabic.StatusCode);
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabicHtml, StringComparison.Ordinal);
            Assert.Contains("Samla غير متاح مؤقتًا", arabicHtml, StringComparison.Ordinal);

            var (api, problem, _) = await TimedGetAsync(client, Fresh("/api/hsds/organizations"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":503", problem, StringComparison.Ordinal);
            Assert.True(api.Headers.Contains("Retry-After"));

            var (health, healthText, healthTook) = await TimedGetAsync(client, "/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("database unavailable", healthText, StringComparison.Ordinal);
            Assert.True(healthTook < FewSeconds, $"/health took {healthTook}");
        }
        finally
        {
            app.Restore();
        }

        var recovered = await RecoveryAsync(client);
        Assert.True(recovered < TimeSpan.FromSeconds(5), $"recovered after {recovered}");
        var (healthy, text, _) = await TimedGetAsync(client, "/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", text);
    }

    [Fact]
    public async Task A_database_that_stops_answering_gives_clean_503s_within_seconds_while_search_answers_from_memory()
    {
        using var client = app.CreateBrowserClient();
        await client.AssertOkAsync("/sok?q=samtal");
        await app.FreezeAsync();
        try
        {
            // /health answers within its own bound, even while the driver is still giving up on the silent server.
            var healthTask = Task.Run(() => TimedGetAsync(client, "/health"));
            // Several at once: none waits for more than about the command timeout, none is a 500.
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TimedGetAsync(client, Fresh("/organisationer"))));
            var (firstHealth, _, firstHealthTook) = await healthTask;
            output.WriteLine(FormattableString.Invariant($"silent: pages {string.Join(", ", answers.Select(a => $"{(int)a.Response.StatusCode} in {a.Took.TotalSeconds:0.0} s"))}; /health {(int)firstHealth.StatusCode} in {firstHealthTook.TotalSeconds:0.0} s"));
            foreach (var (response, body, took) in answers)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Contains("Samla är tillfälligt otillgängligt", body, StringComparison.Ordinal);
                // SQLite (a locked file) is never marked: each command waits for the lock its command timeout (3 s), as a slow
                // database's does, and six pages at once queue for it.
                Assert.True(took < (app.Database.IsPostgres ? SilentBound : FewSeconds), $"a page took {took}");
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, firstHealth.StatusCode);
            Assert.True(firstHealthTook < HealthBound, $"/health took {firstHealthTook}");

            // Known not to answer (PostgreSQL): later pages do not wait again, each is a 503 at once. SQLite (a locked file)
            // is never marked: each request waits for the lock as long as the command timeout, as before.
            var watch = app.Services.GetRequiredService<DatabaseWatch>();
            Assert.Equal(app.Database.IsPostgres, watch.IsDown);
            if (app.Database.IsPostgres)
            {
                var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TimedGetAsync(client, Fresh("/organisationer"))));
                output.WriteLine(FormattableString.Invariant($"known silent: pages {string.Join(", ", again.Select(a => $"{(int)a.Response.StatusCode} in {a.Took.TotalSeconds:0.00} s"))}"));
                foreach (var (response, body, took) in again)
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    Assert.Contains("Samla är tillfälligt otillgängligt", body, StringComparison.Ordinal);
                    Assert.True(took < AtOnce, $"a page took {took} although the database was known not to answer");
                }
                var (api, problem, apiTook) = await TimedGetAsync(client, Fresh("/api/hsds/organizations"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
                Assert.Contains("\"status\":503", problem, StringComparison.Ordinal);
                Assert.True(apiTook < AtOnce, $"the API took {apiTook}");
            }

            // The search index is in memory: searching goes on (a new query, so not from the output cache).
            var (search, results, searchTook) = await TimedGetAsync(client, "/sok?q=" + Uri.EscapeDataString("stöd"));
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            Assert.Contains("<main", results, StringComparison.Ordinal);
            Assert.True(searchTook < FewSeconds, $"search took {searchTook}");

            // Known not to answer (PostgreSQL): /health says so at once instead of waiting for another probe.
            var (health, _, healthTook) = await TimedGetAsync(client, "/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.True(healthTook < (app.Database.IsPostgres ? AtOnce : HealthBound), $"/health took {healthTook}");
        }
        finally
        {
            app.Restore();
        }

        var recovered = await RecoveryAsync(client);
        Assert.True(recovered < TimeSpan.FromSeconds(5), $"recovered after {recovered}");
        Assert.False(app.Services.GetRequiredService<DatabaseWatch>().IsDown);
    }

    /// <summary>
    /// A database that is slow but answers (PostgreSQL: a lock held on the table a page reads) is not taken for a silent
    /// one: the probe answers, nothing is marked, the waiting page is a 503 after its command timeout, and the database
    /// still answers other queries (/health) meanwhile.
    /// </summary>
    [Fact]
    public async Task A_lock_held_longer_than_the_command_timeout_gives_a_503_without_marking_the_database_as_silent()
    {
        if (!app.Database.IsPostgres) return; // SQLite's lock is the fault of the other tests
        using var client = app.CreateBrowserClient();
        await client.AssertOkAsync(Fresh("/organisationer"));
        await using var locker = new NpgsqlConnection(app.Database.ConnectionString);
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE \"Organizations\" IN ACCESS EXCLUSIVE MODE", locker, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        var watch = app.Services.GetRequiredService<DatabaseWatch>();
        var (page, _, took) = await TimedGetAsync(client, Fresh("/organisationer"));
        output.WriteLine(FormattableString.Invariant($"locked: page {(int)page.StatusCode} in {took.TotalSeconds:0.0} s"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(took >= TimeSpan.FromSeconds(2.5), $"the page gave up after {took}, before its command timeout (3 s)");
        Assert.False(watch.IsDown, "a lock was taken for a silent database");
        var (health, healthText, _) = await TimedGetAsync(client, "/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", healthText);
        await transaction.RollbackAsync();
        await client.AssertOkAsync(Fresh("/organisationer"));
    }

    /// <summary>
    /// The search API's engine path keeps the services it has put on a page in memory (as current as the search index):
    /// while the database is locked or silent, a page whose services were all read before answers 200 with the same items;
    /// one with a service never read cannot be answered and is a clean 503.
    /// </summary>
    [Fact]
    public async Task The_search_api_answers_pages_of_services_read_before_while_the_database_does_not_answer()
    {
        using var client = app.CreateBrowserClient();
        // What earlier tests wrote (imports) is in the index first: a later catch-up would move the pages between the reads
        // below and the freeze, and then a page would hold a service never read.
        await app.Services.GetRequiredService<ServiceSearch>().CatchUpAsync(CancellationToken.None);
        const string Query = "/api/hsds/services?language=sv";
        using var first = JsonDocument.Parse(await client.AssertOkAsync(Query + "&per_page=4&page=1"));
        var total = first.RootElement.GetProperty("total_items").GetInt32();
        Assert.True(total >= 6, $"the demo data has {total} services in Swedish");
        var read = Items(first.RootElement);
        Assert.Equal(4, read.Count);
        using var filtered = JsonDocument.Parse(await client.AssertOkAsync(Query + "&layer=1&per_page=3&page=1"));
        var readFiltered = Items(filtered.RootElement);
        Assert.NotEmpty(readFiltered);
        using var inHalmstad = JsonDocument.Parse(await client.AssertOkAsync(Query + "&municipality=1380&per_page=3&page=1"));
        var readInHalmstad = Items(inHalmstad.RootElement);
        Assert.NotEmpty(readInHalmstad);
        await app.FreezeAsync();
        try
        {
            // Other URLs than before (so not from the output cache), made of services read before: from memory.
            var (page, body, took) = await TimedGetAsync(client, Query + "&per_page=2&page=2");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using (var second = JsonDocument.Parse(body))
            {
                Assert.Equal(read[2..4], Items(second.RootElement));
                Assert.Equal(total, second.RootElement.GetProperty("total_items").GetInt32());
            }
            Assert.True(took < FewSeconds, $"the page took {took}");
            var (english, englishBody, _) = await TimedGetAsync(client, Query + "&per_page=3&page=1&lang=en");
            Assert.Equal(HttpStatusCode.OK, english.StatusCode);
            using (var third = JsonDocument.Parse(englishBody))
            {
                Assert.Equal(read[..3].Select(s => s.Id), Items(third.RootElement).Select(s => s.Id));
            }

            // A term filter is checked against the term catalogue in memory (TermCatalogCache), not the database.
            var (layer, layerBody, _) = await TimedGetAsync(client, Query + "&layer=1&per_page=1&page=1");
            Assert.Equal(HttpStatusCode.OK, layer.StatusCode);
            using (var fourth = JsonDocument.Parse(layerBody))
            {
                Assert.Equal(readFiltered[..1], Items(fourth.RootElement));
            }

            // So is a municipality code, against SCB's codes in memory.
            var (municipality, municipalityBody, _) = await TimedGetAsync(client, Query + "&municipality=1380&per_page=1&page=1");
            Assert.Equal(HttpStatusCode.OK, municipality.StatusCode);
            using (var fifth = JsonDocument.Parse(municipalityBody))
            {
                Assert.Equal(readInHalmstad[..1], Items(fifth.RootElement));
            }
            var (unknownCode, unknownBody, _) = await TimedGetAsync(client, Query + "&municipality=9999&per_page=1&page=1");
            Assert.Equal(HttpStatusCode.BadRequest, unknownCode.StatusCode);
            Assert.Contains("9999", unknownBody, StringComparison.Ordinal);

            // Services never read: the database is needed, and it does not answer.
            var (unread, problem, _) = await TimedGetAsync(client, Query + "&per_page=2&page=3");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unread.StatusCode);
            Assert.Contains("\"status\":503", problem, StringComparison.Ordinal);
        }
        finally
        {
            app.Restore();
        }
        await RecoveryAsync(client);
    }

    /// <summary>Checked on every provider: an Npgsql upgrade that hides the socket would make the watch fall back to slow cancellation.</summary>
    [Fact]
    public void The_watch_can_reach_npgsqls_socket_to_break_a_connection() =>
        Assert.True(NpgsqlSockets.Supported, "Npgsql's socket can no longer be reached: DatabaseWatch falls back to cancellation requests (about 2–4 s slower)");

    /// <summary><paramref name="count"/> new services as an NDJSON import body, their ids, and an API client with a key.</summary>
    private async Task<(string Body, List<Guid> Ids, HttpClient Api)> NewImportAsync(int count)
    {
        var template = (await ImportTests.ExportedServicesAsync(app))[0];
        var services = Enumerable.Range(0, count).Select(_ => ImportTests.NewService(template)).ToList();
        var ids = services.Select(s => Guid.Parse(s["id"]!.GetValue<string>())).ToList();
        var body = string.Join("\n", services.Select(s => s.ToJsonString())) + "\n";
        var key = await app.WithDbAsync(async db => (await ApiKeyStore.CreateAsync(db, "Fel " + Guid.NewGuid().ToString("N")[..6], "test", default)).Key);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Add(ApiKeyStore.Header, key);
        return (body, ids, api);
    }

    /// <summary>
    /// An import whose COMMIT is on its way when PostgreSQL stops answering (the COMMIT is the last message it sends; the
    /// proxy holds it): not an EF command, so formerly it waited the connection string's command timeout (30 s). Now the
    /// commit is watched like a command: the import answers a 503 within seconds, and the services it brought are afterwards
    /// either all there or none (the server received the COMMIT or not: all or nothing); the client's retry imports it whole.
    /// </summary>
    [Fact]
    public async Task An_import_whose_commit_is_under_way_when_the_database_stops_answering_is_a_503_within_seconds_and_all_or_nothing()
    {
        if (!app.Database.IsPostgres) return; // a silent server is PostgreSQL's fault; SQLite's lock is the other tests' fault
        var (body, ids, client) = await NewImportAsync(20);
        using var api = client;
        var watch = app.Services.GetRequiredService<DatabaseWatch>();

        app.FreezeWhenSent("COPY ", "COMMIT");
        try
        {
            var timer = Stopwatch.StartNew();
            using var response = await api.PostAsync("/api/hsds/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
            var took = timer.Elapsed;
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine(FormattableString.Invariant($"commit in flight: import {(int)response.StatusCode} in {took.TotalSeconds:0.0} s"));
            Assert.True(app.IsFrozen, $"the import's COMMIT never went out ({(int)response.StatusCode}: {text})");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.Contains("Retry-After"));
            Assert.True(took < SilentBound, $"the import took {took}");
            Assert.True(watch.IsDown, "the commit under way was not noticed");
        }
        finally
        {
            app.Restore();
        }
        using var browser = app.CreateBrowserClient();
        await RecoveryAsync(browser);
        var count = await app.WithDbAsync(db => db.Services.CountAsync(s => ids.Contains(s.Id)));
        Assert.True(count == 0 || count == ids.Count, $"{count} of the {ids.Count} services are there: half an import");

        using var retry = await api.PostAsync("/api/hsds/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        using var summary = JsonDocument.Parse(await retry.AssertStatusAsync(HttpStatusCode.OK));
        Assert.True(summary.RootElement.GetProperty("written").GetBoolean() || count == ids.Count);
        Assert.Equal(ids.Count, await app.WithDbAsync(db => db.Services.CountAsync(s => ids.Contains(s.Id))));
    }

    /// <summary>
    /// An import whose COPY is all that runs when PostgreSQL stops answering (the proxy holds the COPY itself): a COPY is no
    /// EF command, so formerly it waited the connection string's command timeout (30 s). The bulk writer tells the watch of
    /// it: the import answers a 503 within seconds, and nothing of it was written.
    /// </summary>
    [Fact]
    public async Task An_import_whose_copy_is_under_way_when_the_database_stops_answering_is_a_503_within_seconds_and_writes_nothing()
    {
        if (!app.Database.IsPostgres) return; // a silent server is PostgreSQL's fault
        var (body, ids, client) = await NewImportAsync(3);
        using var api = client;
        var watch = app.Services.GetRequiredService<DatabaseWatch>();

        // The import reads what exists (SELECT), then sends its first COPY: that connection is held from then on, and so is
        // every new one (the probe's); the connections already open keep answering, so the COPY is all that waits.
        app.FreezeConnectionWhenSent("SELECT", "COPY ");
        try
        {
            var timer = Stopwatch.StartNew();
            using var response = await api.PostAsync("/api/hsds/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
            var took = timer.Elapsed;
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine(FormattableString.Invariant($"copy in flight: import {(int)response.StatusCode} in {took.TotalSeconds:0.0} s"));
            Assert.True(app.IsFrozen, $"the import's COPY never went out ({(int)response.StatusCode}: {text})");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(took < SilentBound, $"the import took {took}");
            Assert.True(watch.IsDown, "the COPY under way was not noticed");
        }
        finally
        {
            app.Restore();
        }
        using var browser = app.CreateBrowserClient();
        await RecoveryAsync(browser);
        Assert.Equal(0, await app.WithDbAsync(db => db.Services.CountAsync(s => ids.Contains(s.Id))));
    }

    private static List<(string Id, string Name)> Items(JsonElement page) =>
        page.GetProperty("contents").EnumerateArray().Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("name").GetString()!)).ToList();
}

/// <summary>A TCP proxy in front of PostgreSQL that the test can take down (refuse, cut) or freeze (hold every byte).</summary>
public sealed class TcpProxy : IDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private volatile bool _frozen;
    private volatile Trigger? _trigger;

    /// <summary>Set by a trigger that freezes only its own connection: new connections are frozen too, the others flow.</summary>
    private volatile bool _newFrozen;
    private readonly ConcurrentDictionary<object, bool> _frozenRelays = new();

    /// <summary>A freeze armed by <see cref="FreezeWhenSent"/>, and the relays that have sent its first pattern since.</summary>
    private sealed class Trigger(byte[] first, byte[] then, bool onlyThatConnection)
    {
        public byte[] First { get; } = first;
        public byte[] Then { get; } = then;
        public bool OnlyThatConnection { get; } = onlyThatConnection;
        public ConcurrentDictionary<object, bool> Primed { get; } = new();
    }

    private TcpProxy(string targetHost, int targetPort, int port)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new TcpProxy(targetHost, targetPort, port);
        proxy.Up();
        return proxy;
    }

    public void Up()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }
    }

    /// <summary>New connections are refused; open ones are cut.</summary>
    public void Down()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            _open.Clear();
        }
    }

    /// <summary>Connections are still accepted, but no byte passes in either direction.</summary>
    public void Freeze() => _frozen = true;

    public void Thaw()
    {
        _trigger = null;
        _frozen = false;
        _newFrozen = false;
        _frozenRelays.Clear();
    }

    public bool IsFrozen => _frozen || _newFrozen;

    /// <summary>Freezes when a connection that has sent <paramref name="first"/> (from now on) sends <paramref name="then"/>.</summary>
    public void FreezeWhenSent(string first, string then) => _trigger = new Trigger(Encoding.ASCII.GetBytes(first), Encoding.ASCII.GetBytes(then), false);

    /// <summary>
    /// As <see cref="FreezeWhenSent"/>, but only that connection and every new one are frozen: connections already open
    /// keep flowing, so the app's background pollers on their pooled connections do not notice the silence, and only
    /// what waits on the frozen connection (and a probe's new connection) can.
    /// </summary>
    public void FreezeConnectionWhenSent(string first, string then) => _trigger = new Trigger(Encoding.ASCII.GetBytes(first), Encoding.ASCII.GetBytes(then), true);

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                _ = RelayAsync(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        try
        {
            lock (_gate) _open.Add(client);
            await upstream.ConnectAsync(_targetHost, _targetPort);
            lock (_gate) _open.Add(upstream);
            var relay = new object();
            if (_newFrozen) _frozenRelays[relay] = true;
            await Task.WhenAny(PumpAsync(client, upstream, relay, watch: true), PumpAsync(upstream, client, relay, watch: false));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // cut
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }
            client.Dispose();
        }
    }

    /// <summary>Copies bytes from one side to the other; <paramref name="watch"/> is set for the client-to-server direction.</summary>
    private async Task PumpAsync(TcpClient from, TcpClient to, object relay, bool watch)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                if (watch && _trigger is { } trigger) Watch(trigger, relay, buffer.AsSpan(0, read));
                while (_frozen || _frozenRelays.ContainsKey(relay)) await Task.Delay(20);
                await target.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // cut
        }
    }

    private void Watch(Trigger trigger, object relay, ReadOnlySpan<byte> sent)
    {
        if (trigger.Primed.ContainsKey(relay))
        {
            if (sent.IndexOf(trigger.Then) < 0) return;
            if (trigger.OnlyThatConnection)
            {
                _frozenRelays[relay] = true;
                _newFrozen = true;
            }
            else
            {
                _frozen = true;
            }
            _trigger = null;
        }
        else if (sent.IndexOf(trigger.First) >= 0)
        {
            trigger.Primed[relay] = true;
        }
    }

    public void Dispose() => Down();
}
