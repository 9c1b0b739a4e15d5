using System.Globalization;
using Microsoft.Extensions.Localization;
using Sylvan.Data.Csv;

namespace Samla.Web.Features.Improvement;

/// <summary>A parsed data point before it is stored.</summary>
public sealed record ParsedPoint(DateOnly Date, double Value, string? Note);

/// <summary>The points, or the errors by line (then nothing is stored: all or nothing).</summary>
public sealed record ParseResult(IReadOnlyList<ParsedPoint> Points, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0 && Points.Count > 0;
}

/// <summary>
/// Reads data points pasted from a spreadsheet (one point a line: date, value, optional note, separated by tab or
/// semicolon) or from a CSV file with a header row (datum/date, värde/value, anteckning/note; delimiter detected).
/// Values accept a decimal comma or point. Every error names its line; any error rejects the whole batch.
/// </summary>
public static class PointParser
{
    public const int MaxNoteLength = 500;

    public static ParseResult ParsePasted(string? text, IStringLocalizer t)
    {
        var points = new List<ParsedPoint>();
        var errors = new List<string>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ';');
            if (parts.Length < 2)
            {
                errors.Add(t["Parse_Columns", i + 1]);
                continue;
            }
            // A header line from a spreadsheet is skipped when it is the first line and its date does not parse.
            if (points.Count == 0 && errors.Count == 0 && i == FirstNonEmpty(lines) && !TryDate(parts[0], out _) && !TryValue(parts[1], out _)) continue;
            Add(i + 1, parts[0], parts[1], parts.Length > 2 ? string.Join(" ", parts.Skip(2)) : null, points, errors, t);
        }
        if (points.Count == 0 && errors.Count == 0) errors.Add(t["Parse_Empty"]);
        return new ParseResult(errors.Count == 0 ? points : [], errors);
    }

    public static ParseResult ParseCsv(TextReader reader, IStringLocalizer t)
    {
        var points = new List<ParsedPoint>();
        var errors = new List<string>();
        try
        {
            using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
            var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
            var date = Array.FindIndex(names, n => n is "datum" or "date");
            var value = Array.FindIndex(names, n => n is "värde" or "varde" or "value");
            var note = Array.FindIndex(names, n => n is "anteckning" or "note" or "kommentar");
            if (date < 0 || value < 0) return new ParseResult([], [t["Parse_Header"]]);
            var line = 1;
            while (csv.Read())
            {
                line++;
                string Cell(int i) => i >= 0 && i < csv.RowFieldCount ? csv.GetString(i) : "";
                if (Enumerable.Range(0, csv.RowFieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i)))) continue;
                Add(line, Cell(date), Cell(value), note >= 0 ? Cell(note) : null, points, errors, t);
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(t["Parse_Csv"]);
        }
        if (points.Count == 0 && errors.Count == 0) errors.Add(t["Parse_Empty"]);
        return new ParseResult(errors.Count == 0 ? points : [], errors);
    }

    private static int FirstNonEmpty(string[] lines) => Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));

    private static void Add(int line, string dateText, string valueText, string? note, List<ParsedPoint> points, List<string> errors, IStringLocalizer t)
    {
        var ok = true;
        if (!TryDate(dateText, out var date))
        {
            errors.Add(t["Parse_Date", line, dateText.Trim()]);
            ok = false;
        }
        if (!TryValue(valueText, out var value))
        {
            errors.Add(t["Parse_Value", line, valueText.Trim()]);
            ok = false;
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(t["Parse_Note", line, MaxNoteLength]);
            ok = false;
        }
        if (ok) points.Add(new ParsedPoint(date, value, note));
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A number with a decimal comma (Swedish) or point; no thousands separators.</summary>
    public static bool TryValue(string text, out double value)
    {
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
