using Samla.Web.Data;
using Samla.Web.Features.Operations;
using Samla.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(Commands.HostArgs(args));
builder.AddSamla();
var app = builder.Build();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

try
{
    await DatabaseInitializer.InitializeAsync(app.Services);
}
catch (Exception ex) when (DatabaseSetup.DescribeConnectionFailure(ex) is { } reason)
{
    app.Logger.LogCritical("Samla cannot start: {Reason}", reason);
    // Disposing flushes the console logger's queue: without it the one line that explains the failure can be lost
    // when the process exits on a busy machine.
    await app.DisposeAsync();
    return Commands.Failed;
}

app.UseSamla();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, Console.Out));
await app.RunAsync();
return Commands.Ok;

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
