namespace Samla.Web.Features.Account;

/// <summary>
/// A signed-in device as a person knows it ("Firefox, Windows") from the stored user-agent text, which is kept whole
/// for the tooltip. Unknown browsers or systems are left out; nothing recognised gives null (the caller says "unknown").
/// </summary>
public static class DeviceName
{
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux, iOS also says Mac OS X.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => null,
            ({ } b, null) => b,
            (null, { } s) => s,
            ({ } b, { } s) => $"{b}, {s}",
        };
    }
}
