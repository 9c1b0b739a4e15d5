using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// The one way to write many new rows at once (the importer, the load-test generator). EF's change tracker costs
/// several times more CPU per row, and a large import is millions of rows. Columns and value conversion come from
/// the EF model and its type mappings, so the stored values are exactly what EF itself would write on either
/// provider (e.g. UUIDs as upper-case text on SQLite). New <see cref="IVersioned"/> rows are stamped by
/// <see cref="SamlaDbContext.StampNew"/>, like SaveChanges does; audit entries for them are added as rows
/// (<see cref="SamlaDbContext.AuditEntryFor"/>).
/// </summary>
/// <remarks>
/// SQLite: one prepared INSERT per table, executed at once. PostgreSQL: a round trip per row is slow, so rows are
/// buffered and sent with binary COPY, table by table in foreign-key order, at <see cref="FlushAsync"/> (or when
/// the buffer is full). Both write on the context's connection inside its current transaction; call
/// <see cref="FlushAsync"/> before reading what was written and before committing.
/// </remarks>
public sealed class BulkWriter(SamlaDbContext db) : IDisposable
{
    private const int MaxBufferedRows = 50_000;

    private sealed class Table(IEntityType entityType, string name, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns)
    {
        public IEntityType EntityType { get; } = entityType;
        public string Name { get; } = name;
        public IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> Columns { get; } = columns;
        public DbCommand? Command { get; set; }
        public List<object?[]> Rows { get; } = [];
        public int Depth { get; set; } = -1;
    }

    private readonly Dictionary<Type, Table> _tables = [];
    private readonly bool _copy = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
    private int _buffered;

    /// <summary>The context's interceptor that hears of a COPY under way (the database watch), if it has one.</summary>
    private readonly IRawDatabaseWork? _work = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
        .OfType<IRawDatabaseWork>().FirstOrDefault();

    /// <summary>Rows written (or buffered) so far.</summary>
    public long RowsWritten { get; private set; }

    public async Task AddAsync(object entity, CancellationToken ct)
    {
        if (entity is IVersioned v) SamlaDbContext.StampNew(v, db.Clock.GetUtcNow().UtcDateTime);
        var table = TableFor(entity.GetType());
        RowsWritten++;
        if (_copy)
        {
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++) row[i] = ProviderValue(table.Columns[i], entity);
            table.Rows.Add(row);
            if (++_buffered >= MaxBufferedRows) await FlushAsync(ct);
            return;
        }
        var command = table.Command!;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (command.Transaction != transaction) command.Transaction = transaction;
        for (var i = 0; i < table.Columns.Count; i++) command.Parameters[i].Value = ProviderValue(table.Columns[i], entity) ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What RelationalTypeMapping.CreateParameter does with a value, on a parameter (or COPY row) made once per table.</summary>
    private static object? ProviderValue((IProperty Property, RelationalTypeMapping Mapping) column, object entity)
    {
        var value = column.Property.PropertyInfo!.GetValue(entity);
        if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
        return value;
    }

    /// <summary>Sends buffered rows (PostgreSQL), parents before children; nothing to do on SQLite.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (!_copy || _buffered == 0) return;
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var table in _tables.Values.Where(t => t.Rows.Count > 0).OrderBy(DepthOf))
        {
            var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Property.GetColumnName())));
            // A COPY is no EF command: the watch is told itself, so a silent server breaks it within seconds like a command.
            using (_work?.Started(connection))
            await using (var import = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in table.Rows)
                {
                    await import.StartRowAsync(ct);
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is not { } value) await import.WriteNullAsync(ct);
                        else if (table.Columns[i].Mapping.StoreTypeNameBase is "jsonb" or "json") await import.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Jsonb, ct);
                        else await import.WriteAsync(value, ct);
                    }
                }
                await import.CompleteAsync(ct);
            }
            table.Rows.Clear();
        }
        _buffered = 0;
    }

    /// <summary>A table's place in foreign-key order: 0 without parents, else one more than its deepest parent.</summary>
    private int DepthOf(Table table)
    {
        if (table.Depth >= 0) return table.Depth;
        table.Depth = 0; // guards against cycles (self references)
        var depth = 0;
        foreach (var fk in table.EntityType.GetForeignKeys())
        {
            if (fk.PrincipalEntityType == table.EntityType) continue;
            var principal = _tables.GetValueOrDefault(fk.PrincipalEntityType.ClrType);
            depth = Math.Max(depth, 1 + (principal is null ? DepthOfModel(fk.PrincipalEntityType, 0) : DepthOf(principal)));
        }
        return table.Depth = depth;
    }

    private static int DepthOfModel(IEntityType type, int guard) => guard > 16 ? 0 :
        type.GetForeignKeys().Where(fk => fk.PrincipalEntityType != type).Select(fk => 1 + DepthOfModel(fk.PrincipalEntityType, guard + 1)).DefaultIfEmpty(0).Max();

    private static string Quote(string name) => "\"" + name + "\"";

    private Table TableFor(Type type)
    {
        if (_tables.TryGetValue(type, out var table)) return table;
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var storeObject = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
            .Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var name = (entityType.GetSchema() is { } schema ? Quote(schema) + "." : "") + Quote(entityType.GetTableName()!);
        table = new Table(entityType, name, columns);
        if (!_copy)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => Quote(c.p.GetColumnName(storeObject)!)))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(columns[i].Item2.CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), null, columns[i].p.IsNullable));
            }
            table.Command = command;
        }
        _tables[type] = table;
        return table;
    }

    public void Dispose()
    {
        foreach (var t in _tables.Values) t.Command?.Dispose();
        _tables.Clear();
    }

    /// <summary>An organisation with its contacts (and their phones) and phones.</summary>
    public async Task AddOrganizationAsync(Organization org, CancellationToken ct)
    {
        await AddAsync(org, ct);
        foreach (var c in org.Contacts) await AddContactAsync(c, ct);
        foreach (var p in org.Phones) await AddAsync(p, ct);
    }

    /// <summary>A location with its addresses.</summary>
    public async Task AddLocationAsync(Location location, CancellationToken ct)
    {
        await AddAsync(location, ct);
        foreach (var a in location.Addresses) await AddAsync(a, ct);
    }

    /// <summary>A service with everything it owns.</summary>
    public async Task AddServiceAsync(Service s, CancellationToken ct)
    {
        await AddAsync(s, ct);
        // The change feed, as SaveChanges would write it: search indexes pick the new service up once this commits.
        await AddAsync(ServiceChange.Of(ServiceChangeScope.Service, s.Id, db.Clock.GetUtcNow().UtcDateTime), ct);
        ServiceChangeFeed.Written(db);
        foreach (var x in s.ServiceAreas) await AddAsync(x, ct);
        foreach (var x in s.Languages) await AddAsync(x, ct);
        foreach (var x in s.Attributes) await AddAsync(x, ct);
        foreach (var x in s.ServiceAtLocations) await AddAsync(x, ct);
        foreach (var x in s.Contacts) await AddContactAsync(x, ct);
        foreach (var x in s.Phones) await AddAsync(x, ct);
        foreach (var x in s.Schedules) await AddAsync(x, ct);
    }

    private async Task AddContactAsync(Contact c, CancellationToken ct)
    {
        await AddAsync(c, ct);
        foreach (var p in c.Phones) await AddAsync(p, ct);
    }
}

/// <summary>
/// Hears of database work that EF's interceptors do not see (they see commands, commits and connections): a PostgreSQL COPY
/// (<see cref="BulkWriter"/>). A context interceptor that implements it (the database watch) counts the work as under way
/// from <see cref="Started"/> until the result is disposed, and may refuse it at once (it throws) while the database is
/// known not to answer.
/// </summary>
public interface IRawDatabaseWork
{
    IDisposable Started(DbConnection connection);
}
