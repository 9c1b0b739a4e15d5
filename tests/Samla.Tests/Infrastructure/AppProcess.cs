using System.Diagnostics;

namespace Samla.Tests.Infrastructure;

/// <summary>Runs the built app (Samla.Web.dll) as a separate process, as an operator would.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;

        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{HttpAssert.Excerpt(Output)}\n--- stderr ---\n{HttpAssert.Excerpt(Error)}";
    }

    public static string AppDll => typeof(Program).Assembly.Location;

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var workDir = Path.Combine(Path.GetTempPath(), "samla-tests", "cwd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (k, v) in environment) start.Environment[k] = v;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not exit within 3 minutes.\n{await output}\n{await error}");
        }
        finally
        {
            try { Directory.Delete(workDir, recursive: true); } catch (IOException) { /* best effort */ }
        }
        return new Result(process.ExitCode, await output, await error);
    }

    public static Dictionary<string, string> DatabaseEnvironment(TestDatabase db) => new()
    {
        ["Database__Provider"] = db.Provider,
        ["ConnectionStrings__Samla"] = db.ConnectionString,
    };
}
