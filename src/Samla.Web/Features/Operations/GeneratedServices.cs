using Samla.Web.Data;

namespace Samla.Web.Features.Operations;

/// <summary>Generates realistic services in bulk for load tests (`seed --services N`).</summary>
public static class GeneratedServices
{
    public static Task<int> AddAsync(SamlaDbContext db, int count, CancellationToken ct) => Task.FromResult(0);
}
