using Microsoft.AspNetCore.Localization;

namespace Samla.Web.Infrastructure;

/// <summary>The language menu's endpoint (the languages themselves: <see cref="UiLanguages"/>).</summary>
public static class LanguageSwitch
{
    /// <summary>`GET /sprak/{code}?returnUrl=…` keeps the choice in a cookie and goes back (works without JavaScript).</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/sprak/{code}", (string code, string? returnUrl, HttpContext http, TimeProvider clock) =>
        {
            var language = UiLanguages.Find(code);
            if (language is null) return Results.NotFound();
            http.Response.Cookies.Append(UiLanguages.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            var target = string.IsNullOrEmpty(returnUrl) || !IsLocal(returnUrl) ? "/" : returnUrl;
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
