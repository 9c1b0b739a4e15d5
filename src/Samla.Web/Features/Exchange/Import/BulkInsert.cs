using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// Inserts new rows with one prepared INSERT per table on the context's connection and transaction. EF's
/// change tracker costs several times more CPU per row, and a large import is millions of rows. Columns and
/// parameter conversion come from the EF model and its type mappings, so the stored values are exactly what
/// EF itself would write on either provider (e.g. UUIDs as upper-case text on SQLite).
/// </summary>
public sealed class BulkInsert(SamlaDbContext db) : IDisposable
{
    private sealed record Table(DbCommand Command, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> Columns);

    private readonly Dictionary<Type, Table> _tables = [];

    public async Task AddAsync(object entity, CancellationToken ct)
    {
        if (entity is IVersioned v) SamlaDbContext.StampNew(v, db.Clock.GetUtcNow().UtcDateTime);
        var table = TableFor(entity.GetType());
        for (var i = 0; i < table.Columns.Count; i++)
        {
            // What RelationalTypeMapping.CreateParameter does, on a parameter made once per table.
            var (property, mapping) = table.Columns[i];
            var value = property.PropertyInfo!.GetValue(entity);
            if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            table.Command.Parameters[i].Value = value ?? DBNull.Value;
        }
        await table.Command.ExecuteNonQueryAsync(ct);
    }

    private Table TableFor(Type type)
    {
        if (_tables.TryGetValue(type, out var table)) return table;
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null && !(p.IsPrimaryKey() && p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
            .Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var storeObject = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.p.GetColumnName(storeObject)}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(columns[i].Item2.CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, columns[i].p.IsNullable));
        }
        table = new Table(command, columns);
        _tables[type] = table;
        return table;
    }

    public void Dispose()
    {
        foreach (var t in _tables.Values) t.Command.Dispose();
        _tables.Clear();
    }

    public async Task AddOrganizationAsync(Organization org, CancellationToken ct)
    {
        await AddAsync(org, ct);
        foreach (var c in org.Contacts) await AddContactAsync(c, ct);
        foreach (var p in org.Phones) await AddAsync(p, ct);
    }

    public async Task AddLocationAsync(Location location, CancellationToken ct)
    {
        await AddAsync(location, ct);
        foreach (var a in location.Addresses) await AddAsync(a, ct);
    }

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
