using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange;

/// <summary>
/// Writes every service (all statuses, published or not, with every contact) as HSDS: a JSON array, NDJSON,
/// or a tabular data package (a folder, or a zip when OUT ends in .zip). Services in id order, so the
/// same data always gives the same bytes.
/// </summary>
public sealed class ExportHsdsData(SamlaDbContext db, TermCatalogCache termCatalog)
{
    public static readonly IReadOnlyList<string> Formats = ["hsds-json", "ndjson", "csv"];

    public async Task<int> RunAsync(string format, string output, CancellationToken ct)
    {
        var terms = await termCatalog.GetAsync(ct);
        switch (format)
        {
            case "ndjson":
            {
                await using var file = File.Create(output);
                await HsdsApi.WriteNdjsonAsync(db, db.Services.AsNoTracking(), terms, HsdsWriteOptions.Export, file, ct);
                break;
            }
            case "hsds-json":
            {
                await using var file = File.Create(output);
                var first = true;
                file.Write("["u8);
                await foreach (var s in AllAsync(terms, ct))
                {
                    file.Write(first ? "\n"u8 : ",\n"u8);
                    first = false;
                    await JsonSerializer.SerializeAsync(file, s, HsdsJson.Options, ct);
                }
                file.Write("\n]\n"u8);
                break;
            }
            default:
            {
                var zip = output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
                var folder = zip ? Path.Combine(Path.GetTempPath(), "samla-export-" + Guid.NewGuid().ToString("N")) : output;
                try
                {
                    var taxonomies = await db.Taxonomies.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
                    var writer = new TabularPackage.Writer(folder, taxonomies.Select(HsdsMapping.ToHsds),
                        terms.All.OrderBy(t => t.Taxonomy.Name, StringComparer.Ordinal).ThenBy(t => t.SortOrder).Select(t => HsdsMapping.ToHsds(t, null)));
                    await using (writer)
                    {
                        await foreach (var s in AllAsync(terms, ct)) writer.Add(s);
                    }
                    if (zip)
                    {
                        File.Delete(output);
                        TabularPackage.Writer.Zip(folder, output);
                    }
                }
                finally
                {
                    if (zip && System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
                }
                break;
            }
        }
        return await db.Services.CountAsync(ct);
    }

    private async IAsyncEnumerable<HsdsService> AllAsync(TermCatalog terms, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in db.Services.AsNoTracking().InBatchesAsync(db, ct))
        {
            foreach (var s in batch) yield return HsdsMapping.ToHsds(s, terms, HsdsWriteOptions.Export);
        }
    }

}
