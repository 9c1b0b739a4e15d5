using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Samla.Web.Features.Coverage;

/// <summary>A table with a header row, written as CSV (RFC 4180, UTF-8 with BOM so that Excel reads å, ä, ö) or XLSX.</summary>
public sealed record ExportTable(string FileName, string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static bool IsKnownFormat(string? format) => format is "csv" or "xlsx";

    public async Task<IResult> ToResultAsync(string format, CancellationToken ct) => format == "xlsx"
        ? TypedResults.File(await XlsxAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName + ".xlsx")
        : TypedResults.File(Csv(), "text/csv; charset=utf-8", FileName + ".csv");

    public byte[] Csv()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Headers.Select(Quote)).Append("\r\n");
        foreach (var row in Rows)
        {
            sb.AppendJoin(',', row.Select(v => Quote(Format(v)))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public async Task<byte[]> XlsxAsync(CancellationToken ct)
    {
        var sheet = Rows.Select(row =>
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < Headers.Count; i++) d[Headers[i]] = i < row.Count ? row[i] : null;
            return d;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, printHeader: true, sheetName: SheetName, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Quote(string s)
    {
        // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            s = "'" + s;
        }
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
