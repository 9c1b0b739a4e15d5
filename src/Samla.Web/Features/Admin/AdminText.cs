namespace Samla.Web.Features.Admin;

/// <summary>Marker for the UI strings of administration, invitations and two-factor sign-in (AdminText.resx, Swedish, and AdminText.en.resx).</summary>
public sealed class AdminText;
