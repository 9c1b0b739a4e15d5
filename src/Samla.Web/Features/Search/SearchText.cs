namespace Samla.Web.Features.Search;

/// <summary>Marker for the search feature's texts (SearchText.resx and its translations).</summary>
public sealed class SearchText;
