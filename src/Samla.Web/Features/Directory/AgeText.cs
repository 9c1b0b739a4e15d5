using Microsoft.Extensions.Localization;
using Samla.Web.Features.Shared;

namespace Samla.Web.Features.Directory;

/// <summary>A service's age limits in words: "18–64 år", "Från 18 år" (no upper limit), "Upp till 12 år" (no lower limit).</summary>
public static class AgeText
{
    public static string Describe(IStringLocalizer<SharedText> t, int? minimum, int? maximum) => (minimum is > 0 ? minimum : null, maximum) switch
    {
        ({ } from, { } to) => t["AgeRange", Formats.Number(from), Formats.Number(to)].Value,
        ({ } from, null) => t["AgeFrom", Formats.Number(from)].Value,
        (null, { } to) => t["AgeUpTo", Formats.Number(to)].Value,
        _ => "",
    };
}
