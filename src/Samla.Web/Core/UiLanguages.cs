using System.Globalization;

namespace Samla.Web.Core;

/// <summary>The seven UI languages, in the order the language menu shows them.</summary>
public static class UiLanguages
{
    public const string Default = "sv";
    public const string CookieName = "samla.lang";

    public sealed record UiLanguage(string Code, string NativeName, bool RightToLeft);

    public static readonly IReadOnlyList<UiLanguage> All =
    [
        new("sv", "Svenska", false),
        new("en", "English", false),
        new("ar", "العربية", true),
        new("prs", "دری", true),
        new("ti", "ትግርኛ", false),
        new("so", "Soomaali", false),
        new("uk", "Українська", false),
    ];

    public static UiLanguage Current => Find(CultureInfo.CurrentUICulture.Name) ?? All[0];

    public static UiLanguage? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(l => code is not null && code.StartsWith(l.Code + "-", StringComparison.OrdinalIgnoreCase));
}
