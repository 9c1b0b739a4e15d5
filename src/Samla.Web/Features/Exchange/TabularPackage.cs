using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Samla.Web.Features.Exchange.Import;

namespace Samla.Web.Features.Exchange;

/// <summary>HSDS tabular data package (datapackage.json and one CSV per table, as in HSDS 3.0's examples/csv), read and written.</summary>
public static class TabularPackage
{
    public const string DescriptorName = "datapackage.json";
    private static readonly UTF8Encoding Utf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Rows of one table, read from a folder or a zip; each with its line number.</summary>
    private sealed class Table(string file)
    {
        public string File { get; } = file;
        public List<(int Line, T Item)> Read<T>(Func<string, Stream?> open, List<ImportProblem> problems) where T : new()
        {
            var rows = new List<(int, T)>();
            using var stream = open(File);
            if (stream is null) return rows;
            using var reader = new StreamReader(stream, Utf8);
            var columns = CsvColumns.Of<T>();
            var line = 1;
            try
            {
                foreach (var (row, cells) in CsvText.Read(reader, ','))
                {
                    line = row;
                    var item = new T();
                    foreach (var (name, property) in columns)
                    {
                        if (!cells.TryGetValue(name, out var text)) continue;
                        if (CsvColumns.TryParse(text.Trim(), property.PropertyType, out var value)) property.SetValue(item, value);
                        else problems.Add(new ImportProblem(File, row, false, name, "Problem_CellValue", text));
                    }
                    rows.Add((row, item));
                }
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new ImportProblem(File, line + 1, false, null, "Problem_NotUtf8"));
            }
            catch (Sylvan.Data.Csv.CsvFormatException)
            {
                problems.Add(new ImportProblem(File, line + 1, false, null, "Problem_BrokenCsv"));
            }
            return rows;
        }
    }

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportLookups lookups, [EnumeratorCancellation] CancellationToken ct,
        long maxUnpackedBytes = long.MaxValue)
    {
        await Task.Yield();
        ZipArchive? zip = System.IO.Directory.Exists(path) ? null : ZipFile.OpenRead(path);
        try
        {
            var prefix = zip?.Entries.First(e => e.Name == DescriptorName).FullName[..^DescriptorName.Length] ?? "";
            Stream? Open(string file)
            {
                if (zip is null) return File.Exists(Path.Combine(path, file)) ? File.OpenRead(Path.Combine(path, file)) : null;
                // Counted as it unpacks: a zip bomb stops at the limit whatever its headers claim.
                return zip.GetEntry(prefix + file)?.Open() is { } entry ? new LimitedReadStream(entry, maxUnpackedBytes) : null;
            }
            var problems = new List<ImportProblem>();
            var services = new Table("services.csv").Read<HsdsService>(Open, problems);
            var orgs = new Table("organizations.csv").Read<HsdsOrganization>(Open, problems).ToDictionary(r => r.Item.Id, r => r.Item);
            var taxonomies = new Table("taxonomies.csv").Read<HsdsTaxonomy>(Open, problems).ToDictionary(r => r.Item.Id, r => r.Item.Name);
            var terms = new Table("taxonomy_terms.csv").Read<HsdsTaxonomyTerm>(Open, problems).ToDictionary(r => r.Item.Id, r => r.Item);
            var locations = new Table("locations.csv").Read<HsdsLocation>(Open, problems).ToDictionary(r => r.Item.Id, r => r.Item);
            foreach (var (_, a) in new Table("addresses.csv").Read<HsdsAddress>(Open, problems))
            {
                if (a.LocationId is { } l && locations.TryGetValue(l, out var loc)) (loc.Addresses ??= []).Add(a);
            }
            var byService = services.Select(s => s.Item).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
            var contacts = new Dictionary<Guid, HsdsContact>();
            foreach (var (line, c) in new Table("contacts.csv").Read<HsdsContact>(Open, problems))
            {
                contacts[c.Id] = c;
                if (c.ServiceId is { } sid && byService.TryGetValue(sid, out var s)) (s.Contacts ??= []).Add(c);
                else if (c.OrganizationId is { } oid && orgs.TryGetValue(oid, out var o)) (o.Contacts ??= []).Add(c);
                else problems.Add(new ImportProblem("contacts.csv", line, false, "service_id", "Problem_UnknownParent"));
            }
            foreach (var (line, p) in new Table("phones.csv").Read<HsdsPhone>(Open, problems))
            {
                if (p.ContactId is { } cid && contacts.TryGetValue(cid, out var c)) (c.Phones ??= []).Add(p);
                else if (p.ServiceId is { } sid && byService.TryGetValue(sid, out var s)) (s.Phones ??= []).Add(p);
                else if (p.OrganizationId is { } oid && orgs.TryGetValue(oid, out var o)) (o.Phones ??= []).Add(p);
                else problems.Add(new ImportProblem("phones.csv", line, false, "service_id", "Problem_UnknownParent"));
            }
            void Attach<T>(string file, Func<T, Guid?> parent, Action<HsdsService, T> add) where T : new()
            {
                foreach (var (line, item) in new Table(file).Read<T>(Open, problems))
                {
                    if (parent(item) is { } sid && byService.TryGetValue(sid, out var s)) add(s, item);
                    else problems.Add(new ImportProblem(file, line, false, "service_id", "Problem_UnknownParent"));
                }
            }
            Attach<HsdsServiceArea>("service_areas.csv", x => x.ServiceId, (s, x) => (s.ServiceAreas ??= []).Add(x));
            Attach<HsdsLanguage>("languages.csv", x => x.ServiceId, (s, x) => (s.Languages ??= []).Add(x));
            Attach<HsdsSchedule>("schedules.csv", x => x.ServiceId, (s, x) => (s.Schedules ??= []).Add(x));
            Attach<HsdsServiceAtLocation>("service_at_location.csv", x => x.ServiceId, (s, x) =>
            {
                if (x.LocationId is { } l && locations.TryGetValue(l, out var loc)) x.Location = loc;
                (s.ServiceAtLocations ??= []).Add(x);
            });
            Attach<HsdsAttribute>("attributes.csv", x => x.LinkId, (s, x) =>
            {
                // Terms are matched by (taxonomy, code) as PROFILE.md asks; the term's id in this file need not be ours.
                if (x.TaxonomyTermId is { } tid && terms.TryGetValue(tid, out var term))
                {
                    var taxonomy = term.Taxonomy ?? (term.TaxonomyId is { } t ? taxonomies.GetValueOrDefault(t) : null);
                    x.TaxonomyTerm = new HsdsTaxonomyTerm { Id = tid, Code = term.Code, Taxonomy = taxonomy };
                }
                (s.Attributes ??= []).Add(x);
            });

            foreach (var p in problems) yield return new ImportRecord(p.Line, false, null, [p], p.File);
            foreach (var (line, s) in services)
            {
                ct.ThrowIfCancellationRequested();
                if (s.OrganizationId is { } oid && orgs.TryGetValue(oid, out var org)) s.Organization = org;
                yield return new ImportRecord(line, false, s, [], "services.csv");
            }
        }
        finally
        {
            zip?.Dispose();
        }
    }

    private static readonly string[] Tables =
    [
        "organizations", "services", "service_areas", "languages", "attributes", "taxonomies", "taxonomy_terms",
        "service_at_location", "locations", "addresses", "contacts", "phones", "schedules",
    ];

    /// <summary>Writes services (with their organisations, locations and the taxonomies) as a data package folder.</summary>
    public sealed class Writer : IAsyncDisposable
    {
        private readonly Dictionary<string, StreamWriter> _writers = [];
        private readonly HashSet<Guid> _orgs = [];
        private readonly HashSet<Guid> _locations = [];

        public Writer(string folder, IEnumerable<HsdsTaxonomy> taxonomies, IEnumerable<HsdsTaxonomyTerm> terms)
        {
            System.IO.Directory.CreateDirectory(folder);
            foreach (var t in Tables)
            {
                _writers[t] = new StreamWriter(Path.Combine(folder, t + ".csv"), false, new UTF8Encoding(false));
            }
            Header<HsdsOrganization>("organizations"); Header<HsdsService>("services"); Header<HsdsServiceArea>("service_areas");
            Header<HsdsLanguage>("languages"); Header<HsdsAttribute>("attributes"); Header<HsdsTaxonomy>("taxonomies");
            Header<HsdsTaxonomyTerm>("taxonomy_terms"); Header<HsdsServiceAtLocation>("service_at_location"); Header<HsdsLocation>("locations");
            Header<HsdsAddress>("addresses"); Header<HsdsContact>("contacts"); Header<HsdsPhone>("phones"); Header<HsdsSchedule>("schedules");
            foreach (var t in taxonomies) Row("taxonomies", t);
            foreach (var t in terms) Row("taxonomy_terms", t);
            File.WriteAllText(Path.Combine(folder, DescriptorName), Descriptor(), new UTF8Encoding(false));
        }

        private void Header<T>(string table)
        {
            CsvText.WriteRow(_writers[table], CsvColumns.Of<T>().Select(c => c.Name));
        }

        private void Row<T>(string table, T item)
        {
            CsvText.WriteRow(_writers[table], CsvColumns.Of<T>().Select(c => CsvColumns.Format(c.Property.GetValue(item))));
        }

        public void Add(HsdsService s)
        {
            if (s.Organization is { } org && _orgs.Add(org.Id))
            {
                Row("organizations", org);
                foreach (var c in org.Contacts ?? []) Contact(c);
                foreach (var p in org.Phones ?? []) Row("phones", p);
            }
            Row("services", s);
            foreach (var a in s.ServiceAreas ?? []) Row("service_areas", a);
            foreach (var l in s.Languages ?? []) Row("languages", l);
            foreach (var a in s.Attributes ?? []) Row("attributes", a);
            foreach (var x in s.ServiceAtLocations ?? [])
            {
                Row("service_at_location", x);
                if (x.Location is { } loc && _locations.Add(loc.Id))
                {
                    Row("locations", loc);
                    foreach (var a in loc.Addresses ?? []) Row("addresses", a);
                }
            }
            foreach (var c in s.Contacts ?? []) Contact(c);
            foreach (var p in s.Phones ?? []) Row("phones", p);
            foreach (var x in s.Schedules ?? []) Row("schedules", x);
        }

        private void Contact(HsdsContact c)
        {
            Row("contacts", c);
            foreach (var p in c.Phones ?? []) Row("phones", p);
        }

        private static string Descriptor()
        {
            static object Fields<T>() => new { fields = CsvColumns.Of<T>().Select(c => new { name = c.Name, type = "string" }).ToList() };
            var schemas = new Dictionary<string, object>
            {
                ["organizations"] = Fields<HsdsOrganization>(), ["services"] = Fields<HsdsService>(), ["service_areas"] = Fields<HsdsServiceArea>(),
                ["languages"] = Fields<HsdsLanguage>(), ["attributes"] = Fields<HsdsAttribute>(), ["taxonomies"] = Fields<HsdsTaxonomy>(),
                ["taxonomy_terms"] = Fields<HsdsTaxonomyTerm>(), ["service_at_location"] = Fields<HsdsServiceAtLocation>(),
                ["locations"] = Fields<HsdsLocation>(), ["addresses"] = Fields<HsdsAddress>(), ["contacts"] = Fields<HsdsContact>(),
                ["phones"] = Fields<HsdsPhone>(), ["schedules"] = Fields<HsdsSchedule>(),
            };
            var package = new
            {
                name = "samla-hsds",
                profile = "tabular-data-package",
                resources = Tables.Select(t => new { name = t, path = t + ".csv", profile = "tabular-data-resource", format = "csv", mediatype = "text/csv", encoding = "utf-8", schema = schemas[t] }),
            };
            return JsonSerializer.Serialize(package, HsdsJson.Indented);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var w in _writers.Values) await w.DisposeAsync();
        }

        /// <summary>Packs the folder into a zip with fixed entry times, so that the same data gives the same bytes.</summary>
        public static void Zip(string folder, string zipPath)
        {
            using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
            foreach (var file in System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var target = entry.Open();
                using var source = File.OpenRead(file);
                source.CopyTo(target);
            }
        }
    }
}
