using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Infrastructure;

/// <summary>What a person starting the app needs to see: where it runs and, with demo data, how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, TextWriter output)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        output.WriteLine();
        foreach (var address in addresses)
        {
            output.WriteLine($"Samla is running at {address}");
        }
        if (app.Services.GetRequiredService<IOptions<SamlaOptions>>().Value.DemoData)
        {
            output.WriteLine($"Demo accounts (demo data only), password {DemoData.DemoPassword}:");
            output.WriteLine($"  {DemoData.AdminEmail,-36} Administrator");
            output.WriteLine($"  {DemoData.CoordinatorEmail,-36} Coordinator");
            output.WriteLine($"  {DemoData.EditorEmail,-36} Editor (Halmstads kommun)");
            output.WriteLine($"  {DemoData.OtherEditorEmail,-36} Editor (Röda Korset)");
            output.WriteLine($"  {DemoData.ReaderEmail,-36} Reader");
            output.WriteLine($"Administrator and coordinator sign in in two steps: add the key {DemoData.DemoAuthenticatorKey} to an authenticator app (TOTP).");
        }
        output.WriteLine();
        output.Flush();
    }
}
