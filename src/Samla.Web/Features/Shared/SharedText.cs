namespace Samla.Web.Features.Shared;

/// <summary>Marker for the UI strings shared by every feature (SharedText.resx and its translations).</summary>
public sealed class SharedText;
