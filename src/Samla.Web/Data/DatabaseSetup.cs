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

/// <summary>Chooses the provider from configuration (Database:Provider) and registers the context.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        config["Database:Provider"] is { Length: > 0 } p
            ? p.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
                    ? DatabaseProvider.Sqlite
                    : throw new InvalidOperationException($"Database:Provider '{p}' is not known. Use Sqlite or Postgres.")
            : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var cs = config.GetConnectionString("Samla");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectionStrings:Samla must be set when Database:Provider is Postgres.");
        }
        var folder = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "samla.db")}";
    }

    public static IServiceCollection AddSamlaDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = Provider(config);
        var cs = ConnectionString(config, env);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SamlaDbContext, PostgresSamlaDbContext>((sp, o) =>
            {
                var timeouts = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                o.UseNpgsql(WithConnectTimeout(cs, timeouts), n => n.CommandTimeout(timeouts.CommandTimeoutSeconds));
            });
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
                o.UseSqlite(cs, s => s.CommandTimeout(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.CommandTimeoutSeconds)));
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

/// <summary>
/// How long the app waits for the database (section <c>Samla:Database</c>). Web requests get a few seconds, so a slow or
/// silent database gives a clean 503 instead of piling up requests; long work asks for <see cref="LongCommandTimeoutSeconds"/>
/// (<see cref="DatabaseSetup.UseLongCommandTimeout"/>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Samla:Database";

    /// <summary>Seconds a command of a web request may take (SQLite: also how long it waits for a lock).</summary>
    [Range(1, 600, ErrorMessage = "Samla:Database:CommandTimeoutSeconds must be 1–600 seconds (5 is usual).")]
    public int CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a command of long work (import, backup, restore, seeding, migrations) may take.</summary>
    [Range(1, 86400, ErrorMessage = "Samla:Database:LongCommandTimeoutSeconds must be 1–86400 seconds (600 is usual).")]
    public int LongCommandTimeoutSeconds { get; set; } = 600;

    /// <summary>Seconds to wait for a PostgreSQL connection (unless the connection string sets Timeout).</summary>
    [Range(1, 600, ErrorMessage = "Samla:Database:ConnectTimeoutSeconds must be 1–600 seconds (5 is usual).")]
    public int ConnectTimeoutSeconds { get; set; } = 5;
}
