using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samla.Web.Core;
using Samla.Web.Features.Directory;
using Samla.Web.Features.Preparedness;
using Samla.Web.Features.Search;
using Samla.Web.Features.Shared;
using Samla.Web.Features.Workspace;
using Samla.Web.Infrastructure;

namespace Samla.Tests.Core;

/// <summary>Counts that agree with the number (CLDR), one date and number format per UI language, and the other words.</summary>
public sealed class WordsAndFormatsTests
{
    [Theory]
    // sv, en, so: one for 1 only.
    [InlineData("sv", 0, "other")]
    [InlineData("sv", 1, "one")]
    [InlineData("sv", 2, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("en", 21, "other")]
    [InlineData("so", 1, "one")]
    [InlineData("so", 5, "other")]
    // prs (as fa) and ti: 0 and 1 are one.
    [InlineData("prs", 0, "one")]
    [InlineData("prs", 1, "one")]
    [InlineData("prs", 2, "other")]
    [InlineData("ti", 0, "one")]
    [InlineData("ti", 1, "one")]
    [InlineData("ti", 2, "other")]
    // ar: six forms.
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 1, "one")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 3, "few")]
    [InlineData("ar", 6, "few")]
    [InlineData("ar", 10, "few")]
    [InlineData("ar", 11, "many")]
    [InlineData("ar", 99, "many")]
    [InlineData("ar", 100, "other")]
    [InlineData("ar", 102, "other")]
    [InlineData("ar", 103, "few")]
    [InlineData("ar", 1000, "other")]
    // uk: one / few / many for whole numbers.
    [InlineData("uk", 1, "one")]
    [InlineData("uk", 21, "one")]
    [InlineData("uk", 11, "many")]
    [InlineData("uk", 2, "few")]
    [InlineData("uk", 24, "few")]
    [InlineData("uk", 12, "many")]
    [InlineData("uk", 5, "many")]
    [InlineData("uk", 0, "many")]
    [InlineData("uk", 111, "many")]
    public void Plural_categories_follow_cldr(string language, long n, string expected) =>
        Assert.Equal(expected, Plurals.Category(n, language));

    [Theory]
    [InlineData("sv", 1, "1 insats")]
    [InlineData("sv", 2, "2 insatser")]
    [InlineData("sv", 1000, "1\u00a0000 insatser")]
    [InlineData("en", 1, "1 service")]
    [InlineData("en", 1000, "1,000 services")]
    [InlineData("ar", 1, "خدمة واحدة")]
    [InlineData("ar", 2, "خدمتان")]
    [InlineData("ar", 6, "6 خدمات")]
    [InlineData("ar", 11, "11 خدمة")]
    [InlineData("ti", 1, "1 ኣገልግሎት")]
    [InlineData("ti", 4, "4 ኣገልግሎታት")]
    [InlineData("uk", 1, "1 послуга")]
    [InlineData("uk", 3, "3 послуги")]
    [InlineData("uk", 5, "5 послуг")]
    [InlineData("uk", 21, "21 послуга")]
    [InlineData("prs", 3, "3 خدمت")]
    [InlineData("so", 3, "3 adeeg")]
    public void Service_counts_agree_with_the_number_in_every_language(string language, long n, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<SharedText>().Plural("ServiceCount", n)));

    [Theory]
    [InlineData("ar", 1000, "حوالي 1٬000 شخص في الأسبوع")]
    [InlineData("ar", 5, "حوالي 5 أشخاص في الأسبوع")]
    [InlineData("sv", 1, "Cirka 1 person per vecka")]
    [InlineData("en", 1, "About 1 person a week")]
    [InlineData("uk", 5, "Близько 5 осіб на тиждень")]
    public void People_counts_agree_with_the_number(string language, long n, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<SharedText>().Plural("CapacityValue", n)));

    [Theory]
    [InlineData("sv", 1, "1 träff")]
    [InlineData("sv", 7, "7 träffar")]
    [InlineData("en", 1, "1 result")]
    [InlineData("en", 7, "7 results")]
    [InlineData("ar", 6, "6 نتائج")]
    [InlineData("uk", 2, "2 результати")]
    [InlineData("uk", 25, "25 результатів")]
    public void Search_result_counts_agree_with_the_number(string language, long n, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<SearchText>().Plural("ResultsCount", n)));

    /// <summary>The print list's note when it shows only the first hits (SearchPrint.cshtml), in all seven languages.</summary>
    [Theory]
    [InlineData("sv", 1, "Listan visar bara den första träffen.")]
    [InlineData("sv", 100, "Listan visar de 100 första träffarna.")]
    [InlineData("en", 1, "The list shows only the first result.")]
    [InlineData("en", 100, "The list shows the first 100 results.")]
    [InlineData("ar", 1, "تعرض القائمة النتيجة الأولى فقط.")]
    [InlineData("ar", 2, "تعرض القائمة أول نتيجتين فقط.")]
    [InlineData("ar", 5, "تعرض القائمة أول 5 نتائج.")]
    [InlineData("ar", 20, "تعرض القائمة أول 20 نتيجة.")]
    [InlineData("ar", 100, "تعرض القائمة أول 100 نتيجة.")]
    [InlineData("prs", 1, "فهرست تنها نخستین نتیجه را نشان می‌دهد.")]
    [InlineData("prs", 100, "فهرست 100 نتیجهٔ اول را نشان می‌دهد.")]
    [InlineData("ti", 1, "እቲ ዝርዝር ነቲ ቀዳማይ ውጽኢት ጥራይ የርኢ።")]
    [InlineData("ti", 100, "እቲ ዝርዝር ነቶም ቀዳሞት 100 ውጽኢታት የርኢ።")]
    [InlineData("so", 1, "Liisku wuxuu muujinayaa natiijada ugu horreysa oo keliya.")]
    [InlineData("so", 100, "Liisku wuxuu muujinayaa 100-da natiijo ee ugu horreeya.")]
    [InlineData("uk", 21, "У списку перший 21 результат.")]
    [InlineData("uk", 3, "У списку перші 3 результати.")]
    [InlineData("uk", 100, "У списку перші 100 результатів.")]
    public void The_print_lists_first_hits_agree_with_the_number(string language, long n, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<SearchText>().Plural("PrintFirstN", n)));

    [Theory]
    [InlineData("sv", 1, "1 dag")]
    [InlineData("sv", 3, "3 dagar")]
    [InlineData("ar", 2, "يومان")]
    [InlineData("uk", 3, "3 дні")]
    public void Preparedness_days_agree_with_the_number(string language, long n, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<PublicPreparednessText>().Plural("Days", n)));

    [Theory]
    [InlineData("sv", 1, "1 utkast är inte publicerat ännu.")]
    [InlineData("sv", 2, "2 utkast är inte publicerade ännu.")]
    [InlineData("en", 1, "1 draft is not published yet.")]
    public void Staff_counts_agree_with_the_number(string language, long n, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<WorkspaceText>().Plural("ActionDrafts", n)));

    [Theory]
    [InlineData("sv", "17\u00a0okt.\u00a02026", "17 oktober 2026", "14:05", "1\u00a0234\u00a0567")]
    [InlineData("en", "17\u00a0Oct\u00a02026", "17 October 2026", "14:05", "1,234,567")]
    [InlineData("uk", "17\u00a0жовт.\u00a02026", "17 жовтня 2026", "14:05", "1\u00a0234\u00a0567")]
    [InlineData("prs", "17\u00a0اکتوبر\u00a02026", "17 اکتوبر 2026", "14:05", "1٬234٬567")]
    public void Each_language_writes_dates_times_and_numbers_its_own_way(string language, string date, string longDate, string time, string number)
    {
        var day = new DateOnly(2026, 10, 17);
        Assert.Equal(date, In(language, () => Formats.Date(day)));
        Assert.Equal(longDate, In(language, () => Formats.LongDate(day)));
        Assert.Equal(time, In(language, () => Formats.Time(new TimeOnly(14, 5))));
        Assert.Equal(number, In(language, () => Formats.Number(1_234_567)));
    }

    [Fact]
    public void English_is_not_written_the_american_way()
    {
        var moment = new DateTime(2026, 5, 30, 13, 0, 0, DateTimeKind.Local);
        Assert.Equal("30\u00a0May\u00a02026 13:00", In("en", () => Formats.DateTime(moment)));
        Assert.Equal("30/05/2026", In("en", () => moment.ToString("d", CultureInfo.CurrentCulture)));
    }

    [Theory]
    [InlineData("Halmstad", "Halmstads kommun")]
    [InlineData("Falkenberg", "Falkenbergs kommun")]
    [InlineData("Hylte", "Hylte kommun")]
    [InlineData("Laholm", "Laholms kommun")]
    [InlineData("Varberg", "Varbergs kommun")]
    [InlineData("Kungsbacka", "Kungsbacka kommun")]
    [InlineData("Borås", "Borås kommun")]
    [InlineData("Falun", "Falu kommun")]
    public void Municipalities_have_their_official_swedish_names(string shortName, string official) =>
        Assert.Equal(official, MunicipalityNames.Official(shortName));

    [Theory]
    [InlineData("sv", "Halmstad", "Halmstads kommun")]
    [InlineData("en", "Halmstad", "Halmstad Municipality")]
    public void Municipality_of_is_composed_per_language(string language, string name, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer<SharedText>()["MunicipalityOf", name, MunicipalityNames.Official(name)].Value));

    [Theory]
    [InlineData("sv", 18, null, "Från 18 år")]
    [InlineData("sv", null, 12, "Upp till 12 år")]
    [InlineData("sv", 0, 12, "Upp till 12 år")]
    [InlineData("sv", 18, 64, "18–64 år")]
    [InlineData("en", 18, null, "From age 18")]
    [InlineData("en", null, 12, "Up to age 12")]
    [InlineData("ar", 18, null, "العمر من 18 فما فوق")]
    [InlineData("uk", null, 12, "Вік до 12")]
    [InlineData("sv", 0, null, "")]
    public void Open_age_ranges_are_said_in_words(string language, int? minimum, int? maximum, string expected) =>
        Assert.Equal(expected, In(language, () => AgeText.Describe(Localizer<SharedText>(), minimum, maximum)));

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    public void Console_logs_are_readable_in_a_terminal_or_in_development_and_json_when_hosted(bool development, bool redirected, bool readable) =>
        Assert.Equal(readable, ConsoleLogging.Readable(development, redirected));

    [Fact]
    public void A_format_named_in_the_environment_wins() =>
        Assert.False(ConsoleLogging.Readable(isDevelopment: true, outputRedirected: false, chosenExplicitly: true));

    private static IStringLocalizer<T> Localizer<T>() =>
        new StringLocalizer<T>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string In(string language, Func<string> render)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture(language);
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
