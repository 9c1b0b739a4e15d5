using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Samla.Web.Core;

/// <summary>
/// The one way cleanup jobs delete rows that have run out (sessions, previewed uploads, change-feed rows, failed
/// sign-ins): oldest first, a batch per statement, so a large backlog never holds one long lock or one huge transaction
/// while requests write to the same table.
/// </summary>
public static class ExpiredRows
{
    public const int DefaultBatchSize = 1_000;

    /// <summary>Deletes every row of <paramref name="expired"/>, <paramref name="batchSize"/> at a time in order of <paramref name="oldestFirst"/>; returns how many.</summary>
    public static async Task<int> DeleteInBatchesAsync<T, TKey>(IQueryable<T> expired, Expression<Func<T, TKey>> oldestFirst,
        CancellationToken ct, int batchSize = DefaultBatchSize)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var total = 0;
        while (true)
        {
            var deleted = await expired.OrderBy(oldestFirst).Take(batchSize).ExecuteDeleteAsync(ct);
            total += deleted;
            if (deleted < batchSize) return total;
        }
    }
}
