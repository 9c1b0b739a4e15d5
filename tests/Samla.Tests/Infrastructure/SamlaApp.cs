using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Infrastructure;

/// <summary>
/// The app under test with a database of its own: a class fixture, so one app and one fresh
/// database per test class. Demo data is loaded unless a subclass says otherwise. Intent methods
/// keep tests about behaviour rather than plumbing (bitwarden's INTEGRATION_TEST.md).
/// </summary>
public class SamlaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase;
    private TestDatabase? _database;
    private bool _disposed;

    public SamlaApp() : this(demoData: true)
    {
    }

    protected SamlaApp(bool demoData)
    {
        DemoDataEnabled = demoData;
        _ownsDatabase = true;
    }

    private SamlaApp(TestDatabase database, bool demoData)
    {
        _database = database;
        DemoDataEnabled = demoData;
        _ownsDatabase = false;
    }

    /// <summary>An app on a database the caller owns (to restart the app on the same data); call InitializeAsync first.</summary>
    public static SamlaApp OnDatabase(TestDatabase database, bool demoData = true) => new(database, demoData);

    public bool DemoDataEnabled { get; }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Call InitializeAsync first (xunit does it for fixtures).");

    public async Task InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        try
        {
            _ = Server; // start now, so that migration and seeding failures surface here, once
        }
        catch (ObjectDisposedException ex)
        {
            // The app logged why it could not start (Program.cs) and stopped; WebApplicationFactory only sees its
            // disposed services. Say what the app said.
            throw new InvalidOperationException($"The app under test stopped while starting: {string.Join(" | ", _startupLog.Messages)}", ex);
        }
    }

    private readonly StartupLog _startupLog = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the friendly error page and production pipeline are what we test.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Samla", Database.ConnectionString);
        builder.UseSetting("Samla:DemoData", DemoDataEnabled ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddProvider(_startupLog));
        // The 5 s production timeouts are for a responsive app on a healthy server; the test command runs many test
        // classes in parallel on two cores, where creating a database and connecting can take longer. The fault tests
        // set short timeouts of their own.
        builder.UseSetting("Database:CommandTimeoutSeconds", "30");
        builder.UseSetting("Database:ConnectTimeoutSeconds", "30");
        // All requests come from one test "IP"; the sign-in limit has its own test where it matters.
        builder.UseSetting("Samla:RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("Samla:RateLimits:PublicForms:PermitLimit", "100000");
        builder.UseSetting("Samla:RateLimits:FailedSignIns:PerAddress:PermitLimit", "100000");
        builder.UseSetting("Samla:RateLimits:FailedSignIns:PerNetwork:PermitLimit", "100000");
        builder.UseSetting("Samla:Mail:PickupDirectory", MailDirectory);
        // No background loops: tests flush the outbox (DeliverMailAsync) and run jobs themselves.
        builder.UseSetting("Samla:Outbox:RunWorker", "false");
        builder.UseSetting("Samla:Scheduler:RunJobs", "false");
    }

    /// <summary>Where the app writes the mail it sends (.eml files), one folder per app.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "samla-tests", "mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Sends everything due in the outbox now (what the background worker would do); returns how many were sent or failed.</summary>
    public async Task<int> DeliverMailAsync()
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        var total = 0;
        int round;
        while ((round = await worker.ProcessDueAsync()) > 0) total += round;
        return total;
    }

    /// <summary>Runs the scheduled job named <paramref name="name"/> once, now, in a scope of its own (no lease, no interval check).</summary>
    public async Task RunJobAsync(string name)
    {
        var job = Services.GetRequiredService<JobScheduler>().Jobs.SingleOrDefault(j => j.Name == name)
            ?? throw new InvalidOperationException($"No scheduled job named '{name}' is registered.");
        using var scope = Services.CreateScope();
        await job.RunAsync(scope.ServiceProvider, CancellationToken.None);
    }

    /// <summary>Delivers due mail, then reads every message in <see cref="MailDirectory"/> (to <paramref name="to"/> only, when given).</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> ReadMailAsync(string? to = null)
    {
        await DeliverMailAsync();
        if (!Directory.Exists(MailDirectory)) return [];
        var messages = new List<MimeKit.MimeMessage>();
        foreach (var file in Directory.GetFiles(MailDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (to is null || message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) messages.Add(message);
        }
        return messages;
    }

    /// <summary>A client that behaves like a browser for forms: keeps cookies, does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Reads the antiforgery token from the form on <paramref name="url"/> (as a browser would).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        return Html.AntiforgeryToken(body)
            ?? throw new Xunit.Sdk.XunitException($"No __RequestVerificationToken on {url}.\n{HttpAssert.Excerpt(body)}");
    }

    /// <summary>Posts a form the way the page does: token from <paramref name="pageUrl"/>, then POST to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await GetAntiforgeryTokenAsync(client, pageUrl);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl, content);
    }

    /// <summary>Submits the real sign-in form; returns the response (302 on success, 200 with an error otherwise).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/konto/logga-in" : $"/konto/logga-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return PostFormAsync(client, url, url, [new("Input.Email", email), new("Input.Password", password)]);
    }

    /// <summary>
    /// A browser-like client signed in through the sign-in form. Administrators and coordinators sign in in
    /// two steps: the code is computed from <paramref name="authenticatorKey"/> (the demo key by default).
    /// </summary>
    public async Task<HttpClient> CreateClientSignedInAsync(string email, string password, string authenticatorKey = DemoAccounts.AuthenticatorKey)
    {
        var client = CreateBrowserClient();
        using var response = await SignInAsync(client, email, password);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        if (response.Headers.Location?.OriginalString.StartsWith("/konto/tvastegs", StringComparison.Ordinal) == true)
        {
            var step = response.Headers.Location.OriginalString;
            using var second = await PostFormAsync(client, step, step, [new("Code", Totp.Code(authenticatorKey))]);
            await second.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        return client;
    }

    public async Task WithDbAsync(Func<SamlaDbContext, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<SamlaDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<SamlaDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamlaDbContext>());
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// A new account of this test's own (so that locking it out disturbs no other test). Coordinators and
    /// administrators get the demo authenticator key unless <paramref name="twoFactor"/> is false.
    /// </summary>
    public Task<string> CreateUserAsync(string password, string? role = null, bool twoFactor = true) => WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<SamlaUser>>();
        var email = $"test-{Guid.NewGuid():N}@samla.example";
        var user = new SamlaUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testperson", CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, password));
        if (role is not null)
        {
            var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
            Check(await users.AddToRoleAsync(user, role));
            if (twoFactor && Roles.RequireTwoFactor.Contains(role))
            {
                // Coordinators and administrators must sign in in two steps; give them the demo key so that
                // CreateClientSignedInAsync can compute the code.
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }
        return email;

        static void Check(IdentityResult r)
        {
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    });

    /// <summary>An organisation and a service of this test's own, created directly in the database.</summary>
    public Task<Service> CreateServiceAsync(string name, bool published = true, string status = ServiceStatus.Active) => WithDbAsync(async db =>
    {
        var org = new Organization { Name = $"Testorganisation {Guid.NewGuid():N}", Description = "Skapad av ett test.", Email = "test@samla.example" };
        var service = new Service { Name = name, Organization = org, Description = "Skapad av ett test.", IsPublished = published, Status = status };
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service;
    });

    public override async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await base.DisposeAsync();
        if (_ownsDatabase && _database is not null) await _database.DisposeAsync();
        if (Directory.Exists(MailDirectory)) Directory.Delete(MailDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>Keeps the app's critical log lines (why it could not start), so that a failed start says why.</summary>
internal sealed class StartupLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IEnumerable<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(StartupLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Critical;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._messages.Enqueue(formatter(state, exception));
        }
    }
}

/// <summary>The same app without demo data: reference data only.</summary>
public sealed class SamlaAppWithoutDemoData : SamlaApp
{
    public SamlaAppWithoutDemoData() : base(demoData: false)
    {
    }
}
