using Microsoft.Extensions.Options;

namespace Samla.Web.Core;

/// <summary>Whether a service's information is older than the update cycle (<see cref="SamlaOptions.UpdateCycleMonths"/>).</summary>
public sealed class Freshness(IOptions<SamlaOptions> options, TimeProvider clock)
{
    public int CycleMonths => options.Value.UpdateCycleMonths;

    public DateOnly StaleBefore => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-CycleMonths);

    public bool IsStale(DateOnly? assured) => assured is null || assured < StaleBefore;
}
