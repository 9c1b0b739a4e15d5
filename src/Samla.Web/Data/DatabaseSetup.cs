using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Samla.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the app uses: section <c>Database</c> (<c>Provider</c>: Sqlite or Postgres) and the connection string
/// <c>ConnectionStrings:Samla</c> (for SQLite, default <c>App_Data/samla.db</c>). Bound once, checked at start by
/// <see cref="DatabaseOptionsValidation"/> with a message that names the setting and what to write instead.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "Postgres" ("PostgreSQL" is understood too); case does not matter.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>From <c>ConnectionStrings:Samla</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seconds a command of a web request may take (SQLite: also how long it waits for a lock). Web requests get a few
    /// seconds, so a slow or silent database gives a clean 503 instead of piling up requests.</summary>
    [Range(1, 600, ErrorMessage = "Database:CommandTimeoutSeconds must be 1–600 seconds (5 is usual).")]
    public int CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a command of long work (import, backup, restore, seeding, migrations) may take
    /// (<see cref="DatabaseSetup.UseLongCommandTimeout"/>).</summary>
    [Range(1, 86400, ErrorMessage = "Database:LongCommandTimeoutSeconds must be 1–86400 seconds (600 is usual).")]
    public int LongCommandTimeoutSeconds { get; set; } = 600;

    /// <summary>Seconds to wait for a PostgreSQL connection (unless the connection string sets Timeout). Also how long the
    /// driver waits while it sends a server that stopped answering a cancellation request (twice with SSL Mode=Prefer), so
    /// short: 2 s is plenty on a LAN.</summary>
    [Range(1, 600, ErrorMessage = "Database:ConnectTimeoutSeconds must be 1–600 seconds (2 is usual on a LAN).")]
    public int ConnectTimeoutSeconds { get; set; } = 2;

    /// <summary>The provider named by <see cref="Provider"/>, or null when it names none.</summary>
    public DatabaseProvider? ProviderKind => Provider.Trim().ToUpperInvariant() switch
    {
        "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
        _ => null,
    };

    /// <summary>The settings as configured (used while services are registered, before options can be resolved).</summary>
    public static DatabaseOptions From(IConfiguration config)
    {
        var options = new DatabaseOptions();
        config.GetSection(Section).Bind(options);
        options.ConnectionString = config.GetConnectionString("Samla");
        return options;
    }
}

/// <summary>Checks <see cref="DatabaseOptions"/>: a known provider, and a connection string for PostgreSQL.</summary>
public sealed class DatabaseOptionsValidation : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        Describe(options) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;

    /// <summary>Null when the settings can be used; otherwise the message a person can act on.</summary>
    public static string? Describe(DatabaseOptions options) => options.ProviderKind switch
    {
        null => $"Database:Provider '{options.Provider}' is not known: write Sqlite (a file, the default) or Postgres " +
            "(then also ConnectionStrings:Samla, e.g. \"Host=localhost;Username=samla;Database=samla\").",
        DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(options.ConnectionString) =>
            "Database:Provider is Postgres but ConnectionStrings:Samla is empty: set it, e.g. " +
            "ConnectionStrings__Samla=\"Host=localhost;Username=samla;Database=samla\".",
        _ => null,
    };
}

/// <summary>Chooses the provider from <see cref="DatabaseOptions"/> and registers the context.</summary>
public static class DatabaseSetup
{
    /// <summary>The connection string to use: the configured one, else (SQLite) App_Data/samla.db under the content root.</summary>
    public static string ConnectionString(DatabaseOptions options, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        var folder = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "samla.db")}";
    }

    public static IServiceCollection AddSamlaDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var options = DatabaseOptions.From(config);
        // The context is chosen now, before the app starts: a wrong setting stops here, with the same message start validation gives.
        if (DatabaseOptionsValidation.Describe(options) is { } problem)
        {
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), [problem]);
        }
        services.AddOptions<DatabaseOptions>().Configure(o =>
        {
            config.GetSection(DatabaseOptions.Section).Bind(o);
            o.ConnectionString = config.GetConnectionString("Samla");
        }).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidation>();
        var provider = options.ProviderKind!.Value;
        var cs = ConnectionString(options, env);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SamlaDbContext, PostgresSamlaDbContext>((sp, o) =>
            {
                var timeouts = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                o.UseNpgsql(WithConnectTimeout(cs, timeouts), n => n.CommandTimeout(timeouts.CommandTimeoutSeconds))
                    .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            }, optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            }
            // SQLite waits for a lock (busy timeout) as long as the command timeout: a locked file answers 503 after it.
            services.AddDbContext<SamlaDbContext, SqliteSamlaDbContext>((sp, o) =>
                o.UseSqlite(cs, s => s.CommandTimeout(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.CommandTimeoutSeconds))
                    .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
    }

    /// <summary>PostgreSQL's connect timeout from <see cref="DatabaseOptions.ConnectTimeoutSeconds"/> unless the connection string sets one.</summary>
    public static string WithConnectTimeout(string connectionString, DatabaseOptions options)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Timeout")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { Timeout = options.ConnectTimeoutSeconds }.ConnectionString;
    }

    /// <summary>
    /// Gives this context the long command timeout (<see cref="DatabaseOptions.LongCommandTimeoutSeconds"/>): for work that
    /// is long by nature (import, backup, restore, seeding, migrations, loading the search index), not for web requests.
    /// </summary>
    public static void UseLongCommandTimeout(this SamlaDbContext db)
    {
        var options = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IOptions<DatabaseOptions>>()?.Value
            ?? new DatabaseOptions();
        db.Database.SetCommandTimeout(options.LongCommandTimeoutSeconds);
    }

    /// <summary>A one-line, human explanation of why the database could not be reached, or null if the exception is not about that.</summary>
    public static string? DescribeConnectionFailure(Exception ex) => ex switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException s } =>
            $"Cannot reach PostgreSQL ({s.SocketErrorCode}): check ConnectionStrings:Samla and that the server runs.",
        PostgresException p when p.SqlState is "28P01" or "28000" => $"PostgreSQL refused the login: {p.MessageText}",
        PostgresException p when p.SqlState == "3D000" => $"PostgreSQL database does not exist: {p.MessageText}",
        NpgsqlException n => $"PostgreSQL error: {n.Message}",
        Microsoft.Data.Sqlite.SqliteException s => $"SQLite error: {s.Message}",
        InvalidOperationException i when i.InnerException is not null => DescribeConnectionFailure(i.InnerException),
        _ => null,
    };
}
