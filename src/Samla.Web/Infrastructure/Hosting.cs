using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Samla.Web.Infrastructure;

/// <summary>
/// Section <c>Samla:Hosting</c>: running behind a reverse proxy and as one of several instances (docs/DEPLOYING.md).
/// </summary>
public sealed class HostingOptions
{
    public const string Section = "Samla:Hosting";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>) of the reverse proxies whose X-Forwarded-For and
    /// X-Forwarded-Proto the app believes. Empty (the default): the headers are ignored, whoever sends them.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>How many proxies in a chain the app looks through (1: one nginx in front).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Name of this instance, sent as the X-Samla-Instance response header when set (tests, diagnostics).</summary>
    public string? InstanceName { get; set; }

    public const string InstanceHeader = "X-Samla-Instance";

    public static string? Problem(HostingOptions o)
    {
        var wrong = o.TrustedProxies.Where(p => !TryParse(p, out _)).ToList();
        if (wrong.Count > 0)
            return $"Samla:Hosting:TrustedProxies has {string.Join(", ", wrong.Select(w => $"'{w}'"))}: give IP addresses (10.0.0.5) or networks (10.0.0.0/24).";
        if (o.ForwardLimit is < 1 or > 10) return "Samla:Hosting:ForwardLimit must be from 1 to 10 (1: one proxy in front).";
        if (o.InstanceName is { Length: > 0 } name && (name.Length > 64 || name.Any(c => c is < '!' or > '~')))
            return "Samla:Hosting:InstanceName must be up to 64 visible ASCII characters, e.g. app-1.";
        return null;
    }

    /// <summary>A single address is a network of one (/32 or /128).</summary>
    public static bool TryParse(string text, out System.Net.IPNetwork network)
    {
        if (System.Net.IPNetwork.TryParse(text, out network)) return true;
        if (IPAddress.TryParse(text, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }
}

public static class Hosting
{
    public static IServiceCollection AddHosting(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section)
            .Validate(o => HostingOptions.Problem(o) is null, "Samla:Hosting is invalid (TrustedProxies, ForwardLimit or InstanceName): see docs/DEPLOYING.md.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((f, hosting) =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            f.ForwardLimit = hosting.Value.ForwardLimit;
            // Only the configured proxies: the framework's default (loopback) is cleared, so that nothing is trusted
            // by accident.
            f.KnownProxies.Clear();
            f.KnownIPNetworks.Clear();
            foreach (var p in hosting.Value.TrustedProxies)
                if (HostingOptions.TryParse(p, out var network)) f.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them; the instance header.</summary>
    public static IApplicationBuilder UseHosting(this IApplicationBuilder app)
    {
        var hosting = app.ApplicationServices.GetRequiredService<IOptions<HostingOptions>>().Value;
        if (hosting.TrustedProxies.Length > 0) app.UseForwardedHeaders();
        if (hosting.InstanceName is { Length: > 0 } name)
        {
            app.Use((context, next) =>
            {
                // On starting: error pages clear the headers set before them.
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[HostingOptions.InstanceHeader] = name;
                    return Task.CompletedTask;
                });
                return next(context);
            });
        }
        return app;
    }
}
