namespace Samla.Web.Features.Account;

/// <summary>Marker for the texts of the account page, the sign-in limits and the lockout mail (staff: Swedish and English).</summary>
public sealed class AccountText;
