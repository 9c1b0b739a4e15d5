namespace Samla.Web.Features.Preparedness;

/// <summary>Marker for the staff preparedness page's texts (Swedish and English).</summary>
public sealed class PreparednessText;
