using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Samla.Web.Core;

/// <summary>
/// The one rule for "the database is unavailable, try again later" (as opposed to "this data is wrong"): a connection that
/// cannot be opened or was lost, a timeout, a server shutting down or refusing connections, a busy or locked SQLite file.
/// Such errors answer 503 with Retry-After, never 4xx, and never become a problem with the user's data.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>Seconds a client is asked to wait before retrying while the database is unavailable.</summary>
    public const int RetryAfterSeconds = 30;

    public static bool IsUnavailable(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
                    || pg.SqlState.StartsWith("53", StringComparison.Ordinal)                          // insufficient resources
                    || pg.SqlState.StartsWith("57P", StringComparison.Ordinal):                        // shutdown, cannot connect now
                    return true;
                case PostgresException:
                    return false; // a constraint or a statement the server refused: the data's problem, not the database's
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 14: // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN
                    return true;
                case TimeoutException or SocketException:
                    return true;
                case DbException db when db.IsTransient:
                    return true;
            }
        }
        return false;
    }
}
