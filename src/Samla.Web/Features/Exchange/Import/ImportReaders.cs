using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>Recognises an import file by its content and reads it as a stream of services.</summary>
public static class ImportReaders
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportFormat? Detect(string path, List<ImportProblem> problems, ImportOptions? limits = null)
    {
        limits ??= new ImportOptions();
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
        if (new FileInfo(path).Length > limits.MaxFileBytes)
        {
            problems.Add(new ImportProblem(null, 0, false, null, "Problem_FileTooLarge", limits.MaxFileMegabytes));
            return null;
        }
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var f = File.OpenRead(path)) read = f.Read(head);
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return DetectZip(path, problems, limits);
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

    /// <summary>A data package or an XLSX file, within the limits on entries and unpacked size (zip bombs), or a problem.</summary>
    private static ImportFormat? DetectZip(string path, List<ImportProblem> problems, ImportOptions limits)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                problems.Add(new ImportProblem(null, 0, false, null, "Problem_ZipTooManyEntries", limits.MaxZipEntries));
                return null;
            }
            if (zip.Entries.Sum(e => e.Length) > limits.MaxUnpackedBytes)
            {
                problems.Add(new ImportProblem(null, 0, false, null, "Problem_ZipTooLarge", limits.MaxUnpackedMegabytes));
                return null;
            }
            if (zip.Entries.Any(e => e.Name == TabularPackage.DescriptorName)) return ImportFormat.TabularPackage;
            if (zip.GetEntry("xl/workbook.xml") is not null) return ImportFormat.Template;
            problems.Add(new ImportProblem(null, 0, false, null, "Problem_UnknownZip"));
            return null;
        }
        catch (InvalidDataException)
        {
            problems.Add(new ImportProblem(null, 0, false, null, "Problem_BrokenZip"));
            return null;
        }
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

    public static IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportFormat format, ImportLookups lookups, CancellationToken ct,
        ImportOptions? limits = null)
    {
        limits ??= new ImportOptions();
        var json = new JsonSerializerOptions(HsdsJson.Options) { MaxDepth = limits.MaxJsonDepth };
        return Safely(format switch
        {
            ImportFormat.HsdsJson => ReadJsonArrayAsync(path, json, ct),
            ImportFormat.Ndjson => ReadNdjsonAsync(path, json, ct),
            ImportFormat.TabularPackage => TabularPackage.ReadAsync(path, lookups, ct, limits.MaxUnpackedBytes),
            _ => ServiceTemplate.ReadAsync(path, lookups, ct),
        }, limits, ct);
    }

    /// <summary>
    /// The last line of defence of every reader: a file the reader's library cannot make sense of (a broken zip or workbook,
    /// a zip bomb, JSON nested too deep) ends the reading with a problem that says so, never with an exception.
    /// The problem's second argument is the exception's type, so that tests can tell a library's refusal from a bug.
    /// </summary>
    private static async IAsyncEnumerable<ImportRecord> Safely(IAsyncEnumerable<ImportRecord> source, ImportOptions limits,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var records = source.GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                ImportRecord? failure = null;
                try
                {
                    if (!await records.MoveNextAsync()) break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && !DatabaseUnavailable.Is(ex))
                {
                    failure = new ImportRecord(0, false, null, [Unreadable(ex, limits)]);
                }
                if (failure is not null)
                {
                    yield return failure;
                    break;
                }
                yield return records.Current;
            }
        }
        finally
        {
            await records.DisposeAsync();
        }
    }

    private static ImportProblem Unreadable(Exception ex, ImportOptions limits) => ex switch
    {
        ZipLimitException => new ImportProblem(null, 0, false, null, "Problem_ZipTooLarge", limits.MaxUnpackedMegabytes),
        JsonException j when IsTooDeep(j) => new ImportProblem(null, 0, false, null, "Problem_TooDeep", limits.MaxJsonDepth),
        InvalidDataException => new ImportProblem(null, 0, false, null, "Problem_BrokenZip", ex.GetType().Name),
        _ => new ImportProblem(null, 0, false, null, "Problem_Unreadable", ex.Message, ex.GetType().Name),
    };

    private static bool IsTooDeep(JsonException ex) => ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
        || ex.InnerException?.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) == true;

    private static async IAsyncEnumerable<ImportRecord> ReadJsonArrayAsync(string path, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, json, ct).GetAsyncEnumerator(ct);
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
                var line = (int)(ex.LineNumber ?? 0) + 1;
                broken = new ImportRecord(line, false, null,
                    [IsTooDeep(ex) ? new ImportProblem(null, line, false, null, "Problem_TooDeep", json.MaxDepth)
                        : new ImportProblem(null, line, false, null, "Problem_BrokenJson", number + 1)]);
            }
            if (broken is not null)
            {
                yield return broken;
                break;
            }
            number++;
            yield return Parse(items.Current, number, isRecordNumber: true, json);
        }
        await items.DisposeAsync();
    }

    /// <summary>
    /// One service per line, parsed straight from the file's UTF-8 bytes (the file was checked to be UTF-8 by
    /// <see cref="Detect"/>): no line is decoded to a string and encoded back for the parser, which halved the reading
    /// of a large file and the garbage it left.
    /// </summary>
    private static async IAsyncEnumerable<ImportRecord> ReadNdjsonAsync(string path, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        var buffer = new byte[1 << 20];
        int start = 0, end = 0, line = 0;
        var eof = false;
        var first = true;
        while (true)
        {
            // A line ends at \n, \r\n or \r, as StreamReader.ReadLine sees it (a \r at the end of the buffer waits for the next byte).
            var newline = buffer.AsSpan(start, end - start).IndexOfAny((byte)'\n', (byte)'\r');
            if ((newline < 0 || (buffer[start + newline] == '\r' && start + newline + 1 == end)) && !eof)
            {
                // Move the partial line to the front (grow the buffer for a line longer than it) and read on.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var n = await stream.ReadAsync(buffer.AsMemory(end), ct);
                if (n == 0) eof = true;
                end += n;
                if (first && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) start = 3;
                if (end > 0) first = false;
                continue;
            }
            if (newline < 0 && start == end) break;
            var length = newline < 0 ? end - start : newline;
            var next = newline < 0 ? end : start + newline + 1;
            if (newline >= 0 && buffer[start + newline] == '\r' && next < end && buffer[next] == '\n') next++;
            line++;
            var record = ParseLine(buffer.AsSpan(start, length), line, json);
            start = next;
            if (record is not null) yield return record;
        }
    }

    private static ImportRecord? ParseLine(ReadOnlySpan<byte> text, int line, JsonSerializerOptions json)
    {
        if (text.Trim(" \t\f\v"u8).IsEmpty || (text.Length < 64 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(text)))) return null;
        HsdsService? dto = null;
        ImportProblem? problem = null;
        try
        {
            dto = JsonSerializer.Deserialize<HsdsService>(text, json);
            if (dto is null) problem = new ImportProblem(null, line, false, null, "Problem_NotAnObject");
        }
        catch (JsonException ex) when (IsTooDeep(ex))
        {
            problem = new ImportProblem(null, line, false, null, "Problem_TooDeep", json.MaxDepth);
        }
        catch (JsonException ex)
        {
            problem = IsWellFormed(Encoding.UTF8.GetString(text))
                ? new ImportProblem(null, line, false, ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : null, "Problem_WrongType")
                : new ImportProblem(null, line, false, null, "Problem_BrokenJsonLine");
        }
        return problem is null ? new ImportRecord(line, false, dto, []) : new ImportRecord(line, false, null, [problem]);
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

    private static ImportRecord Parse(JsonElement element, int number, bool isRecordNumber, JsonSerializerOptions json)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ImportRecord(number, isRecordNumber, null, [new ImportProblem(null, number, isRecordNumber, null, "Problem_NotAnObject")]);
        }
        try
        {
            return new ImportRecord(number, isRecordNumber, element.Deserialize<HsdsService>(json)!, []);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : null;
            return new ImportRecord(number, isRecordNumber, null, [new ImportProblem(null, number, isRecordNumber, field, "Problem_WrongType")]);
        }
    }
}
