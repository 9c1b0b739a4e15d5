using System.Globalization;
using Microsoft.Extensions.Localization;
using Samla.Web.Features.Shared;

namespace Samla.Web.Infrastructure;

/// <summary>
/// Staff pages (workspace, admin, coordination, the staff's own account pages) are written in Swedish and English only. Shown in Arabic, Dari,
/// Tigrinya, Somali or Ukrainian they would mix a right-to-left frame with Swedish text and scramble it; so for these
/// pages the request runs in Swedish (left to right), and the layout shows a note, in the chosen language, that says
/// so and offers English. The chosen language stays in the cookie: public pages keep it.
/// </summary>
public static class StaffLanguage
{
    private const string ItemKey = "samla.staff-language-note";

    /// <summary>The note to show (in the person's own language), or null when the page is in the chosen language.</summary>
    public sealed record Note(UiLanguages.UiLanguage Language, string Text, string EnglishLink);

    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/arbetsyta") || path.StartsWithSegments("/admin") || path.StartsWithSegments("/samordning")
        || (path.StartsWithSegments("/konto") && !IsTranslatedAccountPage(path));

    /// <summary>The account pages anyone may meet (sign in, sign out, access denied) exist in every UI language; the rest (own account, two-step, password link) only for staff.</summary>
    private static bool IsTranslatedAccountPage(PathString path) =>
        path.StartsWithSegments("/konto/logga-in") || path.StartsWithSegments("/konto/logga-ut") || path.StartsWithSegments("/konto/nekad");

    public static Note? NoteFor(HttpContext http) => http.Items[ItemKey] as Note;

    /// <summary>Call right after UseRequestLocalization.</summary>
    public static IApplicationBuilder UseStaffLanguage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var chosen = UiLanguages.Current;
        if (IsStaffPath(http.Request.Path) && chosen.Code is not ("sv" or "en"))
        {
            var texts = http.RequestServices.GetRequiredService<IStringLocalizer<LayoutText>>();
            http.Items[ItemKey] = new Note(chosen, texts["StaffPagesInSwedish"], texts["StaffPagesInEnglish"]);
            var swedish = CultureInfo.GetCultureInfo(UiLanguages.Default);
            CultureInfo.CurrentCulture = swedish;
            CultureInfo.CurrentUICulture = swedish;
        }
        await next(http);
    });
}
