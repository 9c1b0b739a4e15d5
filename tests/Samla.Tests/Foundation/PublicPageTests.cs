using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Core;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

public sealed class PublicPageTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task Home_has_one_h1_and_a_search_form_that_gets_sok_with_q()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/");
        Assert.Single(Html.H1s(body));
        var form = Regex.Match(body, "<form\\b[^>]*role=\"search\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "no form[role=search] on the home page\n" + HttpAssert.Excerpt(body));
        Assert.Equal("/sok", Html.Attribute(form.Value, "form", "action"));
        Assert.NotEqual("post", Html.Attribute(form.Value, "form", "method")?.ToLowerInvariant());
        Assert.Matches("<input\\b[^>]*name=\"q\"", form.Groups[1].Value);
    }

    [Fact]
    public async Task Layout_is_swedish_with_a_skip_link_to_main()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/");
        Assert.Equal("sv", Html.Attribute(body, "html", "lang"));
        Assert.NotEqual("rtl", Html.Attribute(body, "html", "dir"));
        Assert.Matches("<a\\b[^>]*class=\"[^\"]*skip-link[^\"]*\"[^>]*href=\"#main\"|<a\\b[^>]*href=\"#main\"[^>]*class=\"[^\"]*skip-link", body);
        Assert.Matches("<main\\b[^>]*id=\"main\"", body);
    }

    [Fact]
    public async Task Organisations_page_links_to_each_organisation()
    {
        var halmstad = await OrganisationIdAsync(DemoAccounts.HalmstadMunicipality);
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/organisationer");
        var links = Html.Links(body, "/organisationer/");
        Assert.Contains($"/organisationer/{halmstad}", links);
        Assert.True(links.Count >= 25, $"{links.Count} organisation links");
    }

    [Fact]
    public async Task Organisation_page_shows_its_name_and_links_its_public_services()
    {
        var halmstad = await OrganisationIdAsync(DemoAccounts.HalmstadMunicipality);
        var parenting = await ParentingServiceAsync();
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/organisationer/{halmstad}");
        Assert.Equal(DemoAccounts.HalmstadMunicipality, Assert.Single(Html.H1s(body)));
        Assert.Contains($"/insatser/{parenting.Id}", Html.Links(body, "/insatser/"));
    }

    [Fact]
    public async Task Organisation_page_does_not_link_a_draft()
    {
        var draft = await app.CreateServiceAsync("Utkast som inte får synas", published: false);
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/organisationer/{draft.OrganizationId}");
        Assert.DoesNotContain($"/insatser/{draft.Id}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_page_shows_the_service_name_in_h1()
    {
        var parenting = await ParentingServiceAsync();
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/insatser/{parenting.Id}");
        Assert.Equal(parenting.Name, Assert.Single(Html.H1s(body)));
        // The trail is named as Swedish public sites name it.
        Assert.Contains("<nav class=\"breadcrumbs\" aria-label=\"Du är här\">", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv", ", ")]
    [InlineData("ar", "، ")]
    public async Task Service_page_lists_its_languages_with_the_comma_right_after_each(string lang, string separator)
    {
        var id = await app.WithDbAsync(db => db.Services.WherePublic().Where(s => s.Languages.Count >= 2).Select(s => s.Id).FirstAsync());
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync($"/insatser/{id}?lang={lang}");
        Assert.Contains($"</bdi>{separator}<bdi>", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"</bdi> {separator.Trim()}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_service_is_404_with_the_friendly_page()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync($"/insatser/{Guid.NewGuid()}");
        var body = await response.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.Matches("<main\\b[^>]*id=\"main\"", body);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_gets_404_for_a_draft_and_for_an_inactive_service()
    {
        var published = await app.CreateServiceAsync("Publicerad testinsats");
        var draft = await app.CreateServiceAsync("Opublicerat utkast", published: false);
        var closed = await app.CreateServiceAsync("Nedlagd testinsats", status: ServiceStatus.Defunct);
        using var client = app.CreateClient();

        var body = await client.AssertOkAsync($"/insatser/{published.Id}");
        Assert.Equal("Publicerad testinsats", Assert.Single(Html.H1s(body)));
        using var draftResponse = await client.GetAsync($"/insatser/{draft.Id}");
        await draftResponse.AssertStatusAsync(HttpStatusCode.NotFound);
        using var closedResponse = await client.GetAsync($"/insatser/{closed.Id}");
        await closedResponse.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_lists_the_matching_service()
    {
        var parenting = await ParentingServiceAsync();
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/sok?q=" + Uri.EscapeDataString(DemoAccounts.ParentingSupportHalmstad));
        Assert.Contains($"/insatser/{parenting.Id}", Html.Links(body, "/insatser/"));
    }

    [Fact]
    public async Task Arabic_via_query_string_renders_right_to_left()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/?lang=ar");
        Assert.Equal("ar", Html.Attribute(body, "html", "lang"));
        Assert.Equal("rtl", Html.Attribute(body, "html", "dir"));
    }

    [Fact]
    public async Task Dari_chosen_in_the_language_menu_sticks_and_renders_right_to_left()
    {
        using var client = app.CreateBrowserClient();
        using var choose = await client.GetAsync("/sprak/prs?returnUrl=/");
        await choose.AssertStatusAsync(HttpStatusCode.Redirect);
        var body = await client.AssertOkAsync("/");
        Assert.Equal("prs", Html.Attribute(body, "html", "lang"));
        Assert.Equal("rtl", Html.Attribute(body, "html", "dir"));
    }

    [Fact]
    public async Task Language_switch_sets_the_culture_cookie_and_goes_back()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync("/sprak/ar?returnUrl=/organisationer");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/organisationer", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("samla.lang=", StringComparison.Ordinal));
        Assert.Contains("c%3Dar%7Cuic%3Dar", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Language_switch_does_not_redirect_off_site(string returnUrl)
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync("/sprak/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_language_is_404()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync("/sprak/xx?returnUrl=/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Error_page_is_friendly()
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/fel");
        Assert.Single(Html.H1s(body));
        Assert.Matches("<main\\b[^>]*id=\"main\"", body);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private Task<Guid> OrganisationIdAsync(string name) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private Task<Service> ParentingServiceAsync() => app.WithDbAsync(db => db.Services.AsNoTracking()
        .FirstAsync(s => s.Organization.Name == DemoAccounts.HalmstadMunicipality && s.Name.Contains(DemoAccounts.ParentingSupportHalmstad)));

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("prs")]
    [InlineData("ti")]
    [InlineData("so")]
    [InlineData("uk")]
    public async Task Print_of_a_search_shows_the_print_hint_not_its_key(string language)
    {
        using var client = app.CreateClient();
        var body = await client.AssertOkAsync("/sok/utskrift?q=samtal&lang=" + language);
        Assert.DoesNotContain("PrintHint", body, StringComparison.Ordinal);
        Assert.Contains("(Ctrl", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_counts_agree_with_the_number_on_rendered_pages()
    {
        var counts = await app.WithDbAsync(db => db.Organizations.Where(o => o.IsActive)
            .Select(o => db.Services.Count(s => s.OrganizationId == o.Id && s.IsPublished && s.Status == ServiceStatus.Active)).ToListAsync());
        using var client = app.CreateClient();

        var swedish = await client.AssertOkAsync("/organisationer?lang=sv");
        Assert.DoesNotMatch(@">\s*1 insatser\s*<", swedish);
        Assert.Matches(@">\s*\d+ insatser\s*<", swedish);
        var english = await client.AssertOkAsync("/organisationer?lang=en");
        Assert.DoesNotMatch(@">\s*1 services\s*<", english);

        var search = await client.AssertOkAsync("/sok?q=samtal&lang=en");
        Assert.DoesNotMatch(@">1 results<", search);
        Assert.Matches(@"id=""results-heading"">\d[\d,]* results?<", search);
        if (counts.Contains(1)) Assert.Matches(@">\s*1 service\s*<", english);
    }

    [Fact]
    public async Task English_dates_are_not_american_and_open_age_ranges_are_words()
    {
        var service = await app.WithDbAsync(db => db.Services.Where(s => s.IsPublished && s.Status == ServiceStatus.Active && s.AssuredDate != null)
            .OrderBy(s => s.Name).FirstAsync());
        var assured = service.AssuredDate!.Value;
        await app.WithDbAsync(async db =>
        {
            var s = await db.Services.FirstAsync(x => x.Id == service.Id);
            (s.MinimumAge, s.MaximumAge) = (18, null);
            await db.SaveChangesAsync();
        });
        using var client = app.CreateClient();

        var english = await client.AssertOkAsync($"/insatser/{service.Id}?lang=en");
        Assert.Contains(assured.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), english, StringComparison.Ordinal);
        Assert.Contains("From age 18", english, StringComparison.Ordinal);
        var swedish = await client.AssertOkAsync($"/insatser/{service.Id}?lang=sv");
        Assert.Contains("Från 18 år", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("––", swedish, StringComparison.Ordinal);
        var arabic = await client.AssertOkAsync($"/insatser/{service.Id}/utskrift?lang=ar");
        Assert.Contains("العمر من 18 فما فوق", arabic, StringComparison.Ordinal);
    }
}
