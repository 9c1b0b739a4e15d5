namespace Samla.Web.Features.Shared;

/// <summary>
/// Marker for the texts of the page frame and shared form parts (LayoutText.resx and its translations): the note that
/// staff pages are in Swedish, the required-field mark, the search filter link, the label of a table's scroll region.
/// </summary>
public sealed class LayoutText;
