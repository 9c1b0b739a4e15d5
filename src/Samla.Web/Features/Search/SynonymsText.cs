namespace Samla.Web.Features.Search;

/// <summary>Marker for the synonym page's texts (SynonymsText.resx, Swedish and English: a staff page).</summary>
public sealed class SynonymsText;
