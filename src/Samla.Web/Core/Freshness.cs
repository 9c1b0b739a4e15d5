namespace Samla.Web.Core;

/// <summary>Whether a service's information is older than the update cycle (Samla:UpdateCycleMonths, default 6).</summary>
public sealed class Freshness(IConfiguration config, TimeProvider clock)
{
    public int CycleMonths => config.GetValue("Samla:UpdateCycleMonths", 6);

    public DateOnly StaleBefore => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-CycleMonths);

    public bool IsStale(DateOnly? assured) => assured is null || assured < StaleBefore;
}
