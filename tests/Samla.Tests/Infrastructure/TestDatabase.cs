using Microsoft.Data.Sqlite;
using Npgsql;

namespace Samla.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test app: a temp SQLite file, or a uniquely named PostgreSQL
/// database. The provider comes from SAMLA_TEST_PROVIDER (sqlite, postgres) so that the same tests
/// run on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    /// <summary>"Sqlite" or "Postgres", as the app's Database:Provider setting expects.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>File path (SQLite) or database name (PostgreSQL).</summary>
    public string Name { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static bool PostgresSelected =>
        string.Equals(Environment.GetEnvironmentVariable("SAMLA_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresBase =>
        Environment.GetEnvironmentVariable("SAMLA_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("SAMLA_TEST_PROVIDER=postgres needs SAMLA_TEST_PG, e.g. Host=127.0.0.1;Port=55432;Username=postgres");

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!PostgresSelected)
        {
            var file = Path.Combine(Path.GetTempPath(), "samla-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return new TestDatabase("Sqlite", $"Data Source={file}", file);
        }
        return await CreatePostgresAsync();
    }

    /// <summary>A fresh PostgreSQL database whatever the selected provider (cross-provider tests); needs SAMLA_TEST_PG.</summary>
    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var name = $"samla_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresBase) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(Name + suffix); } catch (IOException) { /* a leftover temp file is harmless */ }
            }
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(PostgresBase) { Database = "postgres", Pooling = false }.ConnectionString;
}
