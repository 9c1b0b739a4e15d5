namespace Samla.Web.Infrastructure;

/// <summary>Section <c>Samla:RateLimits</c>: requests per address and window for sign-in and public forms.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Samla:RateLimits";

    public FixedWindow SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public FixedWindow PublicForms { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    public const string Problem =
        "Samla:RateLimits:SignIn and Samla:RateLimits:PublicForms need PermitLimit (requests, 1 or more) and WindowSeconds (1 to 86400).";

    public sealed class FixedWindow
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }

        public bool IsValid => PermitLimit >= 1 && WindowSeconds is >= 1 and <= 86_400;
    }
}
