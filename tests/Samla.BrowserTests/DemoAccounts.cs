namespace Samla.BrowserTests;

/// <summary>Literal copies of Samla.Web.Data.DemoData's accounts (the app's contract), so the tests compile on their own.</summary>
public static class DemoAccounts
{
    public const string Password = "Samla-demo-2026";
    public const string Editor = "redaktor@samla.example";
    public const string Admin = "admin@samla.example";
    public const string RedCrossEditor = "redaktor.rodakorset@samla.example";
    /// <summary>A reader: signed in, sees staff contacts, edits nothing.</summary>
    public const string Reader = "lasare@samla.example";
    /// <summary>TOTP key of the demo administrator and coordinator (DemoData.DemoAuthenticatorKey).</summary>
    public const string AuthenticatorKey = "SAMLADEMOHALLANDTOTPKEYXYZ234567";
    public const string HalmstadMunicipality = "Halmstads kommun";
}
