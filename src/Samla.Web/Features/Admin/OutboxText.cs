namespace Samla.Web.Features.Admin;

/// <summary>Marker for the UI strings of the mail outbox page (OutboxText.resx, Swedish, and OutboxText.en.resx).</summary>
public sealed class OutboxText;
