using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samla.Web.Features.Improvement;

/// <summary>Public good examples: the summaries coordinators made public.</summary>
public sealed class PublicLibraryModel(LearningLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<LearningHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Hits = await library.SearchAsync(Query?.Length > 200 ? Query[..200] : Query, publicOnly: true, ct);
}
