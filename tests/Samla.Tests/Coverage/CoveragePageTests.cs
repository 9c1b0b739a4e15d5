using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using static Samla.Tests.Coverage.CoverageApp;

namespace Samla.Tests.Coverage;

public sealed class CoveragePageTests(CoverageApp app) : IClassFixture<CoverageApp>
{
    private const string Password = "Test-password-2026";

    private async Task<HttpClient> ReaderAsync() =>
        await app.CreateClientSignedInAsync(await app.CreateUserAsync(Password, Roles.Reader), Password);

    [Theory]
    [InlineData("/samordning")]
    [InlineData("/samordning/tackning")]
    [InlineData("/samordning/tackning/karta")]
    [InlineData("/samordning/tackning/insatser?kommun=1380")]
    public async Task Coordination_pages_ask_anonymous_visitors_to_sign_in(string url)
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(url);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("/konto/logga-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_signed_in_staff_member_sees_the_matrix_with_gaps_and_risks_in_words()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning");

        Assert.Contains("Saknas", html, StringComparison.Ordinal);
        Assert.Contains("Hylte, Asylsökande: aktiva insatser 0, obekräftade 1", html, StringComparison.Ordinal);
        Assert.Contains("cell-risk", html, StringComparison.Ordinal);
        Assert.Contains("/samordning/tackning/insatser?kommun=1315&amp;malgrupp=asylum-seekers", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/coverage/export?by=municipality%2Ctarget_group%2Clayer&amp;format=xlsx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_in_the_query_string_reach_links_and_exports()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning?niva=3&verifierade=true");

        Assert.Contains("niva=3&amp;verifierade=true&amp;kommun=1384&amp;malgrupp=refugees", html, StringComparison.Ordinal);
        Assert.Contains("layer=3&amp;verified_only=true", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sprak", "dari")]
    [InlineData("organisation", "Täckningsföreningen")]
    public async Task Language_and_organisation_views_show_who_does_what_where(string view, string expected)
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning?vy=" + view);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("coverage-matrix", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_down_shows_coordinators_the_services_that_do_not_count_too()
    {
        using var client = await app.CreateClientSignedInAsync(await app.CreateUserAsync(Password, Roles.Coordinator), Password);
        var html = await client.AssertOkAsync($"/samordning/tackning/insatser?kommun={Halmstad}&malgrupp=refugees");

        Assert.Contains("Språkcafé", html, StringComparison.Ordinal);
        Assert.Contains("Utkast", html, StringComparison.Ordinal);
        Assert.Contains("Inte publik", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/insatser/{app.DraftId}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_down_shows_a_draft_only_to_coordination_and_the_editors_of_its_organisation()
    {
        var url = $"/samordning/tackning/insatser?kommun={Halmstad}&malgrupp=refugees";
        var (ownerOrg, otherOrg) = await app.WithDbAsync(async db => (
            await db.Services.Where(s => s.Id == app.DraftId).Select(s => s.OrganizationId).SingleAsync(),
            await db.Organizations.Where(o => o.Name == "Nedlagda föreningen").Select(o => o.Id).SingleAsync()));

        async Task<string> DrillAsAsync(string role, Guid? organizationId)
        {
            var email = await app.CreateUserAsync(Password, role);
            if (organizationId is { } orgId)
            {
                await app.WithDbAsync(async db =>
                {
                    var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                    db.UserOrganizations.Add(new UserOrganization { UserId = userId, OrganizationId = orgId });
                    await db.SaveChangesAsync();
                });
            }
            using var client = await app.CreateClientSignedInAsync(email, Password);
            return await client.AssertOkAsync(url);
        }

        var reader = await DrillAsAsync(Roles.Reader, null);
        Assert.Contains("Språkcafé", reader, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast", reader, StringComparison.Ordinal);
        var otherEditor = await DrillAsAsync(Roles.Editor, otherOrg);
        Assert.Contains("Språkcafé", otherEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast", otherEditor, StringComparison.Ordinal);
        var ownEditor = await DrillAsAsync(Roles.Editor, ownerOrg);
        Assert.Contains("Utkast", ownEditor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_draws_every_municipality_with_a_text_alternative_and_credit()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning/karta");

        Assert.Equal(6, Regex.Count(html, "<path d=\"M[^\"]*\" fill="));
        Assert.Contains("<title id=\"map-title\">", html, StringComparison.Ordinal);
        Assert.Contains("Hylte: aktiva 1, obekräftade 1", html, StringComparison.Ordinal);
        Assert.Contains("okfse/sweden-geojson", html, StringComparison.Ordinal);
        Assert.Contains("Laholm", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_of_any_county_can_be_drawn()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning/karta?lan=12");

        Assert.Equal(33, Regex.Count(html, "<path d=\"M[^\"]*\" fill="));
        Assert.Contains("Malmö", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_view_hides_the_site_chrome()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning?utskrift=1");

        Assert.Contains("<body class=\"print-view\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_does_what_where_marks_municipalities_without_support_not_organisations_that_work_elsewhere()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning?vy=organisation");
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        var foot = html[html.IndexOf("<tfoot>", StringComparison.Ordinal)..html.IndexOf("</tfoot>", StringComparison.Ordinal)];

        // Täckningsföreningen works in Halmstad and Hylte only: elsewhere "–", not "Saknas".
        Assert.DoesNotContain("Saknas", body, StringComparison.Ordinal);
        Assert.Contains("cell-none", body, StringComparison.Ordinal);
        // Nothing to drill into where an organisation has no service: the "–" is no link.
        var none = body[body.IndexOf("class=\"cell-none\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<a ", none[..none.IndexOf("</td>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Alla organisationer", foot, StringComparison.Ordinal);
        // Laholm has no public support from anyone (its only service belongs to an inactive organisation): a gap.
        Assert.Contains("Saknas", foot, StringComparison.Ordinal);
        Assert.Contains($"kommun={Laholm}", foot, StringComparison.Ordinal);
        Assert.Contains("har inga insatser i kommunen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layer_notes_have_a_legend_in_words()
    {
        using var client = await ReaderAsync();
        var html = await client.AssertOkAsync("/samordning/tackning");
        Assert.Contains("skrivet nivå:antal (1:6 = sex insatser på nivå 1", html, StringComparison.Ordinal);
        Assert.Contains("title=\"nivå 2, aktiva insatser: 1\"", html, StringComparison.Ordinal);
        Assert.Contains("matrix-heading\">Kommun och målgrupp<", html, StringComparison.Ordinal);
    }
}
