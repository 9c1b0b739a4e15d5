using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;

namespace Samla.BrowserTests.Infrastructure;

/// <summary>
/// The built app as a real process on a free 127.0.0.1 port (temp SQLite file, demo data) and one
/// headless Debian Chromium. Each test gets a fresh browser context with a trace; when a test fails
/// its screenshot and trace zip are kept under TestResults/browser/ (open with `playwright show-trace`).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly StringBuilder _appLog = new();
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), "samla-tests", $"browser-{Guid.NewGuid():N}.db");
    private Process? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Reads the app's database (to compare what a page shows with what is stored).</summary>
    public async Task<T> WithDbAsync<T>(Func<Samla.Web.Data.SamlaDbContext, Task<T>> query)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Samla.Web.Data.SqliteSamlaDbContext>();
        Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(options, $"Data Source={_databaseFile}");
        await using var db = new Samla.Web.Data.SqliteSamlaDbContext(options.Options);
        return await query(db);
    }

    /// <summary>
    /// Waits (up to 20 s) for the app's outbox worker to deliver a mail whose raw text contains <paramref name="text"/>;
    /// returns that text with quoted-printable soft line breaks undone.
    /// </summary>
    public async Task<string> WaitForMailAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (Directory.Exists(MailDirectory))
            {
                foreach (var file in Directory.GetFiles(MailDirectory, "*.eml"))
                {
                    var raw = await File.ReadAllTextAsync(file);
                    if (raw.Contains(text, StringComparison.Ordinal))
                    {
                        return raw.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
                    }
                }
            }
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"No mail containing '{text}' in {MailDirectory} after 20 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>Where the app writes the mail it sends (.eml files).</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "samla-tests", $"browser-mail-{Guid.NewGuid():N}");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ResultsDirectory =>
        Environment.GetEnvironmentVariable("SAMLA_TEST_RESULTS") is { Length: > 0 } dir ? dir : Path.Combine(RepositoryRoot, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        await StartAppAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SAMLA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>
    /// Runs one browser test in a fresh context; on failure keeps a screenshot and a trace. A test that fails only
    /// because the browser waited too long (a stall of the shared CI machine, not an assertion) runs once more in a new
    /// context; the retry is written to the test output and to TestResults/browser/retries.txt so it is never hidden.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string name = "")
    {
        try
        {
            await RunOnceAsync(test, name);
        }
        catch (TimeoutException first)
        {
            Directory.CreateDirectory(ResultsDirectory);
            var line = $"{DateTime.UtcNow:O} {name}: retried after {first.Message.Split('\n')[0]}";
            await File.AppendAllTextAsync(Path.Combine(ResultsDirectory, "retries.txt"), line + Environment.NewLine);
            Console.WriteLine("RETRY " + line);
            await RunOnceAsync(test, name + "-retry");
        }
    }

    private async Task RunOnceAsync(Func<IPage, Task> test, string name)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "sv-SE" });
        await context.Tracing.StartAsync(new TracingStartOptions { Title = name, Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        try
        {
            await test(page);
            await context.Tracing.StopAsync();
        }
        catch
        {
            Directory.CreateDirectory(ResultsDirectory);
            var safeName = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
            var stem = Path.Combine(ResultsDirectory, $"{safeName}-{DateTime.UtcNow:yyyyMMddHHmmss}");
            try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true }); }
            catch (PlaywrightException) { /* the page may be gone; the trace still tells */ }
            await context.Tracing.StopAsync(new TracingStopOptions { Path = stem + "-trace.zip" });
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databaseFile + suffix); } catch (IOException) { /* temp file */ }
        }
    }

    private async Task StartAppAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databaseFile)!);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(RepositoryRoot, "src", "Samla.Web"),
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "src", "Samla.Web"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Samla"] = $"Data Source={_databaseFile}";
        start.Environment["Samla__DemoData"] = "true";
        start.Environment["Samla__RateLimits__SignIn__PermitLimit"] = "100000";
        start.Environment["Samla__RateLimits__FailedSignIns__PerAddress__PermitLimit"] = "100000";
        start.Environment["Samla__RateLimits__FailedSignIns__PerNetwork__PermitLimit"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Samla__Mail__PickupDirectory"] = MailDirectory;
        start.Environment["Samla__Outbox__PollSeconds"] = "1";

        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => Log(e.Data);
        _app.ErrorDataReceived += (_, e) => Log(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_app.HasExited) throw new InvalidOperationException($"The app exited with {_app.ExitCode} before it served.\n{AppLog}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting slowly
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer /health within 3 minutes.\n{AppLog}");
    }

    public string AppLog
    {
        get { lock (_appLog) return _appLog.ToString(); }
    }

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_appLog) _appLog.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samla.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Samla.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
