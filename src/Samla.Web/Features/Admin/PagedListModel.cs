using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Samla.Web.Features.Admin;

/// <summary>
/// A staff list page (/admin/logg, /admin/utskick): filters in the query string, <see cref="PageSize"/> rows a page
/// (<c>?sida=</c>, clamped to the pages there are), and page links that keep the filters.
/// </summary>
public abstract class PagedListModel : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The query string of page <paramref name="page"/> with the current filters (empty ones left out).</summary>
    public string PageLink(int page) => QueryString.Create(Filters()
        .Append(new("sida", page.ToString(CultureInfo.InvariantCulture)))
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    /// <summary>The page's filters as they stand in its query string.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> Filters();

    /// <summary>Counts the filtered rows, clamps <see cref="PageNumber"/> to the pages there are, and reads that page.</summary>
    protected async Task<List<TRow>> PageAsync<T, TRow>(IQueryable<T> filtered, Func<IQueryable<T>, IQueryable<TRow>> orderedRows, CancellationToken ct)
    {
        Total = await filtered.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        return await orderedRows(filtered).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
