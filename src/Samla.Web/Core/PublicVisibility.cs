using System.Linq.Expressions;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>The one rule for what anyone, signed in or not, may see of the directory: services and organisations.</summary>
public static class PublicVisibility
{
    /// <summary>What anyone may see: published, active services of active organisations.</summary>
    private static readonly Expression<Func<Service, bool>> Public = s => s.IsPublished && s.Status == ServiceStatus.Active && s.Organization.IsActive;
    private static readonly Func<Service, bool> PublicCheck = Public.Compile();

    /// <summary>
    /// The rule as an expression, for queries that need it inside a sub-query or a projection
    /// (<c>db.Services.Where(PublicVisibility.Rule)</c>, <c>o.Services.AsQueryable().Count(PublicVisibility.Rule)</c>).
    /// </summary>
    public static Expression<Func<Service, bool>> Rule => Public;

    public static IQueryable<Service> WherePublic(this IQueryable<Service> services) => services.Where(Public);

    /// <summary>The same rule for a loaded service (its <see cref="Service.Organization"/> included).</summary>
    public static bool IsPublic(this Service service) => PublicCheck(service);

    /// <summary>What anyone may see of organisations: the active ones (with their public services and public contacts).</summary>
    public static IQueryable<Organization> WherePublic(this IQueryable<Organization> organizations) => organizations.Where(o => o.IsActive);
}
