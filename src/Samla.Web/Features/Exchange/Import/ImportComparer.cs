using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// Whether what the database holds for a service, organisation or location is what the import would write: every mapped
/// column of the row and of each of its child rows (matched by id), compared with the column's own EF value comparer,
/// apart from <see cref="IVersioned"/>'s stamps (Version, CreatedAt, LastModified), which the import never sets.
/// </summary>
/// <remarks>
/// This is the question the update answers too (it copies exactly these columns, <c>CopyScalars</c>), so "same" here means
/// "an update would write nothing". It is stricter than comparing the HSDS export of both sides (every column is
/// exported, but e.g. the export writes times to the minute), never looser: a service that really changed is never skipped.
/// It replaces mapping both sides to HSDS and serialising them, which was most of an unchanged re-import's CPU time.
/// </remarks>
public sealed class ImportComparer(IModel model)
{
    private readonly ConcurrentDictionary<Type, Column[]> _columns = new();

    private sealed record Column(IClrPropertyGetter Getter, ValueComparer Comparer, IProperty Property);

    public bool SameService(Service current, Service desired) =>
        SameRow(current, desired)
        && SameRows(current.ServiceAreas, desired.ServiceAreas, x => x.Id)
        && SameRows(current.Languages, desired.Languages, x => x.Id)
        && SameRows(current.Attributes, desired.Attributes, x => x.Id)
        && SameRows(current.ServiceAtLocations, desired.ServiceAtLocations, x => x.Id)
        && SameRows(current.Schedules, desired.Schedules, x => x.Id)
        && SameRows(current.Phones.Where(p => p.ContactId is null).ToList(), desired.Phones.Where(p => p.ContactId is null).ToList(), x => x.Id)
        && SameContacts(current.Contacts, desired.Contacts);

    /// <summary>The organisation's own row, contacts and phones (not those of its services, which the service compares).</summary>
    public bool SameOrganization(Organization current, Organization desired) =>
        SameRow(current, desired)
        && SameContacts(current.Contacts.Where(c => c.ServiceId is null).ToList(), desired.Contacts)
        && SameRows(current.Phones.Where(p => p.ContactId is null && p.ServiceId is null).ToList(), desired.Phones, x => x.Id);

    public bool SameLocation(Location current, Location desired) =>
        SameRow(current, desired) && SameRows(current.Addresses, desired.Addresses, x => x.Id);

    private bool SameContacts(List<Contact> current, List<Contact> desired)
    {
        if (current.Count != desired.Count) return false;
        foreach (var d in desired)
        {
            var c = current.Find(x => x.Id == d.Id);
            if (c is null || !SameRow(c, d) || !SameRows(c.Phones, d.Phones, x => x.Id)) return false;
        }
        return Distinct(desired, x => x.Id);
    }

    /// <summary>The same ids, each with the same columns (child lists are a handful of rows: a linear search is cheapest).</summary>
    private bool SameRows<T>(List<T> current, List<T> desired, Func<T, Guid> id) where T : class
    {
        if (current.Count != desired.Count) return false;
        foreach (var d in desired)
        {
            var dId = id(d);
            var c = current.Find(x => id(x) == dId);
            if (c is null || !SameRow(c, d)) return false;
        }
        // Equal counts and every desired id found: the same rows, unless the file repeats an id.
        return Distinct(desired, id);
    }

    private static bool Distinct<T>(List<T> rows, Func<T, Guid> id)
    {
        if (rows.Count > 16) return rows.Select(id).Distinct().Count() == rows.Count;
        for (var i = 1; i < rows.Count; i++)
        {
            var a = id(rows[i]);
            for (var j = 0; j < i; j++)
            {
                if (id(rows[j]) == a) return false;
            }
        }
        return true;
    }

    public bool SameRow<T>(T current, T desired) where T : class
    {
        foreach (var column in ColumnsOf(typeof(T)))
        {
            if (!column.Comparer.Equals(column.Getter.GetClrValueUsingContainingEntity(current), column.Getter.GetClrValueUsingContainingEntity(desired)))
            {
                return false;
            }
        }
        return true;
    }

    private Column[] ColumnsOf(Type type) => _columns.GetOrAdd(type, t =>
    {
        var entityType = model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not an entity type.");
        return [.. entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null
                && p.Name is not (nameof(IVersioned.Version) or nameof(IVersioned.CreatedAt) or nameof(IVersioned.LastModified)))
            .Select(p => new Column(p.GetGetter(), p.GetValueComparer(), p))];
    });

    /// <summary>
    /// A digest of everything <see cref="SameService"/> compares (the service's columns and its child rows in id order),
    /// stored with the service after the import wrote or checked it (<see cref="ImportFingerprint"/>).
    /// </summary>
    public Guid Fingerprint(Service s)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new List<byte>(2048);
        Append(buffer, "samla-import-fingerprint-1");
        AppendRow(buffer, s);
        AppendRows(buffer, s.ServiceAreas, x => x.Id);
        AppendRows(buffer, s.Languages, x => x.Id);
        AppendRows(buffer, s.Attributes, x => x.Id);
        AppendRows(buffer, s.ServiceAtLocations, x => x.Id);
        AppendRows(buffer, s.Schedules, x => x.Id);
        AppendRows(buffer, s.Phones.Where(p => p.ContactId is null).ToList(), x => x.Id);
        Append(buffer, s.Contacts.Count);
        foreach (var c in s.Contacts.OrderBy(c => c.Id))
        {
            AppendRow(buffer, c);
            AppendRows(buffer, c.Phones, x => x.Id);
        }
        hash.AppendData(CollectionsMarshal.AsSpan(buffer));
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return new Guid(digest[..16]);
    }

    private void AppendRows<T>(List<byte> buffer, List<T> rows, Func<T, Guid> id) where T : class
    {
        Append(buffer, rows.Count);
        foreach (var row in rows.OrderBy(id)) AppendRow(buffer, row);
    }

    private void AppendRow<T>(List<byte> buffer, T row) where T : class
    {
        foreach (var column in ColumnsOf(typeof(T)))
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(row);
            switch (value)
            {
                case null: buffer.Add(0); break;
                case string text: buffer.Add(1); Append(buffer, text); break;
                case Guid g: buffer.Add(2); Append(buffer, g); break;
                case bool flag: buffer.Add(flag ? (byte)3 : (byte)4); break;
                case int n: buffer.Add(5); Append(buffer, n); break;
                case double d: buffer.Add(6); Append(buffer, BitConverter.DoubleToInt64Bits(d)); break;
                case DateOnly date: buffer.Add(7); Append(buffer, date.DayNumber); break;
                case TimeOnly time: buffer.Add(8); Append(buffer, time.Ticks); break;
                case Enum e: buffer.Add(9); Append(buffer, e.ToString()); break;
                default:
                    // Anything else (translations) as the database stores it: its converter's text.
                    buffer.Add(10);
                    Append(buffer, Convert.ToString(column.Property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value, CultureInfo.InvariantCulture) ?? "");
                    break;
            }
        }
    }

    private static void Append(List<byte> buffer, string text)
    {
        Append(buffer, text.Length);
        buffer.AddRange(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static void Append(List<byte> buffer, Guid g)
    {
        Span<byte> b = stackalloc byte[16];
        g.TryWriteBytes(b);
        buffer.AddRange(b);
    }

    private static void Append(List<byte> buffer, int n)
    {
        Span<byte> b = stackalloc byte[4];
        BitConverter.TryWriteBytes(b, n);
        buffer.AddRange(b);
    }

    private static void Append(List<byte> buffer, long n)
    {
        Span<byte> b = stackalloc byte[8];
        BitConverter.TryWriteBytes(b, n);
        buffer.AddRange(b);
    }
}
