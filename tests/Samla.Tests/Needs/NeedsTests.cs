using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;
using Samla.Web.Features.Needs;

namespace Samla.Tests.Needs;

/// <summary>
/// The needs register on a database without demo data: Hylte has layer 1 and 2 support for asylum seekers
/// but none on layer 3, so a need there gets the follow-up's example explanation.
/// </summary>
public sealed class NeedsTests(SamlaAppWithoutDemoData app) : IClassFixture<SamlaAppWithoutDemoData>
{
    private const string Password = "Test-password-2026";
    private const string Hylte = "1315";

    private async Task<(Guid Own, Guid Other)> OrganisationsAsync() => await app.WithDbAsync(async db =>
    {
        var own = new Organization { Name = $"Egen kommun {Guid.NewGuid():N}", Description = "Test." };
        var other = new Organization { Name = $"Annan förening {Guid.NewGuid():N}", Description = "Test." };
        db.AddRange(own, other);
        foreach (var layer in new[] { "1", "2" })
        {
            var s = new Service { Name = $"Stöd nivå {layer} i Hylte", Organization = own, AssuredDate = DateOnly.FromDateTime(DateTime.UtcNow) };
            s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.MhpssLayers, layer) });
            s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.TargetGroups, "asylum-seekers") });
            s.ServiceAreas.Add(new ServiceArea { MunicipalityCode = Hylte });
            db.Services.Add(s);
        }
        await db.SaveChangesAsync();
        return (own.Id, other.Id);
    });

    private async Task<HttpClient> SignInAsync(string role, Guid? organisation = null)
    {
        var email = await app.CreateUserAsync(Password, role);
        if (organisation is { } orgId)
        {
            await app.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = orgId });
                await db.SaveChangesAsync();
            });
        }
        return await app.CreateClientSignedInAsync(email, Password);
    }

    private static KeyValuePair<string, string>[] NeedForm(Guid raisedBy, string title) =>
    [
        new("Input.Title", title),
        new("Input.Description", "Asylsökande familjer har **långt** till stödsamtal."),
        new("Input.RaisedBy", raisedBy.ToString()),
        new("Input.TargetGroups", "asylum-seekers"),
        new("Input.Municipalities", Hylte),
        new("Input.EvidenceSource", "Dialogmöte"),
        new("Input.EvidenceDate", "2026-03-01"),
        new("Input.Severity", "4"),
        new("Input.PeopleAffected", "120"),
    ];

    private Task<Need?> FindAsync(string title) =>
        app.WithDbAsync(db => db.Set<Need>().AsNoTracking().FirstOrDefaultAsync(n => n.Title == title));

    [Fact]
    public async Task Editor_records_a_need_for_own_organisation_and_sees_it_prioritised_with_its_explanation()
    {
        var (own, _) = await OrganisationsAsync();
        using var editor = await SignInAsync(Roles.Editor, own);
        var title = $"Stödsamtal i Hylte {Guid.NewGuid():N}";

        using var response = await SamlaApp.PostFormAsync(editor, "/samordning/behov/nytt", "/samordning/behov/nytt", NeedForm(own, title));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var need = await FindAsync(title);

        Assert.NotNull(need);
        Assert.Equal([Hylte], need.MunicipalityCodes);
        Assert.Equal(NeedStatus.Identified, need.Status);
        var html = await editor.AssertOkAsync($"/samordning/behov/{need.Id}");
        Assert.Contains("Hög: allvarlighet 4, ~120 personer, inget stöd på nivå 3 i Hylte för asylsökande", html, StringComparison.Ordinal);
        Assert.Contains("<strong>långt</strong>", html, StringComparison.Ordinal);
        var list = await editor.AssertOkAsync("/samordning/behov");
        Assert.Contains(title, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_cannot_record_a_need_for_another_organisation()
    {
        var (own, other) = await OrganisationsAsync();
        using var editor = await SignInAsync(Roles.Editor, own);
        var title = $"Annans behov {Guid.NewGuid():N}";

        using var response = await SamlaApp.PostFormAsync(editor, "/samordning/behov/nytt", "/samordning/behov/nytt", NeedForm(other, title));

        var html = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Välj en organisation som du får registrera behov för.", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(title));
    }

    [Fact]
    public async Task Reader_may_read_the_register_but_not_record_needs()
    {
        using var reader = await SignInAsync(Roles.Reader);

        await reader.AssertOkAsync("/samordning/behov");
        using var response = await reader.GetAsync("/samordning/behov/nytt");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("/konto/nekad", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_overrides_priority_with_a_reason_that_is_kept_and_shown()
    {
        var (own, _) = await OrganisationsAsync();
        using var coordinator = await SignInAsync(Roles.Coordinator);
        var title = $"Behov att omprioritera {Guid.NewGuid():N}";
        using (var created = await SamlaApp.PostFormAsync(coordinator, "/samordning/behov/nytt", "/samordning/behov/nytt", NeedForm(own, title)))
        {
            await created.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var url = $"/samordning/behov/{(await FindAsync(title))!.Id}";

        using var refused = await SamlaApp.PostFormAsync(coordinator, url, url + "?handler=Override", [new("OverrideLevel", "Low")]);
        Assert.Contains("Skriv varför prioriteten ändras.", await refused.AssertStatusAsync(HttpStatusCode.OK), StringComparison.Ordinal);

        using var response = await SamlaApp.PostFormAsync(coordinator, url, url + "?handler=Override",
            [new("OverrideLevel", "Low"), new("OverrideReason", "Regionen har redan beslutat om en insats.")]);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);

        var need = await FindAsync(title);
        Assert.Equal(PriorityLevel.Low, need!.PriorityOverride);
        Assert.Equal("Regionen har redan beslutat om en insats.", need.PriorityOverrideReason);
        var html = await coordinator.AssertOkAsync(url);
        Assert.Contains("Prioriteten är ändrad till Låg (beräknad: Hög)", html, StringComparison.Ordinal);
        Assert.Contains("Regionen har redan beslutat om en insats.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_cannot_override_priority()
    {
        var (own, _) = await OrganisationsAsync();
        using var editor = await SignInAsync(Roles.Editor, own);
        var title = $"Behov utan omprioritering {Guid.NewGuid():N}";
        using (var created = await SamlaApp.PostFormAsync(editor, "/samordning/behov/nytt", "/samordning/behov/nytt", NeedForm(own, title)))
        {
            await created.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var url = $"/samordning/behov/{(await FindAsync(title))!.Id}";

        using var response = await SamlaApp.PostFormAsync(editor, url, url + "?handler=Override",
            [new("OverrideLevel", "Low"), new("OverrideReason", "Vill sänka.")]);

        Assert.Contains("/konto/nekad", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Null((await FindAsync(title))!.PriorityOverride);
    }

    [Fact]
    public async Task Another_actor_comments_and_the_raising_editor_links_a_service_and_changes_status()
    {
        var (own, other) = await OrganisationsAsync();
        using var editor = await SignInAsync(Roles.Editor, own);
        using var otherEditor = await SignInAsync(Roles.Editor, other);
        var title = $"Behov med svar {Guid.NewGuid():N}";
        using (var created = await SamlaApp.PostFormAsync(editor, "/samordning/behov/nytt", "/samordning/behov/nytt", NeedForm(own, title)))
        {
            await created.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var need = (await FindAsync(title))!;
        var url = $"/samordning/behov/{need.Id}";
        var serviceId = await app.WithDbAsync(db => db.Services.Where(s => s.OrganizationId == own).Select(s => s.Id).FirstAsync());

        using (var comment = await SamlaApp.PostFormAsync(otherEditor, url, url + "?handler=Comment", [new("CommentText", "Vi kan bidra med tolk.")]))
        {
            await comment.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        using (var refused = await SamlaApp.PostFormAsync(otherEditor, url, url + "?handler=Status", [new("NewStatus", "Closed")]))
        {
            Assert.Contains("/konto/nekad", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(NeedStatus.Identified, (await FindAsync(title))!.Status);
        using (var link = await SamlaApp.PostFormAsync(editor, url, url + "?handler=Link", [new("ServiceId", serviceId.ToString())]))
        {
            await link.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        using (var status = await SamlaApp.PostFormAsync(editor, url, url + "?handler=Status", [new("NewStatus", "BeingAddressed")]))
        {
            await status.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var html = await editor.AssertOkAsync(url);
        Assert.Contains("Vi kan bidra med tolk.", html, StringComparison.Ordinal);
        Assert.Contains($"/insatser/{serviceId}", html, StringComparison.Ordinal);
        Assert.Equal(NeedStatus.BeingAddressed, (await FindAsync(title))!.Status);
    }

    [Fact]
    public async Task A_need_cannot_be_linked_to_another_organisations_draft_by_a_forged_id_and_hidden_links_stay_hidden()
    {
        var (own, other) = await OrganisationsAsync();
        using var editor = await SignInAsync(Roles.Editor, own);
        var title = $"Behov med förfalskad länk {Guid.NewGuid():N}";
        using (var created = await SamlaApp.PostFormAsync(editor, "/samordning/behov/nytt", "/samordning/behov/nytt", NeedForm(own, title)))
        {
            await created.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var need = (await FindAsync(title))!;
        var url = $"/samordning/behov/{need.Id}";
        var draftName = $"Hemligt utkast {Guid.NewGuid():N}";
        var draftId = await app.WithDbAsync(async db =>
        {
            var draft = new Service { Name = draftName, OrganizationId = other, IsPublished = false };
            db.Services.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        using (var forged = await SamlaApp.PostFormAsync(editor, url, url + "?handler=Link", [new("ServiceId", draftId.ToString())]))
        {
            await forged.AssertStatusAsync(HttpStatusCode.BadRequest);
        }
        Assert.False(await app.WithDbAsync(db => db.Set<NeedService>().AnyAsync(x => x.NeedId == need.Id)));

        // A link made before this rule (or to a service that later became a draft) is not shown to those who may not see it.
        await app.WithDbAsync(async db =>
        {
            db.Add(new NeedService { NeedId = need.Id, ServiceId = draftId, LinkedBy = "test", LinkedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var reader = await SignInAsync(Roles.Reader);
        Assert.DoesNotContain(draftName, await reader.AssertOkAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain(draftName, await editor.AssertOkAsync(url), StringComparison.Ordinal);
        using var otherEditor = await SignInAsync(Roles.Editor, other);
        Assert.Contains(draftName, await otherEditor.AssertOkAsync(url), StringComparison.Ordinal);
    }
}
