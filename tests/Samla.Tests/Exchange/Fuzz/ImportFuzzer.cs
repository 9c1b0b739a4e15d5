using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Samla.Tests.Exchange.Fuzz;

/// <summary>One mutated import file: which seed, which mutation, the bytes, and the extension it is saved with.</summary>
public sealed record FuzzCase(int Number, string Seed, string Mutation, byte[] Bytes, string Extension);

/// <summary>
/// Mutates the seed files of the kept corpus (Fuzz/corpus: HSDS JSON, NDJSON, a data package zip, the template as CSV and
/// XLSX) into hostile files: byte flips, truncation, removed and duplicated fields, wrong types, huge numbers and strings,
/// deep nesting, bad UTF-8, spreadsheet formulas, broken and bomb zips. Deterministic for a seed.
/// </summary>
public static class ImportFuzzer
{
    /// <summary>The corpus copied beside the tests (tests/Samla.Tests/Exchange/Fuzz/corpus), or SAMLA_FUZZ_CORPUS.</summary>
    public static string CorpusFolder => Environment.GetEnvironmentVariable("SAMLA_FUZZ_CORPUS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "Exchange", "Fuzz", "corpus");

    public static IReadOnlyList<(string Name, byte[] Bytes)> LoadCorpus() =>
        Directory.GetFiles(CorpusFolder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

    public static IEnumerable<FuzzCase> Generate(int seed, int count)
    {
        var rng = new Random(seed);
        var corpus = LoadCorpus();
        if (corpus.Count == 0) throw new InvalidOperationException($"No seed files in {CorpusFolder}.");
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = corpus[i % corpus.Count];
            var extension = Path.GetExtension(name);
            var (mutation, mutated) = extension switch
            {
                ".json" or ".ndjson" => rng.Next(3) == 0 ? Bytes(rng, bytes) : Json(rng, bytes, extension == ".ndjson"),
                ".csv" => rng.Next(3) == 0 ? Bytes(rng, bytes) : Csv(rng, bytes),
                _ => Zip(rng, bytes),
            };
            yield return new FuzzCase(i, name, mutation, mutated, extension);
        }
    }

    // ---- raw bytes --------------------------------------------------------------------------------------------------

    private static (string, byte[]) Bytes(Random rng, byte[] input)
    {
        var b = input.ToList();
        switch (rng.Next(6))
        {
            case 0:
                for (var n = rng.Next(1, 9); n > 0 && b.Count > 0; n--) b[rng.Next(b.Count)] ^= (byte)(1 << rng.Next(8));
                return ("byte-flip", [.. b]);
            case 1:
                return ("truncate", input[..rng.Next(input.Length)]);
            case 2:
                b.InsertRange(rng.Next(b.Count + 1), Pick<byte[]>(rng, [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]]));
                return ("bad-utf8", [.. b]);
            case 3:
            {
                var start = rng.Next(b.Count);
                var slice = b.GetRange(start, Math.Min(rng.Next(1, 200), b.Count - start));
                b.InsertRange(rng.Next(b.Count + 1), slice);
                return ("duplicate-chunk", [.. b]);
            }
            case 4:
            {
                var start = rng.Next(b.Count);
                b.RemoveRange(start, Math.Min(rng.Next(1, 200), b.Count - start));
                return ("delete-chunk", [.. b]);
            }
            default:
                b.InsertRange(rng.Next(b.Count + 1), new byte[] { 0, 0, 0, 0x1B, 0x7F });
                return ("control-bytes", [.. b]);
        }
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    // ---- JSON and NDJSON --------------------------------------------------------------------------------------------

    private static readonly string[] Formulas =
    [
        "=HYPERLINK(\"http://evil.example\",\"klicka\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1", "\t=1+1",
    ];

    private static JsonNode? Hostile(Random rng) => rng.Next(12) switch
    {
        0 => JsonValue.Create(1e308),
        1 => JsonNode.Parse("1e400"),
        2 => JsonNode.Parse("-99999999999999999999999999999999"),
        3 => JsonValue.Create(2147483648L),
        4 => new string('å', rng.Next(5_000, 120_000)),
        5 => JsonValue.Create(Pick(rng, Formulas)),
        6 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        7 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = JsonValue.Create(true) } },
        8 => null,
        9 => JsonValue.Create(true),
        10 => JsonValue.Create("\u0000\u202E\uFEFF<script>alert(1)</script>"),
        _ => JsonValue.Create("not-a-guid"),
    };

    private static (string, byte[]) Json(Random rng, byte[] input, bool ndjson)
    {
        var lines = ndjson
            ? Encoding.UTF8.GetString(input).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()
            : [Encoding.UTF8.GetString(input)];
        var index = rng.Next(lines.Count);
        var node = JsonNode.Parse(lines[index])!;
        string mutation;
        switch (rng.Next(7))
        {
            case 0:
            {
                var (parent, key) = RandomMember(rng, node);
                if (parent is null) goto default;
                parent.Remove(key);
                mutation = "remove-field:" + key;
                break;
            }
            case 1:
            {
                var (parent, key) = RandomMember(rng, node);
                if (parent is null) goto default;
                parent[key] = Hostile(rng);
                mutation = "wrong-type:" + key;
                break;
            }
            case 2:
            {
                // Duplicated member: System.Text.Json nodes cannot hold one, so it is written as text.
                var text = node.ToJsonString();
                var at = text.IndexOf('{', StringComparison.Ordinal);
                var dup = text.Insert(at + 1, "\"name\":\"dubblett\",\"id\":\"" + Guid.NewGuid() + "\",");
                lines[index] = dup;
                return ("duplicate-field", Join(lines, ndjson));
            }
            case 3:
            {
                var depth = Pick<int>(rng, [40, 200, 5_000, 100_000]);
                var (parent, _) = RandomMember(rng, node);
                var deep = new StringBuilder().Insert(0, "[", depth).Append('1').Insert(depth + 1, "]", depth).ToString();
                var text = node.ToJsonString();
                lines[index] = parent is null ? deep : text.Insert(text.IndexOf('{', StringComparison.Ordinal) + 1, $"\"x_deep\":{deep},");
                return ("deep-nesting:" + depth, Join(lines, ndjson));
            }
            case 4:
            {
                var (parent, key) = RandomMember(rng, node);
                if (parent is null) goto default;
                parent[key] = JsonValue.Create(Pick(rng, Formulas));
                mutation = "formula:" + key;
                break;
            }
            case 5:
            {
                // Many copies of a record (the same id: a duplicate; or a wrapping array of arrays).
                var copies = rng.Next(2, 40);
                if (ndjson) lines.AddRange(Enumerable.Repeat(lines[index], copies));
                else lines[index] = "[" + string.Join(",", Enumerable.Repeat(node is JsonArray a && a.Count > 0 ? a[0]!.ToJsonString() : "{}", copies)) + "]";
                return ("repeat:" + copies, Join(lines, ndjson));
            }
            default:
                node = Hostile(rng) ?? JsonValue.Create(0)!;
                mutation = "replace-record";
                break;
        }
        lines[index] = node.ToJsonString();
        return (mutation, Join(lines, ndjson));
    }

    private static byte[] Join(List<string> lines, bool ndjson) => Encoding.UTF8.GetBytes(ndjson ? string.Join('\n', lines) + "\n" : lines[0]);

    /// <summary>A random member somewhere in the tree (objects inside arrays included).</summary>
    private static (JsonObject? Parent, string Key) RandomMember(Random rng, JsonNode node)
    {
        var members = new List<(JsonObject, string)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o.ToList())
                    {
                        members.Add((o, k));
                        Walk(v);
                    }
                    break;
                case JsonArray a:
                    foreach (var v in a) Walk(v);
                    break;
            }
        }
        Walk(node);
        return members.Count == 0 ? (null, "") : members[rng.Next(members.Count)];
    }

    // ---- CSV (template and data package tables) -------------------------------------------------------------------

    private static (string, byte[]) Csv(Random rng, byte[] input)
    {
        var text = Encoding.UTF8.GetString(input).TrimStart('\uFEFF');
        var lines = text.Split('\n').Where(l => l.Length > 0).Select(l => l.TrimEnd('\r')).ToList();
        var delimiter = lines[0].Count(c => c == ';') > lines[0].Count(c => c == ',') ? ';' : ',';
        var header = lines[0].Split(delimiter).ToList();
        var row = rng.Next(1, Math.Max(2, lines.Count));
        if (row >= lines.Count) lines.Add(lines[^1]);
        var cells = lines[row].Split(delimiter).ToList();
        var column = rng.Next(Math.Min(cells.Count, header.Count));
        string mutation;
        switch (rng.Next(8))
        {
            case 0:
                cells[column] = Pick(rng, Formulas).Replace("\"", "\"\"", StringComparison.Ordinal);
                cells[column] = "\"" + cells[column] + "\"";
                mutation = "formula:" + header[column];
                break;
            case 1:
                cells[column] = Pick<string>(rng, ["tolv", "1e400", "-99999999999999999999", "2147483648", "13:99", "2026-13-45", "not-a-guid", ";;;", "\"unterminated"]);
                mutation = "wrong-type:" + header[column];
                break;
            case 2:
                header.RemoveAt(column);
                lines[0] = string.Join(delimiter, header);
                mutation = "remove-column";
                break;
            case 3:
                header.Add(header[column]);
                lines[0] = string.Join(delimiter, header);
                mutation = "duplicate-column";
                break;
            case 4:
                cells.AddRange(Enumerable.Repeat("extra", rng.Next(1, 50)));
                mutation = "extra-cells";
                break;
            case 5:
                cells[column] = "\"" + new string('x', rng.Next(10_000, 200_000)) + "\"";
                mutation = "huge-cell";
                break;
            case 6:
                lines.AddRange(Enumerable.Repeat(lines[row], rng.Next(50, 1_500)));
                mutation = "many-rows";
                break;
            default:
                cells[column] = "\"a\nb\"\"c";
                mutation = "broken-quotes";
                break;
        }
        if (mutation is not "remove-column" and not "duplicate-column" and not "many-rows") lines[row] = string.Join(delimiter, cells);
        return (mutation, Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
    }

    // ---- zips (data package, XLSX) ---------------------------------------------------------------------------------

    private static (string, byte[]) Zip(Random rng, byte[] input)
    {
        var choice = rng.Next(7);
        if (choice == 0) return Bytes(rng, input);
        var entries = new List<(string Name, byte[] Data)>();
        using (var zip = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read))
        {
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                entries.Add((e.FullName, m.ToArray()));
            }
        }
        string mutation;
        var target = rng.Next(entries.Count);
        switch (choice)
        {
            case 1:
            {
                var (name, data) = entries[target];
                var (inner, bytes) = name.EndsWith(".csv", StringComparison.Ordinal) ? Csv(rng, data) : Bytes(rng, data);
                entries[target] = (name, bytes);
                mutation = $"inner:{name}:{inner}";
                break;
            }
            case 2:
                mutation = "remove-entry:" + entries[target].Name;
                entries.RemoveAt(target);
                break;
            case 3:
                // A zip bomb: an entry that unpacks to far more than the limit the tests set (16 MB).
                entries[target] = (entries[target].Name, new byte[Pick<int>(rng, [24, 40]) * 1024 * 1024]);
                mutation = "bomb:" + entries[target].Name;
                break;
            case 4:
                for (var i = 0; i < 150; i++) entries.Add(($"extra/{i}.txt", [(byte)'x']));
                mutation = "many-entries";
                break;
            case 5:
            {
                var (name, data) = entries[target];
                var text = Encoding.UTF8.GetString(data);
                var at = text.IndexOf("<row", StringComparison.Ordinal);
                entries[target] = (name, Encoding.UTF8.GetBytes(at >= 0
                    ? text.Insert(at, "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>&b;")
                    : text + "=cmd|' /C calc'!A0"));
                mutation = "xml-entities:" + name;
                break;
            }
            default:
                entries.Add((entries[target].Name, entries[target].Data));
                mutation = "duplicate-entry:" + entries[target].Name;
                break;
        }
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var s = entry.Open();
                s.Write(data);
            }
        }
        return (mutation, output.ToArray());
    }
}
