using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samla.Web.Features.Improvement;

/// <summary>The shared learning library for signed-in actors: published summaries, searchable.</summary>
[Authorize]
public sealed class LibraryModel(LearningLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<LearningHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Hits = await library.SearchAsync(Query?.Length > 200 ? Query[..200] : Query, publicOnly: false, ct);
}
