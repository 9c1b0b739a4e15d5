// Mixed load for bench/load/run.sh: signed-in editors save services and confirm them ("Uppgifterna stämmer") while
// the public searches and opens service pages, on N connections for a given time. Counts errors (any unexpected
// status, timeout or exception), samples each app process's memory (RSS) every 10 s, prints p50/p99/max per kind.
//
//   dotnet LoadDriver.dll --url http://127.0.0.1:8480 --connections 32 --editors 8 --seconds 600 --pids 123,456
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var options = Options.Parse(args);
var stats = new Stats();
using var stop = new CancellationTokenSource();
var clock = Stopwatch.StartNew();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"== load: {options.Url}, {options.Connections} connections ({options.Editors} editors, {options.Connections - options.Editors} public), {options.Seconds} s"));

// Public service ids and the editors' services, read before the clock starts.
using var setupClient = Http.NewClient(options.Url);
var publicIds = new List<string>();
foreach (var term in Workload.Terms.Take(6))
{
    var html = await setupClient.GetStringAsync("/sok?q=" + Uri.EscapeDataString(term));
    publicIds.AddRange(Html.ServiceLinks().Matches(html).Select(m => m.Groups[1].Value));
}
publicIds = publicIds.Distinct(StringComparer.Ordinal).ToList();
if (publicIds.Count == 0) throw new InvalidOperationException("No public services found through /sok.");

// One session per editor connection, each on its own service (two editors on one service would conflict, by design).
var editors = new List<Editor> { await Editor.SignInAsync(options, 0) };
var services = await editors[0].ServicesAsync();
if (services.Count == 0) throw new InvalidOperationException("The editor has no services.");
options = options with { Editors = Math.Min(options.Editors, services.Count) };
for (var i = 1; i < options.Editors; i++) editors.Add(await Editor.SignInAsync(options, i));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"== {publicIds.Count} public services to open; {options.Editors} editor sessions, each on one of their organisation's {services.Count} services"));

stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
clock.Restart();
var memory = Task.Run(() => Memory.SampleAsync(options.Pids, clock, stop.Token));
var workers = new List<Task>();
for (var i = 0; i < options.Editors; i++)
{
    var editor = editors[i];
    var service = services[i];
    workers.Add(Task.Run(() => editor.RunAsync(service, stats, stop.Token)));
}
for (var i = options.Editors; i < options.Connections; i++)
{
    var seed = i;
    workers.Add(Task.Run(() => Workload.PublicAsync(options, publicIds, seed, stats, stop.Token)));
}
await Task.WhenAll(workers);
var elapsed = clock.Elapsed.TotalSeconds;
var samples = await memory;

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== results after {elapsed:F0} s"));
Console.WriteLine($"{"kind",-14} {"requests",9} {"req/s",8} {"errors",7} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
foreach (var (kind, latencies, errors) in stats.Kinds())
{
    var sorted = latencies.Order().ToArray();
    double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{kind,-14} {sorted.Length,9} {sorted.Length / elapsed,8:F1} {errors,7} {P(0.5),8:F1} {P(0.99),8:F1} {(sorted.Length == 0 ? 0 : sorted[^1]),8:F1}"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {stats.Total} requests, {stats.TotalErrors} errors"));
foreach (var e in stats.ErrorSamples()) Console.WriteLine("  error: " + e);

if (samples.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("== memory (RSS, MB) every 10 s: " + string.Join(", ", options.Pids.Select((p, i) => $"instance {i + 1} (pid {p})")));
    foreach (var (at, rss) in samples)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{at,5:F0} s  {string.Join("  ", rss.Select(r => $"{r,7:F0}"))}"));
    for (var i = 0; i < options.Pids.Count; i++)
    {
        var curve = samples.Select(s => s.Rss[i]).ToList();
        var afterWarmUp = samples.Where(s => s.At >= 60).Select(s => s.Rss[i]).DefaultIfEmpty(curve[0]).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instance {i + 1}: min {curve.Min():F0} MB, max {curve.Max():F0} MB; after the first minute {afterWarmUp[0]:F0} → {afterWarmUp[^1]:F0} MB (max {afterWarmUp.Max():F0})"));
    }
}
return stats.TotalErrors == 0 ? 0 : 1;

internal sealed record Options(string Url, int Connections, int Editors, int Seconds, IReadOnlyList<int> Pids, string Email, string Password)
{
    public static Options Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var pids = Arg("pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        return new Options(Arg("url", "http://127.0.0.1:8480").TrimEnd('/'), Int("connections", 32), Int("editors", 8), Int("seconds", 600), pids,
            Arg("email", "redaktor@samla.example"), Arg("password", "Samla-demo-2026"));
    }
}

internal sealed class Stats
{
    private readonly ConcurrentDictionary<string, (List<double> Latencies, int[] Errors)> _kinds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private readonly System.Diagnostics.Stopwatch _since = System.Diagnostics.Stopwatch.StartNew();

    public long Total => _kinds.Values.Sum(k => { lock (k.Latencies) return (long)k.Latencies.Count; });

    public long TotalErrors => _kinds.Values.Sum(k => (long)k.Errors[0]);

    public void Record(string kind, double ms, string? error)
    {
        var entry = _kinds.GetOrAdd(kind, _ => ([], new int[1]));
        lock (entry.Latencies) entry.Latencies.Add(ms);
        if (error is null) return;
        Interlocked.Increment(ref entry.Errors[0]);
        if (_errorSamples.Count < 20) _errorSamples.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{kind} at {_since.Elapsed.TotalSeconds:F0} s (UTC {DateTime.UtcNow:HH:mm:ss}): {error}"));
    }

    public IEnumerable<(string Kind, List<double> Latencies, int Errors)> Kinds() =>
        _kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value.Latencies, k.Value.Errors[0]));

    public IEnumerable<string> ErrorSamples() => _errorSamples;

    /// <summary>Times one request; an unexpected status, a timeout or an exception is an error. Returns the body (null on error).</summary>
    public async Task<(HttpResponseMessage? Response, string? Body)> TimeAsync(string kind, HttpStatusCode expected, Func<Task<HttpResponseMessage>> send, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            watch.Stop();
            var ok = response.StatusCode == expected;
            Record(kind, watch.Elapsed.TotalMilliseconds, ok ? null : $"{(int)response.StatusCode} {Html.Excerpt(body)}");
            return ok ? (response, body) : (null, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Record(kind, watch.Elapsed.TotalMilliseconds, $"{ex.GetType().Name}: {ex.Message}");
            return (null, null);
        }
    }
}

internal static class Http
{
    public static HttpClient NewClient(string url, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 1,
        })
        { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
}

internal static partial class Html
{
    [GeneratedRegex("href=\"/insatser/([0-9a-f-]{36})\"")]
    public static partial Regex ServiceLinks();

    [GeneratedRegex("href=\"/arbetsyta/insatser/([0-9a-f-]{36})\"")]
    public static partial Regex EditLinks();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex Token();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaElement();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectElement();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionTag();

    [GeneratedRegex("\\s(checked|selected)(=\"[^\"]*\")?[\\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex ChosenAttr();

    public static string Excerpt(string body) => body.Length <= 200 ? body : body[..200];

    public static string? TokenOf(string html) => Token().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The fields a browser would post from the first form with a field named <paramref name="containing"/>.</summary>
    public static List<KeyValuePair<string, string>> Form(string html, string containing)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var fields = new List<(int At, string Name, string Value)>();
            foreach (Match input in InputTag().Matches(form.Value))
            {
                var name = Attr(input.Value, "name");
                var type = Attr(input.Value, "type") ?? "text";
                if (name is null || type is "submit" or "button") continue;
                if (type is "checkbox" or "radio" && !ChosenAttr().IsMatch(input.Value)) continue;
                fields.Add((input.Index, name, Attr(input.Value, "value") ?? (type == "checkbox" ? "on" : "")));
            }
            foreach (Match area in TextAreaElement().Matches(form.Value))
                if (Attr(area.Groups[1].Value, "name") is { } name)
                    fields.Add((area.Index, name, WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\r', '\n')));
            foreach (Match select in SelectElement().Matches(form.Value))
            {
                if (Attr(select.Groups[1].Value, "name") is not { } name) continue;
                var options = OptionTag().Matches(select.Groups[2].Value).ToList();
                var chosen = options.FirstOrDefault(o => ChosenAttr().IsMatch(o.Value)) ?? options.FirstOrDefault();
                fields.Add((select.Index, name, chosen is null ? "" : Attr(chosen.Value, "value") ?? ""));
            }
            if (fields.Any(f => f.Name == containing))
                return fields.OrderBy(f => f.At).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        }
        throw new InvalidOperationException($"No form with {containing}.");
    }

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }
}

internal sealed partial class Editor(HttpClient client, string organizationPage)
{
    private int _saves;

    public static async Task<Editor> SignInAsync(Options options, int index)
    {
        var client = Http.NewClient(options.Url, new CookieContainer());
        var page = await client.GetStringAsync("/konto/logga-in");
        using var form = new FormUrlEncodedContent(
        [
            new("Input.Email", options.Email), new("Input.Password", options.Password),
            new("__RequestVerificationToken", Html.TokenOf(page) ?? throw new InvalidOperationException("No token on the sign-in page.")),
        ]);
        using var signedIn = await client.PostAsync("/konto/logga-in", form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Editor {index} could not sign in: {(int)signedIn.StatusCode}.");
        // An editor of one organisation is sent to it; of several, picks the first listed.
        using var workspace = await client.GetAsync("/arbetsyta");
        var body = await workspace.Content.ReadAsStringAsync();
        var organization = workspace.Headers.Location?.OriginalString
            ?? (Regex.Match(body, "href=\"(/arbetsyta/organisationer/[0-9a-f-]{36})\"") is { Success: true } m ? m.Groups[1].Value : null)
            ?? throw new InvalidOperationException($"The workspace did not lead to an organisation: {(int)workspace.StatusCode} {Html.Excerpt(body)}");
        return new Editor(client, organization);
    }

    public async Task<List<string>> ServicesAsync()
    {
        var html = await client.GetStringAsync(organizationPage);
        return Html.EditLinks().Matches(html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(" \\(belastning \\d+\\)$")]
    private static partial Regex Marker();

    /// <summary>Saves the service with a changed description, then confirms it as it stands, until stopped.</summary>
    public async Task RunAsync(string serviceId, Stats stats, CancellationToken stop)
    {
        var edit = "/arbetsyta/insatser/" + serviceId;
        while (!stop.IsCancellationRequested)
        {
            var (_, form) = await stats.TimeAsync("edit-form", HttpStatusCode.OK, () => client.GetAsync(edit, CancellationToken.None), stop);
            if (form is not null)
            {
                var fields = Html.Form(form, "Input.Version");
                var description = fields.FirstOrDefault(f => f.Key == "Input.Description").Value ?? "";
                fields.RemoveAll(f => f.Key == "Input.Description");
                fields.Add(new("Input.Description", Marker().Replace(description.TrimEnd(), "") + $" (belastning {++_saves})"));
                await stats.TimeAsync("save", HttpStatusCode.Redirect, () => Post(edit, fields), stop);
            }
            if (stop.IsCancellationRequested) break;
            var (_, page) = await stats.TimeAsync("workspace", HttpStatusCode.OK, () => client.GetAsync(organizationPage, CancellationToken.None), stop);
            if (page is not null && Html.TokenOf(page) is { } token)
                await stats.TimeAsync("confirm", HttpStatusCode.Redirect,
                    () => Post($"{organizationPage}?handler=Confirm&serviceId={serviceId}", [new("__RequestVerificationToken", token)]), stop);
        }
    }

    private async Task<HttpResponseMessage> Post(string url, List<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content, CancellationToken.None);
    }
}

internal static class Workload
{
    public static readonly string[] Terms =
    [
        "barn", "stöd", "familj", "språk", "samtal", "ekonomi", "boende", "arbete", "hälsa", "läxhjälp", "föräldrar", "ungdom",
        "äldre", "våld", "missbruk", "svenska", "budget", "skuld", "träffpunkt", "Halmstad", "Varberg", "Falkenberg", "Kungsbacka",
    ];

    private static readonly string[] Languages = ["", "&lang=en", "&lang=ar"];

    /// <summary>The public: searches (page and API), opens service pages, now and then the home page.</summary>
    public static async Task PublicAsync(Options options, List<string> serviceIds, int seed, Stats stats, CancellationToken stop)
    {
        var random = new Random(seed);
        using var client = Http.NewClient(options.Url);
        while (!stop.IsCancellationRequested)
        {
            var term = Uri.EscapeDataString(Terms[random.Next(Terms.Length)]);
            var pick = random.Next(100);
            var url = pick switch
            {
                < 40 => $"/sok?q={term}{Languages[random.Next(Languages.Length)]}",
                < 55 => $"/api/hsds/services?search={term}",
                < 95 => $"/insatser/{serviceIds[random.Next(serviceIds.Count)]}",
                _ => "/",
            };
            var kind = pick switch { < 40 => "search", < 55 => "search-api", < 95 => "service-page", _ => "home" };
            await stats.TimeAsync(kind, HttpStatusCode.OK, () => client.GetAsync(url, CancellationToken.None), stop);
        }
    }
}

internal static class Memory
{
    public static async Task<List<(double At, double[] Rss)>> SampleAsync(IReadOnlyList<int> pids, Stopwatch clock, CancellationToken stop)
    {
        var samples = new List<(double, double[])>();
        if (pids.Count == 0) return samples;
        while (true)
        {
            samples.Add((clock.Elapsed.TotalSeconds, pids.Select(Rss).ToArray()));
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
            }
            catch (TaskCanceledException)
            {
                samples.Add((clock.Elapsed.TotalSeconds, pids.Select(Rss).ToArray()));
                return samples;
            }
        }
    }

    private static double Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
