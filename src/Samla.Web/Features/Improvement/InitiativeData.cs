using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Improvement;

/// <summary>Everything a page shows of one initiative: the initiative page, the printable report and the learning example.</summary>
public sealed class InitiativeData
{
    public sealed record NeedRef(Guid Id, string Title, IReadOnlyList<string> Municipalities, IReadOnlyList<string> TargetGroups);
    public sealed record ServiceRef(Guid Id, string Name, string Organization, bool Created);
    public sealed record MeasureView(Measure Measure, RunChartView Chart, int Points);
    public sealed record CycleView(PdsaCycle Cycle, int Number, string? MeasureName, int? PreviousNumber);
    public sealed record HistoryRow(DateTime At, string User, string Entity, string Action, string Field, string? NewValue);

    public required Initiative Initiative { get; init; }
    public required string Owner { get; init; }
    public required IReadOnlyList<(Guid Id, string Name)> Participants { get; init; }
    public required IReadOnlyList<NeedRef> Needs { get; init; }
    public required IReadOnlyList<InitiativeCause> Causes { get; init; }
    public required IReadOnlyList<MeasureView> Measures { get; init; }
    public required IReadOnlyList<CycleView> Cycles { get; init; }
    public required IReadOnlyList<ServiceRef> Services { get; init; }

    public static async Task<InitiativeData?> LoadAsync(SamlaDbContext db, Guid id, IStringLocalizer<ImprovementText> t, CancellationToken ct)
    {
        var i = await db.Set<Initiative>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Initiative = x, Owner = x.OwnerOrganization.Name })
            .FirstOrDefaultAsync(ct);
        if (i is null) return null;
        var participants = await db.Set<InitiativeParticipant>().AsNoTracking().Where(p => p.InitiativeId == id)
            .OrderBy(p => p.Organization.Name).Select(p => new { p.OrganizationId, p.Organization.Name }).ToListAsync(ct);
        var needs = await db.Set<InitiativeNeed>().AsNoTracking().Where(n => n.InitiativeId == id)
            .Select(n => new NeedRef(n.NeedId, n.Need.Title, n.Need.MunicipalityCodes, n.Need.TargetGroups)).ToListAsync(ct);
        var causes = await db.Set<InitiativeCause>().AsNoTracking().Where(c => c.InitiativeId == id && !c.IsArchived)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var measures = await db.Set<Measure>().AsNoTracking().Include(m => m.Points).Where(m => m.InitiativeId == id && !m.IsArchived)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var cycles = await db.Set<PdsaCycle>().AsNoTracking().Where(c => c.InitiativeId == id && !c.IsArchived)
            .OrderBy(c => c.StartDate).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        var services = await db.Set<InitiativeService>().AsNoTracking().Where(s => s.InitiativeId == id)
            .OrderBy(s => s.Service.Name).Select(s => new ServiceRef(s.ServiceId, s.Service.Name, s.Service.Organization.Name, s.Created)).ToListAsync(ct);

        var numbers = cycles.Select((c, n) => (c.Id, n + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var cycleViews = cycles.Select(c => new CycleView(c, numbers[c.Id], measures.FirstOrDefault(m => m.Id == c.MeasureId)?.Name,
            c.PreviousCycleId is { } p && numbers.TryGetValue(p, out var pn) ? pn : null)).ToList();
        var measureViews = measures.Select(m => new MeasureView(m, RunChartView.Build($"chart-{m.Id:N}", m, m.Points,
                cycleViews.Where(c => c.Cycle.MeasureId is null || c.Cycle.MeasureId == m.Id)
                    .Select(c => new RunChartView.Cycle(c.Cycle.StartDate, c.Cycle.Title, c.Number)).ToList(), t), m.Points.Count))
            .ToList();
        return new InitiativeData
        {
            Initiative = i.Initiative,
            Owner = i.Owner,
            Participants = participants.Select(p => (p.OrganizationId, p.Name)).ToList(),
            Needs = needs,
            Causes = causes,
            Measures = measureViews,
            Cycles = cycleViews,
            Services = services,
        };
    }

    /// <summary>The audit log of the initiative and everything in it, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> HistoryAsync(SamlaDbContext db, InitiativeData data, int take, CancellationToken ct)
    {
        var ids = new List<string> { data.Initiative.Id.ToString() };
        ids.AddRange(data.Measures.Select(m => m.Measure.Id.ToString()));
        ids.AddRange(data.Cycles.Select(c => c.Cycle.Id.ToString()));
        ids.AddRange(data.Causes.Select(c => c.Id.ToString()));
        string[] types = [nameof(Initiative), nameof(Measure), nameof(PdsaCycle), nameof(InitiativeCause)];
        return await db.AuditEntries.AsNoTracking()
            .Where(a => types.Contains(a.EntityType) && ids.Contains(a.EntityId))
            .OrderByDescending(a => a.Id).Take(take)
            .Select(a => new HistoryRow(a.Timestamp, a.UserName, a.EntityType, a.Action, a.FieldName, a.NewValue))
            .ToListAsync(ct);
    }

    public static string Markdown(string? text) => Infrastructure.SafeMarkdown.ToHtml(text);
}
