using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Operations;

/// <summary>
/// The app's command line: every command a feature registers (<see cref="CommandLine.AddCommand"/>); this feature's own
/// are `migrate` and `seed --services N`. Exit codes: 0 ok, 1 failed, 2 bad usage.
/// </summary>
public static class Commands
{
    public const int Ok = CommandLine.Ok;
    public const int Failed = CommandLine.Failed;
    public const int BadUsage = CommandLine.BadUsage;

    public static IServiceCollection AddOperations(this IServiceCollection services) => services
        .AddCommand("migrate", "migrate                 apply database migrations and reference data, then exit", MigrateAsync)
        .AddCommand("seed", "seed --services N       add N generated services (load-test data) to the database", SeedAsync);

    /// <summary>A first argument that is a word (not an option such as --urls) names a command.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>Arguments for the host: none when a command runs (its options are its own).</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? [] : args;

    public static string Usage(IEnumerable<CommandDefinition> known) => "Usage: Samla.Web <command> [options]\nCommands:\n" +
        string.Join("\n", known.Select(k => "  " + k.Usage)) +
        "\nWith no command the app serves HTTP (use --urls to choose the address).";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var known = services.GetServices<CommandDefinition>().ToList();
        var command = known.FirstOrDefault(c => c.Name == args[0]);
        try
        {
            if (command is null) throw new UsageException($"Unknown command '{args[0]}'.");
            return await command.Run(services, args[1..], output, ct);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync(Usage(known));
            return BadUsage;
        }
        catch (Exception ex) when (DatabaseSetup.DescribeConnectionFailure(ex) is { } reason)
        {
            await error.WriteLineAsync(reason);
            return Failed;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length > 0) throw new UsageException($"migrate takes no arguments (got '{string.Join(' ', args)}').");
        await DatabaseInitializer.MigrateAsync(services, ct);
        await output.WriteLineAsync("Database is up to date.");
        return Ok;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length != 2 || args[0] != "--services")
        {
            throw new UsageException("seed needs --services N, where N is a whole number from 1 to 10000000.");
        }
        if (!int.TryParse(args[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1 || count > 10_000_000)
        {
            throw new UsageException($"'{args[1]}' is not a whole number from 1 to 10000000.");
        }
        await DatabaseInitializer.MigrateAsync(services, ct);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamlaDbContext>();
        db.UseLongCommandTimeout();
        var made = await GeneratedServices.AddAsync(db, count, scope.ServiceProvider.GetRequiredService<IOptions<SamlaOptions>>().Value.CountyCode,
            scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        await DatabaseInitializer.RefreshStatisticsAsync(db, ct);
        await output.WriteLineAsync(FormattableString.Invariant($"Added {made} generated services in {watch.Elapsed.TotalSeconds:F1} s."));
        return Ok;
    }
}
