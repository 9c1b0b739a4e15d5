using Microsoft.Extensions.Logging.Console;

namespace Samla.Web.Infrastructure;

/// <summary>
/// Log lines a person can follow when someone watches the console, JSON when a host collects them. Hosting (a service
/// manager, a container runtime) redirects standard output, and keeps the JSON that appsettings.json asks for; a
/// terminal (<c>dotnet run</c>) or the Development environment gets the simple formatter, one line per entry with the
/// local time.
/// </summary>
public static class ConsoleLogging
{
    /// <summary>True when the readable, single-line format should replace the configured one.</summary>
    public static bool Readable(bool isDevelopment, bool outputRedirected) => isDevelopment || !outputRedirected;

    public static void AddSamlaConsoleLogging(this WebApplicationBuilder builder)
    {
        if (!Readable(builder.Environment.IsDevelopment(), Console.IsOutputRedirected)) return;
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
