using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Directory;
using Samla.Web.Features.Shared;

namespace Samla.Tests.PublicDirectory;

/// <summary>Monthly schedules in words: the ordinal agrees with the weekday where the language wants it.</summary>
public sealed class ScheduleTextTests
{
    [Theory]
    // Ukrainian: понеділок, вівторок, четвер are masculine; середа, п'ятниця, субота, неділя feminine.
    [InlineData("uk", "1TH", "Перший четвер місяця")]
    [InlineData("uk", "1WE", "Перша середа місяця")]
    [InlineData("uk", "-1FR", "Остання п’ятниця місяця")]
    [InlineData("uk", "-1MO", "Останній понеділок місяця")]
    [InlineData("uk", "2SU", "Друга неділя місяця")]
    [InlineData("uk", "3SA", "Третя субота місяця")]
    [InlineData("uk", "4TU", "Четвертий вівторок місяця")]
    [InlineData("uk", "4WE", "Четверта середа місяця")]
    // Arabic: الجمعة is feminine, the other days masculine.
    [InlineData("ar", "1FR", "الجمعة الأولى من الشهر")]
    [InlineData("ar", "-1FR", "الجمعة الأخيرة من الشهر")]
    [InlineData("ar", "1TH", "الخميس الأول من الشهر")]
    [InlineData("ar", "-1SA", "السبت الأخير من الشهر")]
    // Somali: Jimcaha is masculine (-ha), the other days feminine (-ta/-da).
    [InlineData("so", "1FR", "Jimcaha ugu horreeya ee bisha")]
    [InlineData("so", "-1FR", "Jimcaha ugu dambeeya ee bisha")]
    [InlineData("so", "1TH", "Khamiista ugu horreysa ee bisha")]
    [InlineData("so", "2FR", "Jimcaha labaad ee bisha")]
    // Languages without agreement keep their one form.
    [InlineData("sv", "1TH", "Första torsdagen i månaden")]
    [InlineData("sv", "-1WE", "Sista onsdagen i månaden")]
    [InlineData("en", "-1FR", "The last Friday of the month")]
    [InlineData("prs", "1WE", "چهارشنبه اول هر ماه")]
    [InlineData("ti", "1TH", "ቀዳማይ ሓሙስ ናይ ወርሒ")]
    public void Nth_weekday_of_the_month(string language, string byday, string expected) =>
        Assert.Equal(expected, Describe(language, new Schedule { Freq = "MONTHLY", Byday = byday }));

    [Fact]
    public void Two_monthly_days_in_ukrainian_each_agree_with_their_own_weekday() =>
        Assert.Equal(
            "Перший понеділок місяця і остання середа місяця з 18 до 20",
            Describe("uk", new Schedule
            {
                Freq = "MONTHLY",
                Byday = "1MO,-1WE",
                OpensAt = new TimeOnly(18, 0),
                ClosesAt = new TimeOnly(20, 0),
            }));

    [Fact]
    public void Weekly_days_are_unchanged() =>
        Assert.Equal("Щопонеділка і щосереди", Describe("uk", new Schedule { Freq = "WEEKLY", Byday = "MO,WE" }));

    [Theory]
    // The noun agrees with the number: Ukrainian 1/21 тиждень, 2–4 тижні, 5–20 тижнів; Arabic dual for 2,
    // plural for 3–10, singular accusative for 11–99.
    [InlineData("uk", 2, "Раз на два тижні, ")]
    [InlineData("uk", 5, "Раз на 5 тижнів, ")]
    [InlineData("uk", 12, "Раз на 12 тижнів, ")]
    [InlineData("uk", 21, "Раз на 21 тиждень, ")]
    [InlineData("uk", 22, "Раз на 22 тижні, ")]
    [InlineData("ar", 2, "كل أسبوعين، ")]
    [InlineData("ar", 3, "كل 3 أسابيع، ")]
    [InlineData("ar", 11, "كل 11 أسبوعًا، ")]
    // Interval 1 is every week (the days alone), 2 every other week, only 3 and up by number.
    [InlineData("sv", 1, "Måndagar")]
    [InlineData("sv", 2, "Varannan vecka, ")]
    [InlineData("sv", 3, "Var 3:e vecka, ")]
    [InlineData("en", 2, "Every other week, ")]
    [InlineData("en", 3, "Every 3 weeks, ")]
    [InlineData("so", 2, "Labadii toddobaadba mar, ")]
    public void Every_nth_week_agrees_with_the_number(string language, int weeks, string expectedStart) =>
        Assert.StartsWith(expectedStart, Describe(language, new Schedule { Freq = "WEEKLY", Interval = weeks, Byday = "MO" }), StringComparison.Ordinal);

    [Theory]
    [InlineData(1, "uk", "one")]
    [InlineData(11, "uk", "many")]
    [InlineData(104, "uk", "few")]
    [InlineData(111, "uk", "many")]
    [InlineData(2, "ar", "two")]
    [InlineData(103, "ar", "few")]
    [InlineData(100, "ar", "other")]
    [InlineData(5, "sv", "other")]
    public void Plural_categories_follow_cldr(int n, string language, string expected) =>
        Assert.Equal(expected, ScheduleText.PluralCategory(n, language));

    private static string Describe(string language, Schedule schedule)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var text = new ScheduleText(new StringLocalizer<SharedText>(factory));
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            return text.Describe(schedule);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
