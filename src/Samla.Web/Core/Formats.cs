using System.Globalization;

namespace Samla.Web.Core;

/// <summary>
/// One way to write dates, times and numbers in every UI language, from the request's culture
/// (<see cref="UiLanguages.Culture"/>: Swedish "17 okt. 2026", British English "17 Oct 2026", Dari with the Gregorian
/// calendar …). Tables and lists use <c>Date</c> ("17 okt. 2026"), running text <c>LongDate</c>
/// ("17 oktober 2026"), a moment <c>DateTime</c> ("17 okt. 2026 14:05"). Machine values (form fields,
/// file names, CSV, mail keys) stay ISO with the invariant culture.
/// </summary>
public static class Formats
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>
    /// "17 okt. 2026": dates in tables, lists and short notes. The parts are held together by no-break spaces, so a
    /// narrow table cell never stacks a date over three lines ("30" / "nov." / "2026").
    /// </summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture).Replace(' ', '\u00a0');

    /// <inheritdoc cref="Date(DateOnly)"/>
    public static string Date(System.DateTime utc) => Date(DateOnly.FromDateTime(Local(utc)));

    /// <summary>"17 oktober 2026": dates in running text.</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <inheritdoc cref="LongDate(DateOnly)"/>
    public static string LongDate(System.DateTime utc) => LongDate(DateOnly.FromDateTime(Local(utc)));

    /// <summary>"17 okt. 2026 14:05" (the language's own time pattern: 24 h in Swedish, British English, Ukrainian).</summary>
    public static string DateTime(System.DateTime utc)
    {
        var local = Local(utc);
        return Date(DateOnly.FromDateTime(local)) + " " + Time(TimeOnly.FromDateTime(local));
    }

    /// <inheritdoc cref="DateTime(System.DateTime)"/>
    public static string DateTime(DateTimeOffset moment) => DateTime(moment.LocalDateTime);

    /// <summary>"14:05".</summary>
    public static string Time(TimeOnly time) => time.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture);

    /// <summary>"1 000" (Swedish, with a no-break space), "1,000" (English): whole numbers with the language's grouping.</summary>
    public static string Number(long n) => n.ToString("N0", Culture);

    /// <summary>A decimal with at most <paramref name="decimals"/> places: "3,5" (Swedish), "3.5" (English).</summary>
    public static string Number(double n, int decimals = 2) => n.ToString("#,0." + new string('#', decimals), Culture);

    /// <summary>Stored moments are UTC (the databases hand them back unspecified); a Local value is shown as it is.</summary>
    private static System.DateTime Local(System.DateTime value) =>
        value.Kind == DateTimeKind.Local ? value : System.DateTime.SpecifyKind(value, DateTimeKind.Utc).ToLocalTime();
}
