using System.Globalization;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Features.Shared;

namespace Samla.Web.Features.Directory;

/// <summary>Says an HSDS schedule in words in the UI language: "tisdagar kl. 13–16", "första torsdagen i månaden kl. 18–20".</summary>
public sealed class ScheduleText(IStringLocalizer<SharedText> t)
{
    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public string Describe(Schedule s)
    {
        var parts = new List<string>();
        var when = Days(s);
        if (when is not null) parts.Add(when);
        if (s.OpensAt is { } opens && s.ClosesAt is { } closes)
        {
            parts.Add(t["Schedule_TimeRange", Time(opens), Time(closes)]);
        }
        var text = parts.Count > 0 ? string.Join(' ', parts) : s.Description ?? "";
        if (s.ValidFrom is { } from && s.ValidTo is { } to)
        {
            text += " " + t["Schedule_Period", Date(from), Date(to)];
        }
        else if (s.ValidTo is { } until)
        {
            text += " " + t["Schedule_Until", Date(until)];
        }
        return Capitalize(text.Trim());
    }

    private string? Days(Schedule s)
    {
        if (string.IsNullOrWhiteSpace(s.Byday)) return null;
        var days = s.Byday.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (string.Equals(s.Freq, "MONTHLY", StringComparison.OrdinalIgnoreCase))
        {
            var described = days.Select(d =>
            {
                var code = d[^2..].ToUpperInvariant();
                var ordinal = d[..^2];
                return ordinal.Length > 0
                    ? t["Schedule_MonthlyNth", Ordinal(ordinal, code), t["Day_" + code]].Value
                    : t["Schedule_Monthly", t["Day_" + code]].Value;
            });
            return Join(described);
        }
        var plural = days.Where(d => DayCodes.Contains(d.ToUpperInvariant())).Select(d => t["Days_" + d.ToUpperInvariant()].Value).ToList();
        var weekly = Join(plural);
        return s.Interval is > 1 ? EveryNthWeek(s.Interval.Value, weekly) : weekly;
    }

    /// <summary>
    /// "every other week" ("varannan vecka", not "var 2:e vecka"), "every 3 weeks": the noun agrees with the number through <see cref="Plurals"/> (uk: 2–4 тижні, 5+ тижнів;
    /// ar: أسبوعين for 2, أسبوعًا for 11–99), keys <c>Schedule_EveryNthWeek_{category}</c>.
    /// </summary>
    private string EveryNthWeek(int weeks, string days) =>
        weeks == 2 ? t["Schedule_EveryOtherWeek", days] : t.Plural("Schedule_EveryNthWeek", weeks, days);

    /// <summary>The CLDR plural category of a whole number (kept for the schedule tests; the rule is <see cref="Plurals.Category"/>).</summary>
    internal static string PluralCategory(int n, string language) => Plurals.Category(n, language);

    /// <summary>
    /// "first", "last" … agreeing with the weekday where the language wants it: a language whose ordinals
    /// take the weekday's gender names it in <c>DayGender_XX</c> (uk: середа is Feminine) and gives
    /// <c>Ordinal_N_Feminine</c> etc.; without those keys <c>Ordinal_N</c> is used as it is.
    /// </summary>
    private string Ordinal(string ordinal, string dayCode)
    {
        var gender = t["DayGender_" + dayCode];
        if (!gender.ResourceNotFound)
        {
            var agreeing = t["Ordinal_" + ordinal + "_" + gender.Value];
            if (!agreeing.ResourceNotFound) return agreeing.Value;
        }
        return t["Ordinal_" + ordinal].Value;
    }

    private string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => t["List_And", string.Join(", ", list[..^1]), list[^1]],
        };
    }

    private static string Time(TimeOnly time) =>
        time.Minute == 0
            ? time.Hour.ToString(CultureInfo.CurrentCulture)
            : time.ToString(CultureInfo.CurrentCulture.Name.StartsWith("sv", StringComparison.Ordinal) ? "H.mm" : "H:mm", CultureInfo.CurrentCulture);

    private static string Date(DateOnly date) => Formats.LongDate(date);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
