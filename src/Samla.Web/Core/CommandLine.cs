namespace Samla.Web.Core;

/// <summary>Runs one command of the app's command line: arguments after the name, output for the person; returns an exit code.</summary>
public delegate Task<int> CommandHandler(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct);

/// <summary>A command a feature offers on the command line (`Samla.Web NAME …`), registered with <see cref="CommandLine.AddCommand"/>.</summary>
public sealed record CommandDefinition(string Name, string Usage, CommandHandler Run);

/// <summary>Wrong arguments: the message and the usage are shown, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The registration contract of the command line: the runner knows commands only through it.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static IServiceCollection AddCommand(this IServiceCollection services, string name, string usage, CommandHandler run) =>
        services.AddSingleton(new CommandDefinition(name, usage, run));
}
