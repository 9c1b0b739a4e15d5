namespace Samla.Web.Data;

/// <summary>Languages a service can be offered in (ISO 639 codes), with Swedish and own names.</summary>
public static class LanguageCatalog
{
    public sealed record Entry(string Code, string Swedish, string English, string Native);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("sv", "svenska", "Swedish", "svenska"),
        new("en", "engelska", "English", "English"),
        new("ar", "arabiska", "Arabic", "العربية"),
        new("prs", "dari", "Dari", "دری"),
        new("fa", "persiska", "Persian", "فارسی"),
        new("ti", "tigrinja", "Tigrinya", "ትግርኛ"),
        new("so", "somaliska", "Somali", "Soomaali"),
        new("uk", "ukrainska", "Ukrainian", "українська"),
        new("ru", "ryska", "Russian", "русский"),
        new("ps", "pashto", "Pashto", "پښتو"),
        new("ku", "kurdiska", "Kurdish", "Kurdî"),
        new("ckb", "soranî (kurdiska)", "Central Kurdish", "کوردیی ناوەندی"),
        new("tr", "turkiska", "Turkish", "Türkçe"),
        new("am", "amhariska", "Amharic", "አማርኛ"),
        new("bs", "bosniska", "Bosnian", "bosanski"),
        new("fr", "franska", "French", "français"),
        new("es", "spanska", "Spanish", "español"),
        new("pl", "polska", "Polish", "polski"),
        new("ro", "rumänska", "Romanian", "română"),
        new("sq", "albanska", "Albanian", "shqip"),
        new("uz", "uzbekiska", "Uzbek", "oʻzbekcha"),
        new("my", "burmesiska", "Burmese", "မြန်မာ"),
        new("sgn-se", "svenskt teckenspråk", "Swedish Sign Language", "svenskt teckenspråk"),
    ];

    private static readonly Dictionary<string, Entry> ByCode = All.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);

    public static Entry? Find(string code) => ByCode.GetValueOrDefault(code);
}
