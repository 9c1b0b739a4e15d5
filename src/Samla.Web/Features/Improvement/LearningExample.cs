using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>What an example page (staff library or public) shows: the initiative's summary, charts, gaps and services.</summary>
public sealed record LearningExample(InitiativeData Data, IReadOnlyList<UncoveredCell> Uncovered)
{
    public static async Task<LearningExample?> LoadAsync(SamlaDbContext db, LearningLibrary library, Guid id, bool publicOnly,
        IStringLocalizer<ImprovementText> t, CancellationToken ct)
    {
        var data = await InitiativeData.LoadAsync(db, id, t, ct);
        if (data is null || !data.Initiative.IsPublished || (publicOnly && !data.Initiative.SummaryIsPublic)) return null;
        return new LearningExample(data, await library.UncoveredAsync(data, ct));
    }
}
