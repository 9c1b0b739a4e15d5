namespace Samla.Web.Data;

/// <summary>Demo data for Halland: organisations, services and one account per role.</summary>
public static class DemoData
{
    public const string DemoPassword = "Samla-demo-2026";
    public const string AdminEmail = "admin@samla.example";
    public const string CoordinatorEmail = "samordnare@samla.example";
    public const string EditorEmail = "redaktor@samla.example";
    public const string OtherEditorEmail = "redaktor.rodakorset@samla.example";
    public const string ReaderEmail = "lasare@samla.example";

    public static Task EnsureAsync(IServiceProvider services, CancellationToken ct = default) => Task.CompletedTask;
}
