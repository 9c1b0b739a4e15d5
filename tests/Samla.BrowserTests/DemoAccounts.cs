namespace Samla.BrowserTests;

/// <summary>Literal copies of Samla.Web.Data.DemoData's accounts (the app's contract), so the tests compile on their own.</summary>
public static class DemoAccounts
{
    public const string Password = "Samla-demo-2026";
    public const string Editor = "redaktor@samla.example";
    public const string HalmstadMunicipality = "Halmstads kommun";
}
