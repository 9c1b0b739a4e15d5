using Microsoft.Extensions.Logging.Console;

namespace Samla.Web.Infrastructure;

/// <summary>
/// Log lines a person can follow when someone watches the console, JSON when a host collects them. Hosting (a service
/// manager, a container runtime) redirects standard output, and keeps the JSON that appsettings.json asks for; a
/// terminal (<c>dotnet run</c>) or the Development environment gets the simple formatter, one line per entry with the
/// local time. Setting <c>Logging__Console__FormatterName</c> chooses outright.
/// </summary>
public static class ConsoleLogging
{
    /// <summary>The variable that names the format outright; when it is set, it wins.</summary>
    public const string ExplicitVariable = "Logging__Console__FormatterName";

    /// <summary>True when the readable, single-line format should replace the configured one.</summary>
    public static bool Readable(bool isDevelopment, bool outputRedirected, bool chosenExplicitly = false) =>
        !chosenExplicitly && (isDevelopment || !outputRedirected);

    public static void AddSamlaConsoleLogging(this WebApplicationBuilder builder)
    {
        var explicitChoice = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ExplicitVariable));
        if (!Readable(builder.Environment.IsDevelopment(), Console.IsOutputRedirected, explicitChoice)) return;
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Simple);
        builder.Services.PostConfigure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.UseUtcTimestamp = false;
        });
    }
}
