using Samla.Tests.Search.Relevance;
using Samla.Web.Data;
using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>
/// The held-out relevance set (Relevance/heldout.tsv): services written for this test only, never part of the demo data the
/// engine was tuned on, indexed as the loader would index them (category and target-group names in every UI language).
/// </summary>
public sealed class HeldOutRelevanceTests
{
    private static IndexedService Make(string name, string description, string municipality, string[] categories, string[] languages, string[]? targets = null)
    {
        targets ??= ["newly-arrived", "refugees"];
        var extra = string.Join(" ", categories.SelectMany(c => ReferenceData.TermNames(ReferenceData.ActivityCategories, c).Values)
            .Concat(targets.SelectMany(t => ReferenceData.TermNames(ReferenceData.TargetGroups, t).Values)));
        return new(ReferenceData.StableId("heldout", name), name, null, description, description, [], ReferenceData.StableId("heldout-org", name),
            "Testföreningen", [], null, null, null,
            new Dictionary<string, IReadOnlyList<string>>
            {
                [SearchFacets.TargetGroup] = targets,
                [SearchFacets.Municipality] = municipality == "*" ? ["1380", "1381", "1382", "1383", "1384", "1315"] : [municipality],
                [SearchFacets.Category] = categories,
                [SearchFacets.Language] = languages,
                [SearchFacets.AgeGroup] = SearchIndex.AgeGroupsOrAll([]),
            },
            extra);
    }

    internal static readonly IndexedService[] Services =
    [
        Make("Träffpunkt Kvinnokraft", "En mötesplats för kvinnor med fika, samtal och utflykter. Barn får följa med.", "1383", ["meeting-places"], ["sv", "ar"]),
        Make("Familjeträffar med tolk", "Träffar för hela familjen om barns utveckling och vardagen i Sverige. Tolk finns på arabiska och dari.", "1381", ["parenting-support"], ["sv", "ar", "prs"]),
        Make("Barnens stödgrupp", "En grupp för barn som har förlorat en förälder eller ett syskon. Vi pratar om sorg och saknad genom lek och samtal.", "1382", ["support-conversations"], ["sv"]),
        Make("Traumaterapi för unga vuxna", "Psykoterapi för unga vuxna 18–25 år med posttraumatisk stress efter krig och flykt.", "1380", ["clinical-specialised"], ["sv", "ar", "prs"]),
        Make("Läsecirkel på biblioteket", "Vi läser lättlästa böcker på svenska och pratar om dem. Passar dig som vill öva språket.", "1384", ["social-networks"], ["sv"]),
        Make("Cykelskola för vuxna", "Lär dig cykla i lugn takt med erfarna ledare. Cyklar och hjälmar finns att låna.", "1383", ["social-networks"], ["sv", "ar", "so"]),
        Make("Hälsosamtal med sjuksköterska", "Sjuksköterskan mäter blodtryck och går igenom din hälsa, dina mediciner och dina vaccinationer.", "1315", ["health-examination"], ["sv", "ar"]),
        Make("Juridisk rådgivning för asylsökande", "Frivilliga jurister och advokater svarar på frågor om ditt asylärende och ditt överklagande.", "*", ["information"], ["sv", "en", "ar"], ["asylum-seekers"]),
        Make("Kafé Gemenskap", "Ett öppet kafé för nyanlända och Falkenbergsbor. Här tränar du svenska över en kopp kaffe.", "1382", ["meeting-places", "social-networks"], ["sv"]),
        Make("Dansgrupp för tjejer", "Dans och rörelse för tjejer 13–19 år. Ingen erfarenhet behövs.", "1380", ["stress-reduction"], ["sv"]),
        Make("Matlagningskurs – svensk husmanskost", "Vi lagar mat tillsammans och lär oss recept från Sverige och från deltagarnas hemländer.", "1381", ["social-networks"], ["sv"]),
        Make("Krisstöd efter flykt", "Krissamtal med kurator för dig som nyss har kommit och mår dåligt. Du kan få tid samma vecka.", "1384", ["support-conversations"], ["sv", "uk", "ar"]),
        Make("Mödrahälsovård för nyanlända", "Barnmorskemottagningen tar emot gravida och ger råd om preventivmedel. Tolk bokas vid behov.", "1380", ["clinical-non-specialised"], ["sv", "ar", "ti"]),
        Make("Arbetsträning i second hand-butik", "Praktik i butik med handledare, för dig som vill komma närmare arbete i egen takt.", "1383", ["mhpss-in-other-sectors"], ["sv"]),
        Make("Digital läxhjälp på somaliska", "Läxhjälp via video för elever i grundskolan, med läxhjälpare som talar somaliska.", "*", ["education-support"], ["so", "sv"]),
        Make("Schackklubb för unga", "Spela schack med andra unga varje vecka. Nybörjare är välkomna.", "1315", ["social-networks"], ["sv"]),
    ];

    [Fact]
    public async Task Relevance_set_on_services_the_engine_has_not_seen_reaches_90_percent_success_at_3()
    {
        using var index = SearchIndex.Build(Services, DateTime.UnixEpoch);
        var figures = await RelevanceSet.Load("heldout.tsv").EvaluateAsync(r => Task.FromResult(index.Search(r)));
        RelevanceSet.Publish(figures);
        Assert.True(figures.SuccessAt3 >= 0.9, figures.Report());
    }
}
