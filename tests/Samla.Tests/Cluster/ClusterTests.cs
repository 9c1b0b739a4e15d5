using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Samla.Tests.Infrastructure;

namespace Samla.Tests.Cluster;

/// <summary>
/// Runs against two app instances behind nginx on one PostgreSQL (scripts/cluster.sh start, then the variables of
/// its cluster.env). Skipped when SAMLA_CLUSTER_URL is not set; test.sh starts the cluster and runs them.
/// Requests go through nginx (round robin) or straight to one instance, to make two steps land on different ones.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterTests
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("SAMLA_CLUSTER_URL");
    private static readonly string[] Instances = (Environment.GetEnvironmentVariable("SAMLA_CLUSTER_INSTANCES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
    private static readonly string? Database = Environment.GetEnvironmentVariable("SAMLA_CLUSTER_PG");
    private static string A => Instances[0];
    private static string B => Instances[1];

    [ClusterFact]
    public async Task Sign_in_on_one_instance_continues_on_the_other()
    {
        using var client = new Client();
        // Two-step sign-in of a coordinator, each step on the other instance than the one before: the antiforgery
        // token, the first step's cookie and the session cookie are read by an instance that did not write them.
        var signIn = await client.TokenAsync(A + "/konto/logga-in");
        using var first = await client.PostAsync(B + "/konto/logga-in",
            [new("Input.Email", DemoAccounts.Coordinator), new("Input.Password", DemoAccounts.Password), new("__RequestVerificationToken", signIn)]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("b", Instance(first));
        var step = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/konto/tvastegs", step, StringComparison.Ordinal);
        var code = await client.TokenAsync(A + step);
        using var second = await client.PostAsync(B + step, [new("Code", Totp.Code(DemoAccounts.AuthenticatorKey)), new("__RequestVerificationToken", code)]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        using (var onA = await client.Http.GetAsync(A + "/admin")) Assert.Equal((HttpStatusCode.OK, "a"), (onA.StatusCode, Instance(onA)));
        using (var onB = await client.Http.GetAsync(B + "/admin")) Assert.Equal((HttpStatusCode.OK, "b"), (onB.StatusCode, Instance(onB)));

        // Through nginx, round robin: every request is served, by both instances in turn.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.Http.GetAsync(Url + "/admin");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add(Instance(response));
        }
        Assert.Equal(new[] { "a", "b" }, seen.Order(StringComparer.Ordinal));
    }

    [ClusterFact]
    public async Task An_edit_on_one_instance_is_shown_and_found_on_the_other_within_seconds_and_evicts_both_caches()
    {
        using var editor = new Client();
        await editor.SignInAsync(B, DemoAccounts.Editor);
        // A public service of the editor's organisation (Halmstad) that a search for its name finds.
        using var workspace = await editor.Http.GetAsync(B + "/arbetsyta");
        var organization = await editor.OkAsync(B + workspace.Headers.Location!.OriginalString);
        Guid service = default;
        List<KeyValuePair<string, string>> form = [];
        string query = "", oldName = "";
        foreach (var id in Regex.Matches(organization, "href=\"/arbetsyta/insatser/([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).Distinct())
        {
            form = FormReader.Fields(await editor.OkAsync(A + "/arbetsyta/insatser/" + id), "Input.Version");
            oldName = form.Value("Input.Name")!;
            query = "/sok?q=" + Uri.EscapeDataString(oldName);
            if ((await editor.AnonymousOkAsync(A + query)).Contains("/insatser/" + id, StringComparison.Ordinal))
            {
                service = id;
                break;
            }
        }
        Assert.NotEqual(default, service);
        var word = "klusterprov" + new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var newName = $"{oldName} {word}";

        // Both instances answer (and, asked twice, cache) a search that shows the service under its old name.
        foreach (var instance in Instances)
        {
            await editor.AnonymousOkAsync(instance + query);
            var before = await editor.AnonymousOkAsync(instance + query);
            Assert.Contains("/insatser/" + service, before, StringComparison.Ordinal);
            Assert.DoesNotContain(word, before, StringComparison.Ordinal);
        }

        using var saved = await editor.PostAsync(A + "/arbetsyta/insatser/" + service, form.Set("Input.Name", newName));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var watch = Stopwatch.StartNew();

        // On the other instance: the page shows it, a search for the new word finds it, the cached answer is gone.
        // The three are watched at once; the time is the slowest one's first success (each poll is a full request).
        var checks = await Task.WhenAll(
            EventuallyAsync(async () => (await editor.AnonymousOkAsync(B + "/insatser/" + service)).Contains(word, StringComparison.Ordinal)),
            EventuallyAsync(async () => (await editor.AnonymousOkAsync(B + "/sok?q=" + word)).Contains("/insatser/" + service, StringComparison.Ordinal)),
            EventuallyAsync(async () => (await editor.AnonymousOkAsync(B + query)).Contains(word, StringComparison.Ordinal)));
        var elapsed = watch.Elapsed;
        var (shown, found, evictedB) = (checks[0], checks[1], checks[2]);
        Assert.True(shown && found && evictedB, $"on b after {elapsed.TotalSeconds:F1} s: page {shown}, search {found}, cached search evicted {evictedB}");
        // A ceiling for a busy test machine; the 2 s target itself is measured by bench/search (see SearchFreshnessTests).
        Assert.True(elapsed <= TimeSpan.FromSeconds(6), $"b showed the edit after {elapsed.TotalSeconds:F1} s (at most 6 s here; 2 s is the benchmark's target)");
        Assert.Contains(word, await editor.AnonymousOkAsync(A + query), StringComparison.Ordinal);
        Assert.Contains("/insatser/" + service, await editor.AnonymousOkAsync(A + "/sok?q=" + word), StringComparison.Ordinal);
    }

    [ClusterFact]
    public async Task Import_preview_on_one_instance_is_confirmed_on_the_other()
    {
        using var coordinator = new Client();
        await coordinator.SignInAsync(A, DemoAccounts.Coordinator);
        var id = Guid.NewGuid();
        var name = "Klusterimport " + id.ToString("N")[..8];

        var token = await coordinator.TokenAsync(A + "/samordning/import");
        using var upload = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ServiceLine(id, name) + "\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        upload.Add(file, "upload", "kluster.ndjson");
        using var preview = await coordinator.Http.PostAsync(A + "/samordning/import?handler=Preview", upload);
        var html = await preview.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("a", Instance(preview));
        Assert.Contains(name, html, StringComparison.Ordinal);
        var uploadToken = Regex.Match(html, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(uploadToken);

        using var confirm = await coordinator.PostAsync(B + "/samordning/import?handler=Confirm",
            [new("token", uploadToken), new("fileName", "kluster.ndjson"), new("__RequestVerificationToken", Html.AntiforgeryToken(html)!)]);
        var done = await confirm.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("b", Instance(confirm));
        Assert.Contains("id=\"done\"", done, StringComparison.Ordinal);
        Assert.Contains(name, await coordinator.OkAsync(A + "/insatser/" + id), StringComparison.Ordinal);

        // The upload is gone once used: a second confirmation, on either instance, finds nothing to import.
        using var again = await coordinator.PostAsync(A + "/samordning/import?handler=Confirm",
            [new("token", uploadToken), new("fileName", "kluster.ndjson"), new("__RequestVerificationToken", Html.AntiforgeryToken(html)!)]);
        Assert.DoesNotContain("id=\"done\"", await again.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [ClusterFact]
    public async Task A_due_scheduled_job_runs_once_across_the_two_instances()
    {
        // Both instances look for due jobs every second (cluster.sh); a daily job made due must run exactly once.
        const string job = "outbox-cleanup";
        await using var db = NpgsqlDataSource.Create(Database!);
        var holders = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var runs = await ScalarAsync<int>(db, $"SELECT \"Runs\" FROM \"JobLeases\" WHERE \"Name\" = '{job}'");
            await ScalarAsync<int>(db, $"UPDATE \"JobLeases\" SET \"LastRunAt\" = now() - interval '2 days' WHERE \"Name\" = '{job}' RETURNING 1");
            Assert.True(await EventuallyAsync(async () => await ScalarAsync<int>(db, $"SELECT \"Runs\" FROM \"JobLeases\" WHERE \"Name\" = '{job}'") > runs, seconds: 15),
                $"round {round}: {job} did not run within 15 s of being due");
            await Task.Delay(TimeSpan.FromSeconds(3)); // three more rounds of both schedulers
            Assert.Equal(runs + 1, await ScalarAsync<int>(db, $"SELECT \"Runs\" FROM \"JobLeases\" WHERE \"Name\" = '{job}'"));
            holders.Add(await ScalarAsync<string>(db, $"SELECT \"Holder\" FROM \"JobLeases\" WHERE \"Name\" = '{job}'"));
        }
        var pids = (Environment.GetEnvironmentVariable("SAMLA_CLUSTER_PIDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(holders, h => Assert.Contains(pids, p => h.Contains($":{p}:", StringComparison.Ordinal)));
    }

    [ClusterFact]
    public async Task Sign_in_attempts_are_limited_across_the_instances()
    {
        // From an address of its own (127.x.y.3), so the other tests' (and earlier runs') sign-ins do not count.
        var limit = int.Parse(Environment.GetEnvironmentVariable("SAMLA_CLUSTER_SIGN_IN_PER_MINUTE") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        using var client = new Client(new IPAddress([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(1, 255), 3]));
        var served = new List<string>();
        var refused = 0;
        var token = await client.TokenAsync(Url + "/konto/logga-in"); // once: the page counts in each instance's own limit
        // A new address each time, so the app's own failed-sign-in limit per address (Samla:RateLimits:FailedSignIns) stays out of it.
        for (var i = 0; i < limit + 5; i++)
        {
            using var attempt = await client.PostAsync(Url + "/konto/logga-in",
                [new("Input.Email", $"ingen{i}@kluster.example"), new("Input.Password", "Fel-losenord-123"), new("__RequestVerificationToken", token)]);
            if (attempt.StatusCode == HttpStatusCode.TooManyRequests) refused++;
            else served.Add(Instance(attempt));
        }
        // Each instance alone would have let `limit` through (2 × limit in all): the limit holds for the pair.
        Assert.InRange(served.Count, limit - 1, limit + 1);
        Assert.Equal(limit + 5 - served.Count, refused);
        Assert.Equal(new[] { "a", "b" }, served.Distinct().Order(StringComparer.Ordinal));
    }

    [ClusterFact]
    public async Task Forwarded_headers_are_believed_only_from_the_configured_proxy()
    {
        // HSTS is sent on HTTPS only: an instance takes a request for HTTPS when a trusted proxy (127.0.0.1) says so.
        static HttpRequestMessage Health(string instance)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, instance + "/health");
            request.Headers.Host = "samla.example";
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return request;
        }
        using var trusted = new Client();
        using (var request = Health(A))
        using (var response = await trusted.Http.SendAsync(request))
            Assert.True(response.Headers.Contains("Strict-Transport-Security"), "a request from the proxy's address, forwarded as HTTPS, gets HSTS");
        using var untrusted = new Client(IPAddress.Parse("127.0.0.4"));
        using (var request = Health(A))
        using (var response = await untrusted.Http.SendAsync(request))
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "a request from elsewhere claiming HTTPS is taken as plain HTTP");
    }

    private static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Samla-Instance", out var v) ? string.Join(",", v) : "(none)";

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check, int seconds = 10)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (await check()) return true;
            if (until.Elapsed > TimeSpan.FromSeconds(seconds)) return false;
            await Task.Delay(100);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string ServiceLine(Guid id, string name) => JsonSerializer.Serialize(new
    {
        id, name, status = "active", description = "Från klustertestet.",
        organization = new { id = Guid.Parse("6c0e5a43-2f1b-4c55-9a7e-1d6f3b8e2a90"), name = "Klustertestets förening", description = "" },
        attributes = new object[]
        {
            new { taxonomy_term = new { taxonomy = "samla-target-groups", code = "refugees", name = "x", description = "" } },
            new { taxonomy_term = new { taxonomy = "iasc-mhpss-layers", code = "2", name = "x", description = "" } },
        },
        service_areas = new[] { new { uri = "urn:se:scb:kommun:1380" } },
    });

    /// <summary>A browser-like client (cookies shared by both instances' addresses, no redirects), optionally from a given local address.</summary>
    private sealed class Client : IDisposable
    {
        public Client(IPAddress? from = null)
        {
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
            if (from is not null)
            {
                handler.ConnectCallback = async (context, ct) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        socket.Bind(new IPEndPoint(from, 0));
                        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
            }
            Http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
            Anonymous = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
        }

        public HttpClient Http { get; }

        private HttpClient Anonymous { get; }

        public async Task<string> OkAsync(string url)
        {
            using var response = await Http.GetAsync(url);
            return await response.AssertStatusAsync(HttpStatusCode.OK);
        }

        public async Task<string> AnonymousOkAsync(string url)
        {
            using var response = await Anonymous.GetAsync(url);
            return await response.AssertStatusAsync(HttpStatusCode.OK);
        }

        public async Task<string> TokenAsync(string url) =>
            Html.AntiforgeryToken(await OkAsync(url)) ?? throw new Xunit.Sdk.XunitException($"No antiforgery token on {url}.");

        public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
        {
            using var content = new FormUrlEncodedContent(fields);
            return await Http.PostAsync(url, content);
        }

        /// <summary>Signs in on <paramref name="instance"/> (two steps for coordinators).</summary>
        public async Task SignInAsync(string instance, string email)
        {
            var token = await TokenAsync(instance + "/konto/logga-in");
            using var first = await PostAsync(instance + "/konto/logga-in",
                [new("Input.Email", email), new("Input.Password", DemoAccounts.Password), new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            var location = first.Headers.Location!.OriginalString;
            if (!location.StartsWith("/konto/tvastegs", StringComparison.Ordinal)) return;
            var code = await TokenAsync(instance + location);
            using var second = await PostAsync(instance + location, [new("Code", Totp.Code(DemoAccounts.AuthenticatorKey)), new("__RequestVerificationToken", code)]);
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        public void Dispose()
        {
            Http.Dispose();
            Anonymous.Dispose();
        }
    }
}

/// <summary>A fact that runs only against a running cluster (SAMLA_CLUSTER_URL and SAMLA_CLUSTER_INSTANCES set).</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SAMLA_CLUSTER_URL")))
            Skip = "no cluster: scripts/cluster.sh start, then set the variables of its cluster.env (test.sh does)";
    }
}
