namespace Samla.Web.Features.Coverage;

/// <summary>Marker for the coverage pages' texts (CoverageText.resx, Swedish, and CoverageText.en.resx).</summary>
public sealed class CoverageText;
