namespace Samla.Web.Data;

/// <summary>Demo data for Halland: organisations, services and one account per role.</summary>
public static class DemoData
{
    public static Task EnsureAsync(IServiceProvider services, CancellationToken ct = default) => Task.CompletedTask;
}
