using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>Recognises an import file by its content and reads it as a stream of services.</summary>
public static class ImportReaders
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportFormat? Detect(string path, List<ImportProblem> problems)
    {
        if (System.IO.Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, TabularPackage.DescriptorName))) return ImportFormat.TabularPackage;
            problems.Add(new ImportProblem(null, 0, false, null, "Problem_NoDataPackage"));
            return null;
        }
        if (!File.Exists(path))
        {
            problems.Add(new ImportProblem(null, 0, false, null, "Problem_NoFile", path));
            return null;
        }
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var f = File.OpenRead(path)) read = f.Read(head);
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Any(e => e.Name == TabularPackage.DescriptorName)) return ImportFormat.TabularPackage;
            if (zip.GetEntry("xl/workbook.xml") is not null) return ImportFormat.Template;
            problems.Add(new ImportProblem(null, 0, false, null, "Problem_UnknownZip"));
            return null;
        }
        if (FirstInvalidUtf8Line(path) is { } badLine)
        {
            problems.Add(new ImportProblem(null, badLine, false, null, "Problem_NotUtf8"));
            return null;
        }
        using var reader = new StreamReader(path, StrictUtf8);
        int c;
        while ((c = reader.Read()) >= 0 && (char.IsWhiteSpace((char)c) || c == '\uFEFF')) { }
        return c switch
        {
            '[' => ImportFormat.HsdsJson,
            '{' => ImportFormat.Ndjson,
            < 0 => Empty(problems),
            _ => ImportFormat.Template,
        };
    }

    private static ImportFormat? Empty(List<ImportProblem> problems)
    {
        problems.Add(new ImportProblem(null, 0, false, null, "Problem_EmptyFile"));
        return null;
    }

    /// <summary>The line of the first byte sequence that is not UTF-8, read in blocks so that a large file costs little memory.</summary>
    public static int? FirstInvalidUtf8Line(string path)
    {
        using var stream = File.OpenRead(path);
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        var line = 1;
        int n;
        while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            try
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }
            catch (DecoderFallbackException ex)
            {
                var upTo = Math.Clamp(ex.Index, 0, n);
                return line + bytes.AsSpan(0, upTo).Count((byte)'\n');
            }
            line += bytes.AsSpan(0, n).Count((byte)'\n');
        }
        return null;
    }

    public static IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportFormat format, ImportLookups lookups, CancellationToken ct) => format switch
    {
        ImportFormat.HsdsJson => ReadJsonArrayAsync(path, ct),
        ImportFormat.Ndjson => ReadNdjsonAsync(path, ct),
        ImportFormat.TabularPackage => TabularPackage.ReadAsync(path, lookups, ct),
        _ => ServiceTemplate.ReadAsync(path, lookups, ct),
    };

    private static async IAsyncEnumerable<ImportRecord> ReadJsonArrayAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, HsdsJson.Options, ct).GetAsyncEnumerator(ct);
        var number = 0;
        while (true)
        {
            ImportRecord? broken = null;
            try
            {
                if (!await items.MoveNextAsync()) break;
            }
            catch (JsonException ex)
            {
                broken = new ImportRecord((int)(ex.LineNumber ?? 0) + 1, false, null,
                    [new ImportProblem(null, (int)(ex.LineNumber ?? 0) + 1, false, null, "Problem_BrokenJson", number + 1)]);
            }
            if (broken is not null)
            {
                yield return broken;
                break;
            }
            number++;
            yield return Parse(items.Current, number, isRecordNumber: true);
        }
        await items.DisposeAsync();
    }

    private static async IAsyncEnumerable<ImportRecord> ReadNdjsonAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, StrictUtf8);
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            HsdsService? dto = null;
            ImportProblem? problem = null;
            try
            {
                dto = JsonSerializer.Deserialize<HsdsService>(text, HsdsJson.Options);
                if (dto is null) problem = new ImportProblem(null, line, false, null, "Problem_NotAnObject");
            }
            catch (JsonException ex)
            {
                problem = IsWellFormed(text)
                    ? new ImportProblem(null, line, false, ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : null, "Problem_WrongType")
                    : new ImportProblem(null, line, false, null, "Problem_BrokenJsonLine");
            }
            yield return problem is null ? new ImportRecord(line, false, dto, []) : new ImportRecord(line, false, null, [problem]);
        }
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ImportRecord Parse(JsonElement element, int number, bool isRecordNumber)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ImportRecord(number, isRecordNumber, null, [new ImportProblem(null, number, isRecordNumber, null, "Problem_NotAnObject")]);
        }
        try
        {
            return new ImportRecord(number, isRecordNumber, element.Deserialize<HsdsService>(HsdsJson.Options)!, []);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : null;
            return new ImportRecord(number, isRecordNumber, null, [new ImportProblem(null, number, isRecordNumber, field, "Problem_WrongType")]);
        }
    }
}
