using Samla.Web.Features.Search;

namespace Samla.Tests.Search;

/// <summary>The search logic itself, on a small hand-made index (no database).</summary>
public sealed class SearchIndexTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private readonly List<IndexedService> services =
    [
        Make("Samtalsgrupp för kvinnor", "Vi träffas i tio veckor.", targets: ["refugees"], municipalities: ["1380"], categories: ["support-conversations", "person-focused-psychosocial"],
            layer: "3", languages: ["ar", "sv"], cost: "free", access: ["booking"], days: ["TU"], ages: ["adults"], assured: Today.AddDays(-10)),
        Make("Språkcafé", "Samtalsgrupperna leds av frivilliga på biblioteket.", targets: ["newly-arrived"], municipalities: ["1383"], categories: ["social-networks", "community-family-support"],
            layer: "2", languages: ["sv"], cost: "free", access: ["drop-in"], days: ["WE"], ages: ["youth", "adults"], assured: Today.AddDays(-400)),
        Make("Mötesplats Tillsammans", "Öppen verksamhet med fika.", targets: ["refugees", "undocumented"], municipalities: ["1381"], categories: ["meeting-places", "safe-spaces"],
            layer: "2", languages: ["ti", "sv"], cost: "free", access: ["drop-in"], days: ["MO", "TH"], ages: [], assured: Today.AddDays(-30)),
        Make("Föräldrastöd", "Träffa andra föräldrar på en mötesplats i centrum.", targets: ["newly-arrived"], municipalities: ["1380"], categories: ["parenting-support", "community-family-support"],
            layer: "2", languages: ["ar"], cost: "fee", access: ["booking"], days: ["TH"], ages: ["adults"], assured: Today.AddDays(-1), min: 18),
        Make("Traumamottagning", "Behandling efter svåra händelser.", targets: ["refugees"], municipalities: ["1380", "1383"], categories: ["clinical-specialised"],
            layer: "4", languages: ["ar", "prs"], cost: "free", access: ["referral"], days: [], ages: ["children", "youth"], assured: null, max: 17),
    ];

    private readonly SearchIndex index;

    public SearchIndexTests() => index = SearchIndex.Build(services, DateTime.UtcNow);

    public void Dispose() => index.Dispose();

    private static IndexedService Make(string name, string description, string[] targets, string[] municipalities, string[] categories, string layer,
        string[] languages, string cost, string[] access, string[] days, string[] ages, DateOnly? assured, int? min = null, int? max = null) =>
        new(Guid.NewGuid(), name, null, description, description, [], Guid.NewGuid(), "Testorganisation", [], min, max, assured,
            new Dictionary<string, IReadOnlyList<string>>
            {
                [SearchFacets.TargetGroup] = targets,
                [SearchFacets.Municipality] = municipalities,
                [SearchFacets.Category] = categories,
                [SearchFacets.Layer] = [layer],
                [SearchFacets.Language] = languages,
                [SearchFacets.Cost] = [cost],
                [SearchFacets.Access] = access,
                [SearchFacets.Weekday] = days,
                [SearchFacets.AgeGroup] = SearchIndex.AgeGroupsOrAll(ages),
            },
            "")
        {
            StatedAgeGroups = ages,
        };

    private List<string> Names(SearchRequest request) => index.Search(request).Hits.Select(h => h.Name).ToList();

    [Theory]
    [InlineData("barn")]
    [InlineData("Children")]
    [InlineData("أطفال")]
    [InlineData("الأطفال")]
    [InlineData("діти")]
    [InlineData("для дітей")]
    [InlineData("کودکان")]
    public void Age_group_names_in_any_ui_language_find_only_services_that_state_that_age_group(string query)
    {
        // Traumamottagning is for children and youth; Mötesplats Tillsammans states no age group (open to all ages, for the
        // filters) and must not be found by the name of every age group.
        Assert.Equal(["Traumamottagning"], Names(new SearchRequest { Text = query }));
    }

    [Fact]
    public void An_age_group_name_weighs_less_than_the_word_in_the_text()
    {
        using var index = SearchIndex.Build(
        [
            .. services,
            Make("Läxhjälp", "Läxhjälp för unga och vuxna på biblioteket.", targets: ["refugees"], municipalities: ["1380"], categories: ["education-support"],
                layer: "2", languages: ["sv"], cost: "free", access: ["drop-in"], days: [], ages: [], assured: null),
        ], DateTime.UtcNow);
        // "vuxna": Samtalsgrupp för kvinnor and Föräldrastöd are for adults (one age group), Språkcafé for youth and adults;
        // Läxhjälp says it in its text, which counts more.
        var names = index.Search(new SearchRequest { Text = "vuxna" }).Hits.Select(h => h.Name).ToList();
        Assert.Equal("Läxhjälp", names[0]);
        Assert.Equal(["Föräldrastöd", "Samtalsgrupp för kvinnor", "Språkcafé"], names.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stemming_finds_the_definite_plural_of_a_word()
    {
        Assert.Contains("Språkcafé", Names(new SearchRequest { Text = "samtalsgrupp" }));
    }

    [Fact]
    public void Words_are_matched_without_regard_to_case()
    {
        Assert.Equal(Names(new SearchRequest { Text = "samtalsgrupp" }), Names(new SearchRequest { Text = "SAMTALSGRUPP" }));
    }

    [Theory]
    [InlineData("motesplats")]
    [InlineData("MÖTESPLATS")]
    [InlineData("foraldrastod")]
    public void Swedish_letters_fold_so_that_a_foreign_keyboard_finds_them(string query)
    {
        Assert.NotEmpty(Names(new SearchRequest { Text = query }));
        Assert.Equal(Names(new SearchRequest { Text = query.Replace("o", "ö", StringComparison.Ordinal) }).Count, Names(new SearchRequest { Text = query }).Count);
    }

    [Theory]
    [InlineData("mötesplast")] // two letters swapped
    [InlineData("traumamotagning")] // one letter missing
    [InlineData("samtalsgrypp")] // one letter wrong
    public void One_typo_in_a_long_word_is_tolerated(string query)
    {
        Assert.NotEmpty(Names(new SearchRequest { Text = query }));
    }

    [Fact]
    public void Typos_in_short_words_are_not_guessed()
    {
        Assert.Empty(Names(new SearchRequest { Text = "fikx" }));
    }

    [Fact]
    public void A_match_in_the_name_ranks_above_a_match_in_the_description()
    {
        var names = Names(new SearchRequest { Text = "mötesplats" });
        Assert.Equal(["Mötesplats Tillsammans", "Föräldrastöd"], names);
        var samtal = Names(new SearchRequest { Text = "samtalsgrupp" });
        Assert.Equal("Samtalsgrupp för kvinnor", samtal[0]);
    }

    [Fact]
    public void All_words_must_match()
    {
        Assert.Equal(["Föräldrastöd"], Names(new SearchRequest { Text = "mötesplats centrum" }));
    }

    [Fact]
    public void Filters_combine_and_values_within_a_filter_are_alternatives()
    {
        Assert.Equal(4, index.Search(new SearchRequest { Municipalities = ["1380", "1381"] }).Total);
        Assert.Equal(["Samtalsgrupp för kvinnor", "Traumamottagning"],
            Names(new SearchRequest { TargetGroups = ["refugees"], Municipalities = ["1380"] }).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Traumamottagning"], Names(new SearchRequest { TargetGroups = ["refugees"], Languages = ["prs"] }));
    }

    [Fact]
    public void A_parent_category_matches_services_of_its_children()
    {
        Assert.Equal(["Mötesplats Tillsammans"], Names(new SearchRequest { Categories = ["safe-spaces"] }));
        Assert.Equal(2, index.Search(new SearchRequest { Categories = ["community-family-support"] }).Total);
    }

    [Fact]
    public void Free_only_access_mode_layer_and_weekday_filter()
    {
        Assert.Equal(4, index.Search(new SearchRequest { FreeOnly = true }).Total);
        Assert.Equal(2, index.Search(new SearchRequest { AccessModes = ["drop-in"] }).Total);
        Assert.Equal(["Traumamottagning"], Names(new SearchRequest { Layers = ["4"] }));
        Assert.Equal(2, index.Search(new SearchRequest { Weekdays = ["TH"] }).Total);
    }

    [Fact]
    public void Age_in_years_uses_the_service_range_or_its_age_groups()
    {
        var tenYears = Names(new SearchRequest { Age = 10 });
        Assert.Contains("Traumamottagning", tenYears);
        Assert.Contains("Mötesplats Tillsammans", tenYears); // no age groups: all ages
        Assert.DoesNotContain("Föräldrastöd", tenYears);
        Assert.DoesNotContain("Traumamottagning", Names(new SearchRequest { Age = 30 }));
        Assert.Equal(2, index.Search(new SearchRequest { AgeGroups = ["children"] }).Total);
    }

    [Fact]
    public void Facet_counts_ignore_their_own_filter_but_apply_the_others()
    {
        var result = index.Search(new SearchRequest { TargetGroups = ["refugees"], Municipalities = ["1380"] });
        Assert.Equal(2, result.Total);
        // Target-group counts within Halmstad (1380): refugees 2, newly-arrived 1.
        Assert.Equal(2, result.CountOf(SearchFacets.TargetGroup, "refugees"));
        Assert.Equal(1, result.CountOf(SearchFacets.TargetGroup, "newly-arrived"));
        // Municipality counts among refugees: 1380 2, 1381 1, 1383 1.
        Assert.Equal(1, result.CountOf(SearchFacets.Municipality, "1381"));
        Assert.Equal(2, result.CountOf(SearchFacets.Municipality, "1380"));
        // Other facets count the matched services.
        Assert.Equal(2, result.CountOf(SearchFacets.Language, "ar"));
    }

    [Fact]
    public void Counts_with_no_text_are_those_of_every_service_for_a_dimension_whose_own_filter_is_the_only_one()
    {
        // Counted once per snapshot over every service: the same before any filter, and for the filtered dimension while
        // its own filter is the only one; the other dimensions count the matches (asked twice: the kept counts too).
        for (var round = 0; round < 2; round++)
        {
            var none = index.Search(new SearchRequest());
            Assert.Equal(5, none.Total);
            Assert.Equal(3, none.CountOf(SearchFacets.Municipality, "1380"));
            Assert.Equal(2, none.CountOf(SearchFacets.Municipality, "1383"));
            Assert.Equal(3, none.CountOf(SearchFacets.TargetGroup, "refugees"));
            Assert.Empty(none.TotalsWithout);

            var halmstad = index.Search(new SearchRequest { Municipalities = ["1380"] });
            Assert.Equal(3, halmstad.Total);
            Assert.Equal(3, halmstad.CountOf(SearchFacets.Municipality, "1380"));
            Assert.Equal(1, halmstad.CountOf(SearchFacets.Municipality, "1381"));
            Assert.Equal(5, halmstad.TotalsWithout[SearchFacets.Municipality]);
            // Target groups within Halmstad: refugees 2 (Samtalsgrupp, Traumamottagning), newly-arrived 1 (Föräldrastöd).
            Assert.Equal(2, halmstad.CountOf(SearchFacets.TargetGroup, "refugees"));
            Assert.Equal(1, halmstad.CountOf(SearchFacets.TargetGroup, "newly-arrived"));
            Assert.Equal(0, halmstad.CountOf(SearchFacets.TargetGroup, "undocumented"));
        }
    }

    [Fact]
    public void No_results_name_the_filter_whose_removal_gives_most_results()
    {
        var result = index.Search(new SearchRequest { TargetGroups = ["undocumented"], Municipalities = ["1380"], Languages = ["ti"] });
        Assert.Equal(0, result.Total);
        Assert.Equal(SearchFacets.Municipality, result.MostRestrictiveFilter);
        Assert.Equal(1, result.TotalsWithout[SearchFacets.Municipality]);
    }

    [Fact]
    public void Sorting_by_verification_puts_the_most_recent_first_and_unverified_last()
    {
        var names = Names(new SearchRequest { Sort = SearchSort.Verified });
        Assert.Equal(["Föräldrastöd", "Samtalsgrupp för kvinnor", "Mötesplats Tillsammans", "Språkcafé", "Traumamottagning"], names);
    }

    [Theory]
    [InlineData("mötesplats")]
    [InlineData("motesplatser fika")]
    [InlineData("ptsd")]
    [InlineData("traumabehandling")]
    [InlineData("språkkafé")]
    [InlineData("föräldrar trauma kvinnor")]
    [InlineData("papperslösa mötesplats")]
    [InlineData("samtalsgrupp barn")]
    public void Relevance_scores_computed_for_all_matches_at_once_equal_those_of_one_service_at_a_time(string query)
    {
        // Relevance order scores every match clause by clause; the other orders score each hit on its own. Both must agree,
        // synonyms, partial matches and compounds included.
        var byRelevance = index.Search(new SearchRequest { Text = query, PageSize = 100 });
        var oneByOne = index.Search(new SearchRequest { Text = query, PageSize = 100, Sort = SearchSort.Verified });
        Assert.NotEmpty(byRelevance.Hits);
        Assert.Equal(byRelevance.Total, oneByOne.Total);
        var expected = oneByOne.Hits.ToDictionary(h => h.Id, h => h.Score);
        Assert.All(byRelevance.Hits, h => Assert.Equal(expected[h.Id], h.Score));
        Assert.Equal(byRelevance.Hits.Select(h => h.Id),
            oneByOne.Hits.OrderByDescending(h => h.Score).ThenBy(h => h.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).Select(h => h.Id));
    }

    [Fact]
    public void A_relevance_page_found_from_score_levels_equals_the_one_found_by_scoring_every_match()
    {
        // One-unit texts take their page from score levels (bit sets) when the matches are many; the same page, in the same
        // order with the same scores, as scoring every match. Checked on both relevance sets' queries and this class's.
        using var both = SearchIndex.Build([.. services, .. HeldOutRelevanceTests.Services], DateTime.UtcNow);
        string[] own = ["mötesplats", "motesplatser fika", "ptsd", "traumabehandling", "språkkafé", "föräldrar", "samtalsgrupp", "papperslösa", "trauma", "stöd", "svenska", "kafé", "barn"];
        var queries = own.Concat(Relevance.RelevanceSet.Load("demo.tsv").Queries.Select(q => q.Query))
            .Concat(Relevance.RelevanceSet.Load("heldout.tsv").Queries.Select(q => q.Query)).Distinct().ToList();
        foreach (var query in queries)
        {
            foreach (var (page, size) in new[] { (1, 1), (1, 3), (2, 2), (1, 20), (3, 1) })
            {
                var request = new SearchRequest { Text = query, Page = page, PageSize = size, CountFacets = false };
                both.LevelsFrom = int.MaxValue;
                var scored = both.Search(request).Hits.Select(h => (h.Id, h.Score)).ToList();
                both.LevelsFrom = 0;
                var levelled = both.Search(request).Hits.Select(h => (h.Id, h.Score)).ToList();
                Assert.True(scored.SequenceEqual(levelled), $"'{query}' page {page} of {size}: [{string.Join(", ", scored)}] scored, [{string.Join(", ", levelled)}] from levels");
            }
        }
        Assert.True(both.LevelAnswers > queries.Count, $"levels served {both.LevelAnswers} pages");
    }

    [Theory]
    [InlineData("sv", "Halmstad, Kungsbacka, Hylte")]
    [InlineData("ar", "Halmstad، Kungsbacka، Hylte")]
    [InlineData("prs", "Halmstad، Kungsbacka، Hylte")]
    public void A_hits_municipalities_are_separated_as_the_ui_language_separates_a_list(string language, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = Samla.Web.Core.UiLanguages.Culture(language);
            Assert.Equal(expected, SearchPageModel.MunicipalityNames(["1380", "1384", "1315", "1381"], 3));
            Assert.Equal("Halmstad", SearchPageModel.MunicipalityNames(["1380"], 3));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Paging_returns_the_requested_slice()
    {
        var all = Names(new SearchRequest { PageSize = 100 });
        var page2 = index.Search(new SearchRequest { Page = 2, PageSize = 2 });
        Assert.Equal(5, page2.Total);
        Assert.Equal(3, page2.PageCount);
        Assert.Equal(all.Skip(2).Take(2), page2.Hits.Select(h => h.Name));
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_the_database_returned_rows_in()
    {
        using var shuffled = SearchIndex.Build(Enumerable.Reverse(services).ToList(), DateTime.UtcNow);
        foreach (var request in new[] { new SearchRequest { Text = "mötesplats" }, new SearchRequest(), new SearchRequest { Sort = SearchSort.Verified, FreeOnly = true } })
        {
            var a = index.Search(request);
            var b = shuffled.Search(request);
            Assert.Equal(a.ServiceIds, b.ServiceIds);
            Assert.Equal(a.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))), b.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))));
        }
    }

    [Fact]
    public void An_updated_index_answers_as_one_built_whole_from_the_same_services()
    {
        // Renamed (moves in name order and facets), removed, added (with a facet value no service had), unchanged.
        var renamed = services[0] with { Name = "Ödlegrupp", Facets = new Dictionary<string, IReadOnlyList<string>>(services[0].Facets) { [SearchFacets.Language] = ["uk"] } };
        var added = Make("Andningsgrupp", "Yoga och andning.", targets: ["asylum-seekers"], municipalities: ["1382"], categories: ["social-networks"],
            layer: "1", languages: ["so"], cost: "free", access: ["drop-in"], days: ["SA"], ages: ["older-adults"], assured: Today);
        var after = new List<IndexedService> { renamed, services[1], services[3], services[4], added };
        var changed = new[] { services[0].Id, services[2].Id, added.Id };
        using var whole = SearchIndex.Build(after, DateTime.UtcNow);
        var updated = index.Apply(changed, [renamed, added], DateTime.UtcNow);
        // And once more (slots retired twice, the arrays grown): still the same answers.
        var again = updated.Apply([services[1].Id], [services[1]], DateTime.UtcNow);
        foreach (var snapshot in new[] { updated, again })
        {
            Assert.Equal(5, snapshot.Count);
            foreach (var request in new[]
            {
                new SearchRequest(), new SearchRequest { Sort = SearchSort.Verified }, new SearchRequest { Text = "grupp" }, new SearchRequest { Text = "mötesplats" },
                new SearchRequest { Languages = ["uk", "so"] }, new SearchRequest { Age = 70 }, new SearchRequest { FreeOnly = true, Page = 2, PageSize = 2 },
                new SearchRequest { Text = "ödlegrupp" }, new SearchRequest { Text = "tillsammans" },
            })
            {
                var a = whole.Search(request);
                var b = snapshot.Search(request);
                Assert.Equal(a.ServiceIds, b.ServiceIds);
                Assert.Equal(a.Total, b.Total);
                Assert.Equal(a.Facets.SelectMany(f => f.Value.Where(v => v.Count > 0).Select(v => (f.Key, v.Value, v.Count))),
                    b.Facets.SelectMany(f => f.Value.Where(v => v.Count > 0).Select(v => (f.Key, v.Value, v.Count))));
            }
        }
        // The snapshot the update started from is unchanged: searches still running on it see what they saw.
        Assert.Equal(5, index.Search(new SearchRequest()).Total);
        Assert.Contains("Mötesplats Tillsammans", Names(new SearchRequest { Text = "tillsammans" }));
        Assert.Empty(updated.Search(new SearchRequest { Text = "tillsammans" }).Hits);
        again.Dispose();
        updated.Dispose();
    }
}
