using System.Linq.Expressions;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>The one rule for what anyone, signed in or not, may see of the directory.</summary>
public static class PublicVisibility
{
    /// <summary>What anyone may see: published, active services of active organisations.</summary>
    private static readonly Expression<Func<Service, bool>> Public = s => s.IsPublished && s.Status == ServiceStatus.Active && s.Organization.IsActive;
    private static readonly Func<Service, bool> PublicCheck = Public.Compile();

    public static IQueryable<Service> WherePublic(this IQueryable<Service> services) => services.Where(Public);

    /// <summary>The same rule for a loaded service (its <see cref="Service.Organization"/> included).</summary>
    public static bool IsPublic(this Service service) => PublicCheck(service);
}
