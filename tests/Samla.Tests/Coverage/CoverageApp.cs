using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Coverage;

/// <summary>
/// The app without demo data plus a small known data set in Halland (13), so that every count is exact:
/// <list type="bullet">
/// <item>Språkcafé: public, fresh; refugees; layer 2; Halmstad and Hylte; Arabic and Swedish; adults.</item>
/// <item>Stödsamtal Hylte: public, stale; asylum seekers; layer 3; Hylte; Arabic.</item>
/// <item>Utkast: a draft; refugees; layer 3; Halmstad. Not counted.</item>
/// <item>Nedlagd förening: organisation inactive; refugees; layer 1; Laholm. Not counted.</item>
/// <item>Föräldragrupp: public, fresh; refugees and asylum seekers; layer 3; Kungsbacka; Dari; children; parenting support.</item>
/// </list>
/// </summary>
public sealed class CoverageApp : SamlaApp, IAsyncLifetime
{
    public const string Halmstad = "1380", Laholm = "1381", Kungsbacka = "1384", Hylte = "1315";

    public CoverageApp() : base(demoData: false)
    {
    }

    public Guid DraftId { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var active = new Organization { Name = "Täckningsföreningen", Description = "Test." };
            var inactive = new Organization { Name = "Nedlagda föreningen", Description = "Test.", IsActive = false };
            Service Make(Organization org, string name, string layer, string[] groups, string[] municipalities, string[] languages,
                string[] ages, string[] categories, bool published = true, int daysAgo = 10)
            {
                var s = new Service { Name = name, Organization = org, IsPublished = published, AssuredDate = today.AddDays(-daysAgo) };
                s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.MhpssLayers, layer) });
                foreach (var g in groups) s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.TargetGroups, g) });
                foreach (var a in ages) s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.AgeGroups, a) });
                foreach (var c in categories) s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.ActivityCategories, c) });
                foreach (var m in municipalities) s.ServiceAreas.Add(new ServiceArea { MunicipalityCode = m });
                foreach (var l in languages) s.Languages.Add(new Language { Code = l });
                db.Services.Add(s);
                return s;
            }
            Make(active, "Språkcafé", "2", ["refugees"], [Halmstad, Hylte], ["ar", "sv"], ["adults"], ["social-networks"]);
            Make(active, "Stödsamtal Hylte", "3", ["asylum-seekers"], [Hylte], ["ar"], ["adults"], ["support-conversations"], daysAgo: 400);
            var draft = Make(active, "Utkast", "3", ["refugees"], [Halmstad], ["sv"], ["adults"], ["support-conversations"], published: false);
            Make(inactive, "Nedlagd förening", "1", ["refugees"], [Laholm], ["sv"], ["adults"], ["information"]);
            Make(active, "Föräldragrupp", "3", ["refugees", "asylum-seekers"], [Kungsbacka], ["prs"], ["children"], ["parenting-support"]);
            await db.SaveChangesAsync();
            DraftId = draft.Id;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
