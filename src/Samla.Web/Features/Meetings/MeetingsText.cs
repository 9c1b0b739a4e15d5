namespace Samla.Web.Features.Meetings;

/// <summary>Marker for the meetings feature's texts (MeetingsText.resx, Swedish, and MeetingsText.en.resx).</summary>
public sealed class MeetingsText;
