using Samla.Web.Data;
using Samla.Web.Features.Exchange;

namespace Samla.Web.Features.Operations;

/// <summary>
/// The app's command line: `migrate`, `seed --services N`, `import`, `export`, `backup`, `restore`.
/// Exit codes: 0 ok, 1 failed, 2 bad usage.
/// </summary>
public static class Commands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    private static readonly Dictionary<string, (string Usage, Func<IServiceProvider, string[], TextWriter, CancellationToken, Task<int>> Run)> Known = new(StringComparer.Ordinal)
    {
        ["migrate"] = ("migrate                 apply database migrations and reference data, then exit", MigrateAsync),
        ["seed"] = ("seed --services N       add N generated services (load-test data) to the database", SeedAsync),
        ["import"] = ("import FILE [--dry-run] [--as NAME]  import services (HSDS JSON or NDJSON, data package folder/zip, template CSV/XLSX), all or nothing", ExchangeCommands.ImportAsync),
        ["export"] = ("export --format hsds-json|ndjson|csv OUT  write every service as HSDS (csv: data package folder, or zip if OUT ends in .zip)", ExchangeCommands.ExportAsync),
        ["backup"] = ("backup OUT [--include-secrets]  write one file with all data (no password hashes or keys unless asked)", ExchangeCommands.BackupAsync),
        ["restore"] = ("restore FILE [--force]  restore a backup into an empty database (--force replaces all data)", ExchangeCommands.RestoreAsync),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Known.ContainsKey(args[0]);

    /// <summary>Arguments for the host: everything after the command name that looks like configuration.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? [] : args;

    public static string Usage => "Usage: Samla.Web <command> [options]\nCommands:\n" +
        string.Join("\n", Known.Values.Select(k => "  " + k.Usage)) +
        "\nWith no command the app serves HTTP (use --urls to choose the address).";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var (_, run) = Known[args[0]];
        try
        {
            return await run(services, args[1..], output, ct);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync(Usage);
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
        var made = await GeneratedServices.AddAsync(db, count, ct);
        await DatabaseInitializer.RefreshStatisticsAsync(db, ct);
        await output.WriteLineAsync(FormattableString.Invariant($"Added {made} generated services in {watch.Elapsed.TotalSeconds:F1} s."));
        return Ok;
    }

    internal sealed class UsageException(string message) : Exception(message);
}
