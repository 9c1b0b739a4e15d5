namespace Samla.Web.Features.Workspace;

/// <summary>What the shared service form (_ServiceForm.cshtml) needs from the create and edit pages.</summary>
public interface IServiceFormPage
{
    ServiceInput Input { get; }
    WorkspaceCatalog Catalog { get; }
    /// <summary>Rendered Markdown of the description and how-to-apply, after "Förhandsgranska".</summary>
    (string Description, string ApplicationProcess)? Preview { get; }
}
