using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Samla.Web.Infrastructure;

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

    /// <summary>`GET /sprak/{code}?returnUrl=…` keeps the choice in a cookie and goes back (works without JavaScript).</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/sprak/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            var language = Find(code);
            if (language is null) return Results.NotFound();
            http.Response.Cookies.Append(CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            var target = string.IsNullOrEmpty(returnUrl) || !IsLocal(returnUrl) ? "/" : returnUrl;
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
