using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MiniExcelLibs;
using Samla.Web.Data;

namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// Samla's one-sheet template (CSV or XLSX): one row per service, lists separated by semicolons. The columns are
/// described on the import page (ExchangeText "Column_*"). Rows without an id get one derived from organisation
/// and name, so that importing the same sheet again updates rather than duplicates.
/// </summary>
public static class ServiceTemplate
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "organization_id", "organization_name", "name", "description", "status", "url", "email", "application_process",
        "fees_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "target_groups", "age_groups",
        "mhpss_layer", "activity_categories", "cost", "access_modes", "municipalities", "languages", "phone", "address",
        "postal_code", "city", "schedule_days", "opens_at", "closes_at",
    ];

    public static readonly IReadOnlyDictionary<string, string> Example = new Dictionary<string, string>
    {
        ["id"] = "", ["organization_id"] = "", ["organization_name"] = "Exempelföreningen", ["name"] = "Språkcafé på biblioteket",
        ["description"] = "Öva svenska under avslappnade former med frivilliga samtalsledare.", ["status"] = "active",
        ["url"] = "https://exempel.se/sprakcafe", ["email"] = "info@exempel.se", ["application_process"] = "Kom när du vill.",
        ["fees_description"] = "", ["minimum_age"] = "16", ["maximum_age"] = "", ["assured_date"] = "2026-05-12",
        ["assurer_email"] = "processledare@exempel.se", ["target_groups"] = "refugees;newly-arrived", ["age_groups"] = "youth;adults",
        ["mhpss_layer"] = "2", ["activity_categories"] = "social-networks;meeting-places", ["cost"] = "free", ["access_modes"] = "drop-in",
        ["municipalities"] = "1380;1315", ["languages"] = "sv;ar;ti", ["phone"] = "035-12 34 56", ["address"] = "Stora torg 1",
        ["postal_code"] = "302 31", ["city"] = "Halmstad", ["schedule_days"] = "TU;TH", ["opens_at"] = "13:00", ["closes_at"] = "16:00",
    };

    public static byte[] EmptyCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvText.WriteRow(text, Columns);
        CsvText.WriteRow(text, Columns.Select(c => Example[c]));
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    public static byte[] EmptyXlsx()
    {
        using var stream = new MemoryStream();
        var row = Columns.ToDictionary(c => c, c => (object)Example[c]);
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportLookups lookups, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        var isXlsx = !File.Exists(path) || IsZip(path);
        foreach (var (line, row) in isXlsx ? ReadXlsx(path) : ReadCsv(path))
        {
            ct.ThrowIfCancellationRequested();
            yield return ToRecord(line, row, lookups);
        }
    }

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var f = File.OpenRead(path);
        return f.Read(head) == 2 && head[0] == 'P' && head[1] == 'K';
    }

    private static IEnumerable<(int Line, Dictionary<string, string> Row)> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, true));
        var firstLine = reader.ReadLine() ?? "";
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        foreach (var (line, row) in CsvText.Read(reader, delimiter))
        {
            foreach (var key in row.Keys.ToList()) row[key] = row[key].Trim();
            if (row.Values.All(v => v.Length == 0)) continue;
            yield return (line, row);
        }
    }

    private static IEnumerable<(int Line, Dictionary<string, string> Row)> ReadXlsx(string path)
    {
        var line = 1;
        foreach (IDictionary<string, object?> cells in Workbook(path))
        {
            line++;
            var row = cells.ToDictionary(c => c.Key.Trim(), c => c.Value switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString()?.Trim() ?? "",
            }, StringComparer.Ordinal);
            if (row.Values.All(v => v.Length == 0)) continue;
            yield return (line, row);
        }
    }

    /// <summary>
    /// The rows as MiniExcel reads them; a workbook it cannot make sense of (a part missing or broken: it then throws
    /// whatever it meets, a NullReferenceException included) is reported as a broken file, not as an error of Samla.
    /// </summary>
    private static IEnumerable<object> Workbook(string path)
    {
        using var rows = MiniExcel.Query(path, useHeaderRow: true).GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new InvalidDataException("The workbook cannot be read: " + ex.Message, ex);
            }
            yield return rows.Current;
        }
    }

    private static ImportRecord ToRecord(int line, Dictionary<string, string> row, ImportLookups lookups)
    {
        var problems = new List<ImportProblem>();
        string Get(string column) => row.TryGetValue(column, out var v) ? v : "";
        int? Int(string column)
        {
            var text = Get(column);
            if (text.Length == 0) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            problems.Add(new ImportProblem(null, line, false, column, "Problem_CellValue", text));
            return null;
        }
        Guid? Id(string column)
        {
            var text = Get(column);
            if (text.Length == 0) return null;
            if (Guid.TryParse(text, out var g)) return g;
            problems.Add(new ImportProblem(null, line, false, column, "Problem_CellValue", text));
            return null;
        }
        static IEnumerable<string> List(string text) => text.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        if (!row.ContainsKey("name")) problems.Add(new ImportProblem(null, line, false, "name", "Problem_MissingColumn"));
        var orgName = Get("organization_name");
        var orgId = Id("organization_id");
        HsdsOrganization? org = null;
        if (orgId is null && orgName.Length > 0)
        {
            if (lookups.OrganizationNames.TryGetValue(orgName, out var known)) orgId = known;
            else org = new HsdsOrganization { Id = ReferenceData.StableId("template-organization", orgName.ToLowerInvariant()), Name = orgName, Description = "" };
        }
        var name = Get("name");
        var id = Id("id") ?? ReferenceData.StableId("template-service", $"{orgId ?? org?.Id}/{name.ToLowerInvariant()}");
        var dto = new HsdsService
        {
            Id = id, OrganizationId = orgId, Organization = org, Name = name, Description = Get("description"),
            Status = Get("status") is { Length: > 0 } status ? status : ServiceStatus.Active,
            Url = Null(Get("url")), Email = Null(Get("email")), ApplicationProcess = Null(Get("application_process")),
            FeesDescription = Null(Get("fees_description")), MinimumAge = Int("minimum_age"), MaximumAge = Int("maximum_age"),
            AssuredDate = Null(Get("assured_date")), AssurerEmail = Null(Get("assurer_email")),
            Attributes = [], ServiceAreas = [], Languages = [],
        };
        void Terms(string column, string taxonomy)
        {
            foreach (var code in List(Get(column)))
            {
                dto.Attributes.Add(new HsdsAttribute { TaxonomyTerm = new HsdsTaxonomyTerm { Taxonomy = taxonomy, Code = code } });
            }
        }
        Terms("target_groups", ReferenceData.TargetGroups);
        Terms("age_groups", ReferenceData.AgeGroups);
        Terms("mhpss_layer", ReferenceData.MhpssLayers);
        Terms("activity_categories", ReferenceData.ActivityCategories);
        Terms("cost", ReferenceData.Costs);
        Terms("access_modes", ReferenceData.AccessModes);
        foreach (var m in List(Get("municipalities")))
        {
            var code = lookups.Municipalities.ContainsKey(m) ? m
                : lookups.Municipalities.FirstOrDefault(x => string.Equals(x.Value, m, StringComparison.OrdinalIgnoreCase)).Key ?? m;
            dto.ServiceAreas.Add(new HsdsServiceArea { Extent = code, ExtentType = "text", Uri = HsdsMapping.MunicipalityUriPrefix + code });
        }
        foreach (var l in List(Get("languages"))) dto.Languages.Add(new HsdsLanguage { Code = l });
        if (Get("phone") is { Length: > 0 } phone) dto.Phones = [new HsdsPhone { Number = phone, Type = "voice" }];
        if (Get("address") is { Length: > 0 } address)
        {
            var locationId = ReferenceData.StableId("template-location", id.ToString());
            dto.ServiceAtLocations =
            [
                new HsdsServiceAtLocation
                {
                    LocationId = locationId,
                    Location = new HsdsLocation
                    {
                        Id = locationId, LocationType = "physical", Name = name, OrganizationId = orgId ?? org?.Id,
                        Addresses = [new HsdsAddress { Address1 = address, PostalCode = Get("postal_code"), City = Get("city"), StateProvince = Get("city"), Country = "SE", AddressType = "physical" }],
                    },
                },
            ];
        }
        if (Get("schedule_days") is { Length: > 0 } days)
        {
            dto.Schedules =
            [
                new HsdsSchedule
                {
                    Freq = "WEEKLY", Interval = 1, Byday = string.Join(',', List(days).Select(d => d.ToUpperInvariant())),
                    OpensAt = Null(Get("opens_at")), ClosesAt = Null(Get("closes_at")), Timezone = "Europe/Stockholm", AttendingType = "in person",
                },
            ];
        }
        return new ImportRecord(line, false, problems.Count == 0 ? dto : null, problems);
    }

    private static string? Null(string text) => text.Length == 0 ? null : text;
}
