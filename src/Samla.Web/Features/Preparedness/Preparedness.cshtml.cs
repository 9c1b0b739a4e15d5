using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Preparedness;

/// <summary>
/// Preparedness for coordinators: who can scale up, where, for whom, in which languages, with what capacity
/// and lead time; totals per municipality; process leaders to call; the preparedness-mode switch.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class PreparednessModel(SamlaDbContext db, TermCatalogCache termCatalog, FindSurgeServices surge, PreparednessMode mode, IOptions<SamlaOptions> options,
    IStringLocalizer<PreparednessText> t) : PageModel
{
    public sealed record Total(string Code, string Name, int Services, int Capacity, int? FastestDays);

    public sealed record ProcessLeader(string Organization, string? Name, string? Title, string? Email, IReadOnlyList<string> Phones);

    [BindProperty(SupportsGet = true, Name = "lan")]
    public string? County { get; set; } = options.Value.CountyCode;

    /// <summary>The directory's county: links leave it out.</summary>
    public string DefaultCounty => options.Value.CountyCode;

    public IReadOnlyList<SurgeService> Services { get; private set; } = [];
    public IReadOnlyList<Total> Totals { get; private set; } = [];
    public IReadOnlyList<ProcessLeader> Leaders { get; private set; } = [];
    public IReadOnlyDictionary<string, string> MunicipalityNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> TargetGroupNames { get; private set; } = new Dictionary<string, string>();
    public bool ModeOn { get; private set; }
    public (DateTime When, string Who)? LastChange { get; private set; }
    public BarChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Request.Query.ContainsKey("utskrift")) ViewData["BodyClass"] = "print-view";
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        format = (format ?? "csv").ToLowerInvariant();
        if (!ExportTable.IsKnownFormat(format)) return BadRequest();
        await LoadAsync(ct);
        var table = new ExportTable("preparedness-" + County, "preparedness",
            ["service", "organization", "surge_capacity_per_week", "lead_time_days", "municipalities", "target_groups", "languages", "stale"],
            Services.Select(s => (IReadOnlyList<object?>)[s.Name, s.Organization, s.SurgeCapacity, s.LeadTimeDays, Names(s.Municipalities, MunicipalityNames),
                Names(s.TargetGroups, TargetGroupNames), string.Join(", ", s.Languages.Select(l => ContentText.LanguageName(l))), s.IsStale]).ToList());
        var result = await table.ToResultAsync(format, ct);
        return new HttpResultActionResult(result);
    }

    public async Task<IActionResult> OnPostModeAsync(bool on, CancellationToken ct)
    {
        await mode.SetAsync(on, ct);
        var county = County is { Length: 2 } c && c.All(char.IsAsciiDigit) ? c : DefaultCounty;
        return Redirect("/samordning/beredskap" + (county == DefaultCounty ? "" : "?lan=" + county));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (County is not { Length: 2 } || !County.All(char.IsAsciiDigit)) County = DefaultCounty;
        ModeOn = await mode.IsOnAsync(ct);
        LastChange = await mode.LastChangeAsync(ct);
        Services = await surge.RunAsync(County, ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == County).OrderBy(m => m.Name)
            .Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        MunicipalityNames = municipalities.ToDictionary(m => m.Code, m => m.Name);
        var terms = (await termCatalog.GetAsync(ct)).Of(ReferenceData.TargetGroups);
        TargetGroupNames = terms.ToDictionary(x => x.Code, ContentText.TermName);
        Totals = municipalities.Select(m =>
        {
            var here = Services.Where(s => s.Municipalities.Contains(m.Code)).ToList();
            return new Total(m.Code, m.Name, here.Count, here.Sum(s => s.SurgeCapacity), here.Min(s => s.LeadTimeDays));
        }).ToList();

        var leaders = await db.Contacts.AsNoTracking()
            .Where(c => c.Role == ContactRole.ProcessLeader && c.Organization != null && c.Organization.IsActive)
            .OrderBy(c => c.Organization!.Name)
            .Select(c => new { Org = c.Organization!.Name, c.Name, c.Title, c.Email, Phones = c.Phones.Select(p => p.Number).ToList() })
            .ToListAsync(ct);
        Leaders = leaders.Select(l => new ProcessLeader(l.Org, l.Name, l.Title, l.Email, l.Phones)).ToList();

        Chart = new BarChart("chart-surge", t["ChartTitle"], t["ChartDescription"], t["Municipality"],
            [new BarSeries(t["SurgeCapacity"], "series-active")],
            Totals.Select(x => new BarItem(x.Name, [x.Capacity])).ToList());
    }

    public static string Names(IEnumerable<string> codes, IReadOnlyDictionary<string, string> names) =>
        string.Join(", ", codes.Where(names.ContainsKey).Select(c => names[c]));
}

/// <summary>Lets a page handler return a minimal-API result (the shared CSV/XLSX export).</summary>
internal sealed class HttpResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
