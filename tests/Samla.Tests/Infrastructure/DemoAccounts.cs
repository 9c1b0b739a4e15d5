namespace Samla.Tests.Infrastructure;

/// <summary>
/// The demo accounts of Samla.Web.Data.DemoData, repeated here as literals so that the tests
/// compile before the demo data lands; the values are part of the app's contract.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Samla-demo-2026";
    public const string Admin = "admin@samla.example";
    public const string Coordinator = "samordnare@samla.example";
    /// <summary>Editor of Halmstads kommun.</summary>
    public const string Editor = "redaktor@samla.example";
    /// <summary>Editor of Röda Korset.</summary>
    public const string OtherEditor = "redaktor.rodakorset@samla.example";
    public const string Reader = "lasare@samla.example";

    public const string HalmstadMunicipality = "Halmstads kommun";
    /// <summary>Part of the name of Halmstad's parenting-support service.</summary>
    public const string ParentingSupportHalmstad = "Älskade barn";
}
