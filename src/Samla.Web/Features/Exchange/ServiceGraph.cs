using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

/// <summary>What a full HSDS service is made of, for the API, the export and the import's change detection.</summary>
public static class ServiceGraph
{
    /// <summary>Services per batch of <see cref="InBatchesAsync(IQueryable{Service}, SamlaDbContext, CancellationToken)"/>.</summary>
    public const int BatchSize = 1000;

    /// <summary>Every navigation of a full HSDS service, loaded with split queries.</summary>
    public static IQueryable<Service> WithGraph(this IQueryable<Service> services) => services
        .Include(s => s.Organization).ThenInclude(o => o.Contacts).ThenInclude(c => c.Phones)
        .Include(s => s.Organization).ThenInclude(o => o.Phones)
        .Include(s => s.ServiceAreas).Include(s => s.Languages).Include(s => s.Attributes)
        .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location).ThenInclude(l => l.Addresses)
        .Include(s => s.Contacts).ThenInclude(c => c.Phones)
        .Include(s => s.Phones).Include(s => s.Schedules)
        .AsSplitQuery();

    /// <summary>
    /// The one batched read of whole services: in id order, a thousand at a time with their graph, so memory stays flat
    /// for any number of services (NDJSON answer, export). Each batch is forgotten by the context before the next.
    /// </summary>
    public static IAsyncEnumerable<IReadOnlyList<Service>> InBatchesAsync(this IQueryable<Service> query, SamlaDbContext db, CancellationToken ct) =>
        query.InBatchesAsync(db, withGraph: true, ct);

    /// <summary>As <see cref="InBatchesAsync(IQueryable{Service}, SamlaDbContext, CancellationToken)"/>; without the graph, the services as the query reads them (an organisation's services).</summary>
    public static async IAsyncEnumerable<IReadOnlyList<Service>> InBatchesAsync(this IQueryable<Service> query, SamlaDbContext db, bool withGraph,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var q = query;
            if (after is { } last) q = q.Where(s => s.Id.CompareTo(last) > 0);
            var page = q.OrderBy(s => s.Id).Take(BatchSize);
            var batch = await (withGraph ? page.WithGraph() : page).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            yield return batch;
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
