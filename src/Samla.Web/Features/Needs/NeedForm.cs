using Microsoft.EntityFrameworkCore;
using Samla.Web.Data;
using Samla.Web.Features.Coverage;

namespace Samla.Web.Features.Needs;

/// <summary>The fields of a need as posted by the form.</summary>
public sealed class NeedInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public Guid? RaisedBy { get; set; }
    public List<string> TargetGroups { get; set; } = [];
    public List<string> AgeGroups { get; set; } = [];
    public List<string> Municipalities { get; set; } = [];
    public string? EvidenceSource { get; set; }
    public DateOnly? EvidenceDate { get; set; }
    public int? Severity { get; set; }
    public int? PeopleAffected { get; set; }
}

/// <summary>The choices a need form offers.</summary>
public sealed record NeedChoices(
    IReadOnlyList<(Guid Id, string Name)> Organizations,
    IReadOnlyList<DomainValue> TargetGroups,
    IReadOnlyList<DomainValue> AgeGroups,
    IReadOnlyList<DomainValue> Municipalities)
{
    public static async Task<NeedChoices> LoadAsync(SamlaDbContext db, TermCatalogCache termCatalog, OrganizationAccess access, System.Security.Claims.ClaimsPrincipal user, string county, CancellationToken ct)
    {
        var catalog = await termCatalog.GetAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == county).OrderBy(m => m.Name)
            .Select(m => new DomainValue(m.Code, m.Name)).ToListAsync(ct);
        return new NeedChoices(
            await NeedAccess.OrganizationsAsync(access, user, ct),
            catalog.Of(ReferenceData.TargetGroups).Select(t => new DomainValue(t.Code, ContentText.TermName(t))).ToList(),
            catalog.Of(ReferenceData.AgeGroups).Select(t => new DomainValue(t.Code, ContentText.TermName(t))).ToList(),
            municipalities);
    }
}
