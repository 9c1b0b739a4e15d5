using System.Globalization;
using Microsoft.Extensions.Localization;
using Samla.Web.Features.Exchange.Import;

namespace Samla.Web.Features.Exchange;

/// <summary>`import`, `export`, `backup` and `restore` on the command line; messages in Swedish from ExchangeText.</summary>
public static class ExchangeCommands
{
    public static IServiceCollection AddExchangeCommands(this IServiceCollection services) => services
        .AddCommand("import", "import FILE [--dry-run] [--as NAME]  import services (HSDS JSON or NDJSON, data package folder/zip, template CSV/XLSX), all or nothing", ImportAsync)
        .AddCommand("export", "export --format hsds-json|ndjson|csv OUT  write every service as HSDS (csv: data package folder, or zip if OUT ends in .zip)", ExportAsync)
        .AddCommand("backup", "backup OUT [--include-secrets]  write one file with all data (no password hashes or keys unless asked)", BackupAsync)
        .AddCommand("restore", "restore FILE [--force]  restore a backup into an empty database (--force replaces all data)", RestoreAsync);

    private static IStringLocalizer<ExchangeText> Texts(IServiceProvider services)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv");
        return services.GetRequiredService<IStringLocalizer<ExchangeText>>();
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var t = Texts(services);
        var dryRun = false;
        var actorName = "import";
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run": dryRun = true; break;
                case "--as" when i + 1 < args.Length: actorName = args[++i]; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && file is null: file = a; break;
                default: throw new UsageException(t["Usage_Import"]);
            }
        }
        if (file is null) throw new UsageException(t["Usage_Import"]);
        await DatabaseInitializer.MigrateAsync(services, ct);
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportHsdsFile>().RunAsync(file, dryRun, actorName, null, ct);
        if (!result.IsValid)
        {
            await output.WriteLineAsync(t["Import_Invalid", result.Problems.Count]);
            foreach (var p in result.Problems) await output.WriteLineAsync("  " + ImportMessages.Describe(p, t));
            return CommandLine.Failed;
        }
        if (dryRun)
        {
            foreach (var r in result.Records)
            {
                await output.WriteLineAsync(FormattableString.Invariant($"  {r.Line,7}  {ImportMessages.Outcome(r.Outcome, t),-12} {r.Id}  {r.Name}"));
            }
            await output.WriteLineAsync(t["Import_DryRun"]);
        }
        await output.WriteLineAsync(ImportMessages.Summary(result, t));
        if (result.Written) await output.WriteLineAsync(t["Import_Written", result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)]);
        return CommandLine.Ok;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var t = Texts(services);
        if (args.Length != 3 || args[0] != "--format" || !ExportHsdsData.Formats.Contains(args[1])) throw new UsageException(t["Usage_Export"]);
        await DatabaseInitializer.MigrateAsync(services, ct);
        using var scope = services.CreateScope();
        var count = await scope.ServiceProvider.GetRequiredService<ExportHsdsData>().RunAsync(args[1], args[2], ct);
        await output.WriteLineAsync(t.PluralFormat("Export_Done", count, Formats.Number(count), args[2]));
        return CommandLine.Ok;
    }

    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var t = Texts(services);
        var secrets = args.Contains("--include-secrets");
        var rest = args.Where(a => a != "--include-secrets").ToArray();
        if (rest.Length != 1 || rest[0].StartsWith("--", StringComparison.Ordinal)) throw new UsageException(t["Usage_Backup"]);
        await DatabaseInitializer.MigrateAsync(services, ct);
        using var scope = services.CreateScope();
        var counts = await scope.ServiceProvider.GetRequiredService<BackupDatabase>().RunAsync(rest[0], secrets, ct);
        await output.WriteLineAsync(t["Backup_Done", rest[0], counts.Values.Sum(), counts.Count]);
        return CommandLine.Ok;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var t = Texts(services);
        var force = args.Contains("--force");
        var rest = args.Where(a => a != "--force").ToArray();
        if (rest.Length != 1 || rest[0].StartsWith("--", StringComparison.Ordinal)) throw new UsageException(t["Usage_Restore"]);
        if (!File.Exists(rest[0])) throw new UsageException(t["Problem_NoFile", rest[0]]);
        await DatabaseInitializer.MigrateAsync(services, ct);
        using var scope = services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RestoreDatabase>().RunAsync(rest[0], force, ct);
        await output.WriteLineAsync(t["Restore_" + outcome]);
        return outcome == RestoreOutcome.Restored ? CommandLine.Ok : CommandLine.Failed;
    }
}
