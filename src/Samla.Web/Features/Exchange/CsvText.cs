using System.Text;
using Sylvan.Data.Csv;

namespace Samla.Web.Features.Exchange;

/// <summary>Reads CSV with Sylvan.Data.Csv and writes RFC 4180 CSV (fields quoted only when they need it).</summary>
public static class CsvText
{
    /// <summary>Rows as column → text, each with its row number (the header is row 1).</summary>
    public static IEnumerable<(int Row, Dictionary<string, string> Cells)> Read(TextReader text, char? delimiter = null)
    {
        var options = new CsvDataReaderOptions { HasHeaders = true };
        if (delimiter is { } d) options.Delimiter = d;
        using var csv = CsvDataReader.Create(text, options);
        var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().TrimStart('\uFEFF')).ToArray();
        var row = 1;
        while (csv.Read())
        {
            row++;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length && i < csv.RowFieldCount; i++) cells[names[i]] = csv.GetString(i);
            yield return (row, cells);
        }
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else writer.Write(f);
        }
        writer.Write("\r\n");
    }

    public static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
}
