using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Core;

/// <summary>The public rule, in memory and as the expression queries use.</summary>
public sealed class PublicVisibilityTests
{
    private static Service Make(bool published, string status, bool orgActive) => new()
    {
        Name = "Tjänst", Description = "", IsPublished = published, Status = status,
        Organization = new Organization { Name = "Org", Description = "", IsActive = orgActive },
    };

    [Theory]
    [InlineData(true, ServiceStatus.Active, true, true)]
    [InlineData(false, ServiceStatus.Active, true, false)]
    [InlineData(true, ServiceStatus.Inactive, true, false)]
    [InlineData(true, ServiceStatus.Active, false, false)]
    public void A_service_is_public_only_when_published_active_and_of_an_active_organisation(bool published, string status, bool orgActive, bool expected)
    {
        var service = Make(published, status, orgActive);
        Assert.Equal(expected, service.IsPublic());
        Assert.Equal(expected, new[] { service }.AsQueryable().WherePublic().Any());
        Assert.Equal(expected, new[] { service }.AsQueryable().Count(PublicVisibility.Rule) == 1);
    }
}
