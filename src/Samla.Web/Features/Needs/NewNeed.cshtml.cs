using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Needs;

/// <summary>Records a need. Editors raise it for one of their organisations; coordinators and administrators for any.</summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.Coordinator},{Roles.Editor}")]
public sealed class NewNeedModel(SamlaDbContext db, TermCatalogCache termCatalog, OrganizationAccess access, IOptions<SamlaOptions> options, IStringLocalizer<NeedsText> t) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "lan")]
    public string? County { get; set; } = options.Value.CountyCode;

    public NeedChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Choices.Organizations.Count == 0) return Forbid();
        // No guess at the severity either: it weighs most in the priority, so the person chooses it.
        // No guess: "Registrerat av" starts at "Välj…" unless there is only one organisation to choose.
        if (Choices.Organizations.Count == 1) Input.RaisedBy = Choices.Organizations[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Choices.Organizations.Count == 0) return Forbid();
        Validate();
        if (!ModelState.IsValid) return Page();

        var need = new Need
        {
            Title = Input.Title!.Trim(),
            Description = Input.Description?.Trim() ?? "",
            RaisedByOrganizationId = Input.RaisedBy!.Value,
            TargetGroups = Input.TargetGroups.Where(c => Choices.TargetGroups.Any(v => v.Code == c)).Distinct().ToList(),
            AgeGroups = Input.AgeGroups.Where(c => Choices.AgeGroups.Any(v => v.Code == c)).Distinct().ToList(),
            MunicipalityCodes = Input.Municipalities.Where(c => Choices.Municipalities.Any(v => v.Code == c)).Distinct().ToList(),
            CountyCode = County ?? options.Value.CountyCode,
            EvidenceSource = string.IsNullOrWhiteSpace(Input.EvidenceSource) ? null : Input.EvidenceSource.Trim(),
            EvidenceDate = Input.EvidenceDate,
            Severity = Input.Severity!.Value,
            PeopleAffected = Input.PeopleAffected,
            Status = NeedStatus.Identified,
            CreatedBy = User.Identity?.Name ?? "",
        };
        db.Add(need);
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/behov/{need.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (County is not { Length: 2 } || !County.All(char.IsAsciiDigit)) County = options.Value.CountyCode;
        Choices = await NeedChoices.LoadAsync(db, termCatalog, access, User, County, ct);
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddModelError("Input.Title", t["TitleRequired"]);
        else if (Input.Title.Length > 300) ModelState.AddModelError("Input.Title", t["TitleTooLong"]);
        if (Input.RaisedBy is null || Choices.Organizations.All(o => o.Id != Input.RaisedBy))
        {
            ModelState.AddModelError("Input.RaisedBy", t["RaisedByInvalid"]);
        }
        if (Input.Severity is not (>= 1 and <= 5)) ModelState.AddModelError("Input.Severity", t["SeverityInvalid"]);
        if (Input.PeopleAffected is < 0 or > 10_000_000) ModelState.AddModelError("Input.PeopleAffected", t["PeopleInvalid"]);
        if (Input.Description?.Length > 20_000) ModelState.AddModelError("Input.Description", t["DescriptionTooLong"]);
    }
}
