using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;
using Samla.Web.Data;

namespace Samla.Web.Features.Errors;

/// <summary>Marker for the texts of the "temporarily unavailable" page (all seven languages: anyone may see it).</summary>
public sealed class FaultText;

/// <summary>
/// What the app answers while the database is unavailable (<see cref="DatabaseUnavailable"/>): pages a plain,
/// translated 503 page that needs neither the database nor the layout, <c>/api/…</c> a 503 problem+json, both with
/// Retry-After; and <c>/health</c> reports the database as unhealthy within <see cref="HealthTimeout"/>.
/// </summary>
public static class DatabaseFaults
{
    public const string HealthCheckName = "database";

    /// <summary>The health check gives up on a database that does not answer after this long.</summary>
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The database check: one round trip (a pooled connection alone proves nothing), answered within <see cref="HealthTimeout"/>.</summary>
    public static IHealthChecksBuilder AddDatabaseHealthCheck(this IHealthChecksBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseProbe>();
        // A PostgreSQL server that stops answering costs one short wait, not one per command (DatabaseWatch).
        builder.Services.AddSingleton<DatabaseWatch>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<DatabaseWatch>());
        builder.Services.AddHostedService<DatabaseWatchdog>();
        return builder.AddCheck<DatabaseHealthCheck>(HealthCheckName, HealthStatus.Unhealthy);
    }

    /// <summary>The answer of /health: 200 "Healthy", or 503 "Unhealthy: database unavailable".</summary>
    public static HealthCheckOptions HealthOptions { get; } = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            var text = report.Status.ToString();
            var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToList();
            if (failed.Contains(HealthCheckName))
            {
                text += ": database unavailable";
                context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
            else if (failed.Count > 0)
            {
                text += ": " + string.Join(", ", failed);
            }
            await context.Response.WriteAsync(text);
        },
    };

    /// <summary>Catches "database unavailable" from anything later in the pipeline (authentication and pages included).</summary>
    public static IApplicationBuilder UseDatabaseFaults(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var services = context.RequestServices;
            DatabaseUnavailable.ForgetPooledConnections(services.GetRequiredService<TimeProvider>());
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseFaults))
                .LogWarning("Database unavailable on {Method} {Path}: {Error}", context.Request.Method, context.Request.Path, ex.GetBaseException().Message);
            await WriteUnavailableAsync(context);
        }
    });

    /// <summary>The 503 answer: problem+json for the API, a plain translated page for everything else.</summary>
    public static async Task WriteUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            response.ContentType = "application/problem+json";
            await JsonSerializer.SerializeAsync(response.Body, new Dictionary<string, object>
            {
                ["type"] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                ["title"] = "Service Unavailable",
                ["status"] = StatusCodes.Status503ServiceUnavailable,
                ["detail"] = $"The database is unavailable. Try again in {DatabaseUnavailable.RetryAfterSeconds} seconds.",
                ["retry_after_seconds"] = DatabaseUnavailable.RetryAfterSeconds,
            }, cancellationToken: context.RequestAborted);
            return;
        }
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<FaultText>>();
        var lang = UiLanguages.Current;
        // The app's encoder (all of Unicode as is): the default one would write å, ä, ö and Arabic as numeric entities.
        var e = context.RequestServices.GetRequiredService<HtmlEncoder>();
        var retry = e.Encode(context.Request.Method == HttpMethods.Get ? context.Request.Path + context.Request.QueryString : "/");
        response.ContentType = "text/html; charset=utf-8";
        // Plain on purpose: no layout, no view, nothing that could ask the database again.
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{e.Encode(lang.Code)}" dir="{(lang.RightToLeft ? "rtl" : "ltr")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{e.Encode(t["UnavailableTitle"])}</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main" class="wrap">
            <h1>{e.Encode(t["UnavailableTitle"])}</h1>
            <p>{e.Encode(t["UnavailableText"])}</p>
            <p><a href="{retry}">{e.Encode(t["TryAgain"])}</a> · <a href="/">{e.Encode(t["BackToHome"])}</a></p>
            </main>
            </body>
            </html>
            """, context.RequestAborted);
    }
}

/// <summary>
/// The health check's round trip, shared: at most one probe at a time runs against the database, and every /health
/// request waiting meanwhile shares its answer. A request waits at most <see cref="DatabaseFaults.HealthTimeout"/>, even when
/// the database does not answer at all and the driver needs longer to give up; the probe then finishes on its own.
/// On PostgreSQL the probe has a connection of its own, outside the pool and outside EF (so <see cref="DatabaseWatch"/> neither
/// watches nor refuses it): a pool exhausted by busy requests must not look like a silent server, and a pooled connection
/// proves nothing about reaching the server now.
/// </summary>
public sealed class DatabaseProbe(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, IHostEnvironment env, ILogger<DatabaseProbe> log)
{
    private readonly Lock _gate = new();
    private Task<bool>? _running;
    private string? _postgres;

    /// <summary>True when the database answered a round trip within <see cref="DatabaseFaults.HealthTimeout"/>.</summary>
    public Task<bool> AnswersAsync(CancellationToken ct) => AnswersAsync(DatabaseFaults.HealthTimeout, ct);

    /// <summary>True when the database answered a round trip within <paramref name="within"/>.</summary>
    public async Task<bool> AnswersAsync(TimeSpan within, CancellationToken ct)
    {
        Task<bool> probe;
        lock (_gate)
        {
            if (_running is null || _running.IsCompleted) _running = ProbeAsync();
            probe = _running;
        }
        try
        {
            return await probe.WaitAsync(within, ct);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The app's PostgreSQL connection string (its connect timeout included) without pooling; null on SQLite.</summary>
    private string? PostgresConnectionString()
    {
        var o = options.Value;
        if (o.ProviderKind != DatabaseProvider.Postgres) return null;
        return _postgres ??= new NpgsqlConnectionStringBuilder(DatabaseSetup.WithConnectTimeout(DatabaseSetup.ConnectionString(o, env), o))
        {
            Pooling = false,
            CommandTimeout = o.CommandTimeoutSeconds,
        }.ConnectionString;
    }

    /// <summary>One round trip; never throws (it may outlive the request that started it).</summary>
    private async Task<bool> ProbeAsync()
    {
        await Task.Yield();
        try
        {
            // No token of its own: the connect and command timeouts end it; callers wait only as long as they choose, and
            // after a silent server wakes up, the probe still waiting gets its answer at once.
            if (PostgresConnectionString() is { } cs)
            {
                await using var connection = new NpgsqlConnection(cs);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SamlaDbContext>().Database.ExecuteSqlRawAsync("SELECT 1");
            }
            return true;
        }
        catch (Exception ex)
        {
            log.LogWarning("Health check: the database did not answer: {Error}", ex.GetBaseException().Message);
            return false;
        }
    }
}

/// <summary>
/// /health's database entry: <see cref="DatabaseProbe"/>; unhealthy at once while <see cref="DatabaseWatch"/> knows PostgreSQL
/// does not answer (its watchdog keeps probing and clears that as soon as a probe answers), so a load balancer's health
/// request does not wait for the connect timeout each time.
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseProbe probe, DatabaseWatch watch) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        !watch.IsDown && await probe.AnswersAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "database unavailable");
}
