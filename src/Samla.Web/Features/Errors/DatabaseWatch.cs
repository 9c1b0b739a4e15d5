using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Samla.Web.Data;

namespace Samla.Web.Features.Errors;

/// <summary>
/// Thrown instead of waiting for PostgreSQL while <see cref="DatabaseWatch"/> knows it does not answer. A
/// <see cref="TimeoutException"/>, so <see cref="DatabaseUnavailable.Is"/> answers 503 for it like for any other.
/// </summary>
public sealed class DatabaseNotAnsweringException() : TimeoutException("PostgreSQL stopped answering; waiting for it to answer again.");

/// <summary>
/// A PostgreSQL server that stops answering without refusing (frozen, packets dropped) would cost every command its full
/// command timeout and then the driver's cancellation request to the silent server (a new connection that waits up to the
/// connect timeout, its SSL request included), a transaction's COMMIT the connection string's command timeout (30 s by
/// default: it is not an EF command), and every new connection its connect timeout. This watch bounds that to one short
/// wait for the whole app:
/// <list type="bullet">
/// <item>it knows which PostgreSQL commands, commits, rollbacks, COPYs (<see cref="IRawDatabaseWork"/>) and connection attempts are under way and since when, and
/// which connections are open (SQLite is never watched);</item>
/// <item><see cref="DatabaseWatchdog"/> asks <see cref="DatabaseProbe"/> whenever one has waited longer than
/// <see cref="SuspectAfter"/>; a probe not answered within the connect timeout (<c>Database:ConnectTimeoutSeconds</c>, as
/// long as the app waits to reach the server at all) marks the database as not answering, and every open connection is
/// broken at once (<see cref="NpgsqlSockets"/>): what waits on one fails now with a connection error (a 503), without a
/// cancellation request to the silent server;</item>
/// <item>while it is marked, opening a connection, starting a command or committing fails at once
/// (<see cref="DatabaseNotAnsweringException"/>, a 503), until a probe answers again.</item>
/// </list>
/// A database that is slow but answers (a lock held, a long query) answers the probe at once and is never marked. The probe
/// is the only judge: a command timeout alone proves nothing (the driver reports a lock wait and a silent server alike).
/// A transaction whose COMMIT was under way when its connection was broken is committed whole or not at all by the server
/// (the client cannot know which: it answers 503 and may retry, which the importer's idempotence makes safe).
/// </summary>
public sealed class DatabaseWatch(TimeProvider clock, ILogger<DatabaseWatch> log) : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor, IRawDatabaseWork
{
    /// <summary>A command running longer than this makes the watchdog ask the probe (cheap: one SELECT 1 at a time).</summary>
    public static readonly TimeSpan SuspectAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>Commands running, commits and rollbacks under way and connections being opened (PostgreSQL), with when they started.</summary>
    private readonly ConcurrentDictionary<object, long> _running = new(ReferenceEqualityComparer.Instance);

    /// <summary>Open PostgreSQL connections: broken at once when the database is marked as not answering.</summary>
    private readonly ConcurrentDictionary<NpgsqlConnection, byte> _open = new(ReferenceEqualityComparer.Instance);
    private long _downSince;

    /// <summary>The database was seen not answering, and no probe has answered since.</summary>
    public bool IsDown => Interlocked.Read(ref _downSince) != 0;

    /// <summary>How long the oldest watched command or connection attempt has been waiting (zero when none does).</summary>
    public TimeSpan OldestRunning()
    {
        var now = clock.GetTimestamp();
        var oldest = TimeSpan.Zero;
        foreach (var started in _running.Values)
        {
            var age = clock.GetElapsedTime(started, now);
            if (age > oldest) oldest = age;
        }
        return oldest;
    }

    /// <summary>Marks the database as not answering (once) and breaks every open connection (what waits on one fails now).</summary>
    public void MarkDown(string why)
    {
        if (Interlocked.CompareExchange(ref _downSince, clock.GetTimestamp(), 0) != 0) return;
        log.LogWarning("PostgreSQL does not answer ({Why}): requests that need it answer 503 at once until it answers again; breaking {Open} open connections ({Count} commands, commits or connection attempts waiting)",
            why, _open.Count, _running.Count);
        var broken = 0;
        foreach (var connection in _open.Keys)
        {
            if (NpgsqlSockets.TryBreak(connection)) broken++;
        }
        if (broken > 0 || _open.IsEmpty) return;
        // This driver version hides its socket: cancel the waiting commands instead (slower: the driver's cancellation
        // request to the silent server waits up to the connect timeout), each on a thread of its own, not the pool's.
        foreach (var command in _running.Keys.OfType<DbCommand>())
        {
            _ = Task.Factory.StartNew(() =>
            {
                try
                {
                    command.Cancel();
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException or ObjectDisposedException)
                {
                    // finished or broken meanwhile
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>A probe answered: connections and commands may go to the database again.</summary>
    public void MarkUp()
    {
        var since = Interlocked.Exchange(ref _downSince, 0);
        if (since != 0) log.LogWarning("PostgreSQL answers again after {Seconds:0.0} s", clock.GetElapsedTime(since).TotalSeconds);
    }

    private static bool Watched(DbConnection? connection) => connection is NpgsqlConnection;

    private void ThrowIfDown(DbConnection? connection)
    {
        if (IsDown && Watched(connection)) throw new DatabaseNotAnsweringException();
    }

    private void Started(DbCommand command)
    {
        ThrowIfDown(command.Connection);
        if (Watched(command.Connection)) _running[command] = clock.GetTimestamp();
    }

    private void Ended(object commandOrConnection) => _running.TryRemove(commandOrConnection, out _);

    /// <summary>
    /// A COPY (<see cref="BulkWriter"/>) under way counts as a command: refused at once while the database is marked, and a
    /// COPY that waits makes the watchdog ask the probe, so an import whose COPY is all that runs against a silent server
    /// fails within seconds instead of after the connection string's command timeout (30 s).
    /// </summary>
    public IDisposable Started(DbConnection connection)
    {
        ThrowIfDown(connection);
        if (!Watched(connection)) return NothingWatched.Instance;
        var work = new WorkUnderWay(this);
        _running[work] = clock.GetTimestamp();
        return work;
    }

    private sealed class WorkUnderWay(DatabaseWatch watch) : IDisposable
    {
        public void Dispose() => watch.Ended(this);
    }

    private sealed class NothingWatched : IDisposable
    {
        public static readonly NothingWatched Instance = new();

        public void Dispose()
        {
        }
    }

    private void Finishing(DbTransaction transaction)
    {
        ThrowIfDown(transaction.Connection);
        if (Watched(transaction.Connection)) _running[transaction] = clock.GetTimestamp();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Started(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Started(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Started(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Started(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Started(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Started(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Ended(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Ended(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ended(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Ended(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Ended(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(command);
        return Task.CompletedTask;
    }

    private void Opening(DbConnection connection)
    {
        ThrowIfDown(connection);
        if (Watched(connection)) _running[connection] = clock.GetTimestamp();
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Opening(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        Opening(connection);
        return ValueTask.FromResult(result);
    }

    private void Opened(DbConnection connection)
    {
        Ended(connection);
        if (connection is NpgsqlConnection npgsql) _open[npgsql] = 0;
    }

    private void Closed(DbConnection connection)
    {
        Ended(connection);
        if (connection is NpgsqlConnection npgsql) _open.TryRemove(npgsql, out _);
    }

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Opened(connection);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Closed(connection);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Closed(connection);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Closed(connection);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Closed(connection);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Ended(connection);

    Task IDbConnectionInterceptor.ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Ended(connection);
        return Task.CompletedTask;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Finishing(transaction);
        return result;
    }

    ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        Finishing(transaction);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionRollingBack(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        // Not refused while marked: a rollback on a broken connection costs nothing, and it must still be allowed to end.
        if (Watched(transaction.Connection)) _running[transaction] = clock.GetTimestamp();
        return result;
    }

    ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionRollingBackAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        if (Watched(transaction.Connection)) _running[transaction] = clock.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every quarter second: while the database is marked as not answering, asks <see cref="DatabaseProbe"/> whether it answers
/// again; otherwise, when a PostgreSQL command or connection attempt has waited longer than
/// <see cref="DatabaseWatch.SuspectAfter"/>, asks whether the database still answers at all. Does nothing on SQLite (no command is ever watched there).
/// </summary>
public sealed class DatabaseWatchdog(DatabaseWatch watch, DatabaseProbe probe, TimeProvider clock, IOptions<DatabaseOptions> options) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bound = TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds);
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (watch.IsDown)
                {
                    if (await probe.AnswersAsync(bound, stoppingToken)) watch.MarkUp();
                }
                else if (watch.OldestRunning() > DatabaseWatch.SuspectAfter
                    && !await probe.AnswersAsync(bound, stoppingToken))
                {
                    // Still waiting: what raised the suspicion may have finished while the probe was asked.
                    if (watch.OldestRunning() > DatabaseWatch.SuspectAfter) watch.MarkDown("a command waits and a probe was not answered");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}

/// <summary>
/// Breaks an open PostgreSQL connection from another thread, at once: shuts its socket down, so that whatever waits on it
/// (a command, a COMMIT, a COPY) ends with a connection error, and the driver discards the connection. The driver has no
/// public way to do that (cancelling a command sends the server a cancellation request on a new connection, which a silent
/// server never answers), so its socket is read from Npgsql's internals; when a driver version hides it, nothing happens
/// (<see cref="TryBreak"/> answers false) and <see cref="DatabaseWatch"/> cancels commands instead.
/// </summary>
public static class NpgsqlSockets
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
    private static readonly PropertyInfo? ConnectorProperty = typeof(NpgsqlConnection).GetProperty("Connector", Private);
    private static readonly FieldInfo? SocketField = ConnectorProperty?.PropertyType.GetField("_socket", Private) is { } f && f.FieldType == typeof(Socket) ? f : null;

    /// <summary>True when this driver version's socket can be reached (checked by a test, so an upgrade that hides it is noticed).</summary>
    public static bool Supported => SocketField is not null;

    /// <summary>Shuts the connection's socket down; false when it has none (closed, being opened) or it cannot be reached.</summary>
    public static bool TryBreak(NpgsqlConnection connection)
    {
        if (SocketField is null) return false;
        try
        {
            if (ConnectorProperty!.GetValue(connection) is not { } connector || SocketField.GetValue(connector) is not Socket socket) return false;
            socket.Shutdown(SocketShutdown.Both);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or TargetInvocationException or InvalidOperationException)
        {
            return false; // closed meanwhile
        }
    }
}
