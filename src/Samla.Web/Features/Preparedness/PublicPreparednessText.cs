namespace Samla.Web.Features.Preparedness;

/// <summary>Marker for the public preparedness texts: the notice, the public page and the coordination menu item (all seven UI languages).</summary>
public sealed class PublicPreparednessText;
