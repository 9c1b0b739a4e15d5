using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samla.Web.Data;

/// <summary>
/// Data the app ships with and keeps in step on every start: counties and municipalities (SCB codes,
/// from Data/Reference/*.geojson) and the taxonomies of Samla's HSDS profile.
/// </summary>
public static partial class ReferenceData
{
    public const string TargetGroups = "samla-target-groups";
    public const string AgeGroups = "samla-age-groups";
    public const string MhpssLayers = "iasc-mhpss-layers";
    public const string ActivityCategories = "samla-activity-categories";
    public const string Costs = "samla-costs";
    public const string AccessModes = "samla-access-modes";
    public const string Preparedness = "samla-preparedness";

    public sealed record TermDef(string Code, string Sv, string En, string? Parent = null);

    public sealed record TaxonomyDef(string Name, string Description, IReadOnlyList<TermDef> Terms);

    public static readonly IReadOnlyList<TaxonomyDef> Taxonomies =
    [
        new(TargetGroups, "Målgrupper (Hälsa och migration)",
        [
            new("refugees", "Flyktingar", "Refugees"),
            new("newly-arrived", "Nyanlända", "Newly arrived migrants"),
            new("asylum-seekers", "Asylsökande", "Asylum seekers"),
            new("resettled-refugees", "Kvotflyktingar", "Resettled refugees"),
            new("relatives-of-newly-arrived", "Anhöriga till nyanlända", "Relatives of newly arrived"),
            new("undocumented", "Tillståndslösa (papperslösa)", "Undocumented people"),
        ]),
        new(AgeGroups, "Åldersgrupper",
        [
            new("children", "Barn (0–12 år)", "Children (0–12)"),
            new("youth", "Unga (13–17 år)", "Youth (13–17)"),
            new("adults", "Vuxna (18–64 år)", "Adults (18–64)"),
            new("older-adults", "Äldre (65 år och äldre)", "Older adults (65+)"),
        ]),
        new(MhpssLayers, "IASC:s interventionspyramid för psykosocialt stöd, nivå 1–4",
        [
            new("1", "Nivå 1: Grundläggande tjänster och trygghet", "Layer 1: Basic services and security"),
            new("2", "Nivå 2: Stöd i familj och närsamhälle", "Layer 2: Community and family supports"),
            new("3", "Nivå 3: Riktat icke-specialiserat stöd", "Layer 3: Focused, non-specialised supports"),
            new("4", "Nivå 4: Specialiserade insatser", "Layer 4: Specialised services"),
        ]),
        new(ActivityCategories, "Typ av aktivitet (IASC MHPSS 4W)",
        [
            new("information", "Information och hälsokommunikation", "Information and health communication"),
            new("health-communication", "Hälsokommunikatörer, samhällsorientering med hälsa (SHO+)", "Health communicators, civic orientation with health", "information"),
            new("community-mobilisation", "Stöd till självorganisering och delaktighet", "Community mobilisation and participation"),
            new("community-family-support", "Stärka stöd i familj och närsamhälle", "Community and family support"),
            new("parenting-support", "Föräldrastöd", "Parenting support", "community-family-support"),
            new("social-networks", "Sociala nätverk, språkcaféer, fritid", "Social networks, language cafés, leisure", "community-family-support"),
            new("safe-spaces", "Trygga platser och mötesplatser", "Safe spaces"),
            new("meeting-places", "Mötesplatser", "Meeting places", "safe-spaces"),
            new("education-support", "Psykosocialt stöd i förskola och skola", "Psychosocial support in preschool and school"),
            new("mhpss-in-other-sectors", "Psykosociala hänsyn i andra verksamheter", "Psychosocial considerations in other sectors"),
            new("person-focused-psychosocial", "Individuellt psykosocialt stöd", "Person-focused psychosocial support"),
            new("psychological-first-aid", "Psykologisk första hjälpen", "Psychological first aid", "person-focused-psychosocial"),
            new("stress-reduction", "Stressreducerande aktiviteter", "Stress-reducing activities", "person-focused-psychosocial"),
            new("support-conversations", "Stödsamtal", "Supportive conversations", "person-focused-psychosocial"),
            new("psychological-intervention", "Psykologisk behandling (samtalsbehandling, terapi)", "Psychological treatment"),
            new("clinical-non-specialised", "Vård inom primärvård och elevhälsa", "Care in primary care and school health"),
            new("health-examination", "Hälsoundersökning", "Health examination", "clinical-non-specialised"),
            new("clinical-specialised", "Specialiserad psykiatri och traumavård", "Specialised psychiatry and trauma care"),
            new("capacity-building", "Utbildning och handledning av personal", "Training and supervision of staff"),
        ]),
        new(Costs, "Kostnad",
        [
            new("free", "Kostnadsfritt", "Free of charge"),
            new("fee", "Avgift", "Fee"),
        ]),
        new(AccessModes, "Hur man tar del av stödet",
        [
            new("drop-in", "Drop-in, kom när du vill", "Drop-in"),
            new("booking", "Tidsbokning", "By appointment"),
            new("referral", "Remiss eller hänvisning", "By referral"),
            new("online", "Digitalt", "Online"),
        ]),
        new(Preparedness, "Beredskap vid stort mottagande",
        [
            new("surge-capacity", "Kan ta emot fler (personer per vecka)", "Surge capacity (people per week)"),
            new("surge-lead-time", "Ställtid (dagar)", "Lead time (days)"),
        ]),
    ];

    /// <summary>Stable id for reference rows, so that every installation exports the same HSDS ids.</summary>
    public static Guid StableId(string kind, string key)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"samla:{kind}:{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30); // version 3 (name-based, MD5)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    public static Guid TaxonomyId(string taxonomy) => StableId("taxonomy", taxonomy);

    public static Guid TermId(string taxonomy, string code) => StableId("term", $"{taxonomy}/{code}");

    public static async Task EnsureAsync(SamlaDbContext db, CancellationToken ct = default)
    {
        var auditWas = db.AuditEnabled;
        db.AuditEnabled = false; // reference data is shipped with the app, not edited by anyone
        try
        {
            await EnsureGeographyAsync(db, ct);
            await EnsureTaxonomiesAsync(db, ct);
        }
        finally
        {
            db.AuditEnabled = auditWas;
        }
    }

    private static async Task EnsureGeographyAsync(SamlaDbContext db, CancellationToken ct)
    {
        var counties = await db.Counties.ToDictionaryAsync(c => c.Code, ct);
        foreach (var (code, name) in LoadCounties())
        {
            if (counties.TryGetValue(code, out var c)) c.Name = name;
            else db.Counties.Add(new County { Code = code, Name = name });
        }

        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, ct);
        foreach (var m in LoadMunicipalities())
        {
            if (municipalities.TryGetValue(m.Code, out var existing))
            {
                existing.Name = m.Name;
                existing.CountyCode = m.CountyCode;
                existing.Latitude = m.Latitude;
                existing.Longitude = m.Longitude;
            }
            else
            {
                db.Municipalities.Add(m);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task EnsureTaxonomiesAsync(SamlaDbContext db, CancellationToken ct)
    {
        var taxonomies = await db.Taxonomies.Include(t => t.Terms).ToDictionaryAsync(t => t.Name, ct);
        foreach (var def in Taxonomies)
        {
            if (!taxonomies.TryGetValue(def.Name, out var taxonomy))
            {
                taxonomy = new Taxonomy { Id = TaxonomyId(def.Name), Name = def.Name, Description = def.Description, Version = "1" };
                db.Taxonomies.Add(taxonomy);
            }
            taxonomy.Description = def.Description;
            taxonomy.Uri = $"urn:samla:taxonomy:{def.Name}";
            var order = 0;
            foreach (var t in def.Terms)
            {
                var term = taxonomy.Terms.FirstOrDefault(x => x.Code == t.Code);
                if (term is null)
                {
                    term = new TaxonomyTerm { Id = TermId(def.Name, t.Code), Code = t.Code, Name = t.Sv };
                    taxonomy.Terms.Add(term);
                }
                term.Name = t.Sv;
                term.SortOrder = order++;
                term.ParentId = t.Parent is null ? null : TermId(def.Name, t.Parent);
                var translations = new Dictionary<string, string>(term.Translations);
                foreach (var (lang, name) in TermNames(def.Name, t.Code))
                {
                    if (lang != "sv") translations[lang] = name;
                }
                term.Translations = translations;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static string ReferencePath(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "Reference", file);

    public static IEnumerable<(string Code, string Name)> LoadCounties()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath("swedish_regions.geojson")));
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            yield return (ReadCode(p.GetProperty("l_id"), 2), p.GetProperty("name").GetString()!);
        }
    }

    /// <summary>
    /// SCB's municipality names by code, read once (the file is 800 KB of geography): for checks and labels that need no
    /// entity. <see cref="LoadMunicipalities"/> makes fresh entities for seeding.
    /// </summary>
    public static IReadOnlyDictionary<string, string> MunicipalityNamesByCode => MunicipalityNames.Value;

    private static readonly Lazy<Dictionary<string, string>> MunicipalityNames =
        new(() => LoadMunicipalities().ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal));

    public static IEnumerable<Municipality> LoadMunicipalities()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath("swedish_municipalities.geojson")));
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            var point = p.GetProperty("geo_point_2d");
            yield return new Municipality
            {
                Code = ReadCode(p.GetProperty("id"), 4),
                Name = p.GetProperty("kom_namn").GetString()!,
                CountyCode = ReadCode(p.GetProperty("lan_code"), 2),
                Latitude = point[0].GetDouble(),
                Longitude = point[1].GetDouble(),
            };
        }
    }

    private static string ReadCode(JsonElement e, int width) =>
        (e.ValueKind == JsonValueKind.Number ? e.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : e.GetString()!)
        .PadLeft(width, '0');
}
