using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Samla.Web.Core;

/// <summary>
/// The one rule for "the database is unavailable right now" (down, unreachable, not answering in time, busy or
/// locked): an error the client may retry, answered 503 with Retry-After, never 500 nor 422 "invalid data".
/// Pages, the API, the importer and the health check all ask <see cref="Is"/>; nothing else restates it.
/// </summary>
/// <remarks>
/// Not unavailable: constraint violations, concurrency conflicts, bad SQL and other errors about the request or
/// the data (those are the caller's to answer), and a request the client itself cancelled.
/// </remarks>
public static class DatabaseUnavailable
{
    /// <summary>What a 503 tells the client: try again after this many seconds.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// PostgreSQL states that mean the server is going away, not accepting connections, overloaded or cancelled
    /// the statement on a timeout: class 08 (connection exception), 53 (insufficient resources), 57P0x (shutdown,
    /// cannot connect now), 57014 (statement cancelled: command or statement timeout), 55P03 (lock not available),
    /// 40P01 / 40001 are NOT here: deadlocks and serialization failures are retried by the caller's transaction logic.
    /// </summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "57014" or "55P03" or "58030";

    /// <summary>SQLite result codes (primary, low byte) that mean busy, locked or unreadable: BUSY, LOCKED, IOERR, CANTOPEN, NOTADB.</summary>
    private static bool IsUnavailableSqlite(int code) => (code & 0xFF) is 5 or 6 or 10 or 14 or 26;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says the database is unavailable.</summary>
    public static bool Is(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case PostgresException p:
                    return IsUnavailableState(p.SqlState);
                case NpgsqlException n when n.IsTransient:
                    return true;
                case SqliteException s:
                    return IsUnavailableSqlite(s.SqliteErrorCode) || IsUnavailableSqlite(s.SqliteExtendedErrorCode);
                case SocketException:
                case TimeoutException:
                case RetryLimitExceededException:
                    return true;
                case DbUpdateConcurrencyException:
                    return false;
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    return aggregate.InnerExceptions.Any(Is);
            }
            exception = exception.InnerException;
        }
        return false;
    }

    /// <summary>
    /// Forgets pooled connections after an outage was seen, so the first requests after the database is back get
    /// fresh connections instead of each discovering a dead one. Cheap; at most once per second.
    /// </summary>
    public static void ForgetPooledConnections(TimeProvider clock)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastCleared);
        if (last != 0 && clock.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1)) return;
        if (Interlocked.CompareExchange(ref _lastCleared, now, last) != last) return;
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
    }

    private static long _lastCleared;
}
