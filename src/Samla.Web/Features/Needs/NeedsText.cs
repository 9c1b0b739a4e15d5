namespace Samla.Web.Features.Needs;

/// <summary>Marker for the needs register's texts (NeedsText.resx, Swedish, and NeedsText.en.resx).</summary>
public sealed class NeedsText;
