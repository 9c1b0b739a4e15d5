namespace Samla.Web.Features.Workspace;

/// <summary>Marker for the workspace's UI strings (WorkspaceText.resx, Swedish, and WorkspaceText.en.resx).</summary>
public sealed class WorkspaceText;
