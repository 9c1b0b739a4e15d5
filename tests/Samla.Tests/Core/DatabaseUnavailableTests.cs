using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samla.Web.Core;

namespace Samla.Tests.Core;

/// <summary>The one rule for "the database is unavailable": what is a 503 (retry), what is the request's own error.</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception> Unavailable => new()
    {
        { "refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "command timeout", new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "admin shutdown", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "starting up", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "statement timeout", new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014") },
        { "connection failure", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "too many connections", new PostgresException("too many clients", "FATAL", "FATAL", "53300") },
        { "sqlite busy", new SqliteException("database is locked", 5) },
        { "sqlite locked", new SqliteException("database table is locked", 6) },
        { "sqlite cannot open", new SqliteException("unable to open database file", 14) },
        { "sqlite not a database", new SqliteException("file is not a database", 26) },
        { "wrapped by EF", new DbUpdateException("An error occurred while saving", new NpgsqlException("x", new SocketException((int)SocketError.ConnectionReset))) },
        { "wrapped twice", new InvalidOperationException("outer", new DbUpdateException("save", new SqliteException("database is locked", 5))) },
    };

    public static TheoryData<string, Exception> NotUnavailable => new()
    {
        { "unique violation", new DbUpdateException("save", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")) },
        { "syntax error", new PostgresException("syntax error", "ERROR", "ERROR", "42601") },
        { "sqlite constraint", new DbUpdateException("save", new SqliteException("UNIQUE constraint failed", 19)) },
        { "concurrency", new DbUpdateConcurrencyException("stale") },
        { "cancelled by client", new OperationCanceledException() },
        { "plain bug", new NullReferenceException() },
        { "invalid data", new FormatException("bad date") },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Recognises_an_unavailable_database(string why, Exception exception) =>
        Assert.True(DatabaseUnavailable.Is(exception), why);

    [Theory]
    [MemberData(nameof(NotUnavailable))]
    public void Leaves_the_requests_own_errors_alone(string why, Exception exception) =>
        Assert.False(DatabaseUnavailable.Is(exception), why);
}
