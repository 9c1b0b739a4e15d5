using Microsoft.EntityFrameworkCore;
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
        var provider = Provider(config);
        var cs = ConnectionString(config, env);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SamlaDbContext, PostgresSamlaDbContext>((sp, o) => o.UseNpgsql(cs, n => n.CommandTimeout(120))
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        else
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            }
            services.AddDbContext<SamlaDbContext, SqliteSamlaDbContext>((sp, o) => o.UseSqlite(cs, s => s.CommandTimeout(120))
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        return services;
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
