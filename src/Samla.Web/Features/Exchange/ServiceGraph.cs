using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

/// <summary>What a full HSDS service is made of, for the API, the export and the import's change detection.</summary>
public static class ServiceGraph
{
    /// <summary>Every navigation of a full HSDS service, loaded with split queries.</summary>
    public static IQueryable<Service> WithGraph(this IQueryable<Service> services) => services
        .Include(s => s.Organization).ThenInclude(o => o.Contacts).ThenInclude(c => c.Phones)
        .Include(s => s.Organization).ThenInclude(o => o.Phones)
        .Include(s => s.ServiceAreas).Include(s => s.Languages).Include(s => s.Attributes)
        .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location).ThenInclude(l => l.Addresses)
        .Include(s => s.Contacts).ThenInclude(c => c.Phones)
        .Include(s => s.Phones).Include(s => s.Schedules)
        .AsSplitQuery();
}
