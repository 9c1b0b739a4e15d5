using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Tests.Workspace;
using Samla.Web.Core;

namespace Samla.Tests.Core;

/// <summary>
/// Nothing anonymous carries a person's sign-in address or a staff-only contact: after every demo editor has edited
/// and confirmed services (which records their address as the assurer and in the audit log), every public page,
/// the HSDS API (JSON and NDJSON), the calendar feeds, the print views and the open coverage API are read anonymously.
/// </summary>
public sealed class PublicPrivacyTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private static readonly (string Email, Guid Organization)[] Editors =
        [(DemoAccounts.Editor, WorkspaceData.Halmstad), (DemoAccounts.OtherEditor, WorkspaceData.RedCross)];

    [Fact]
    public async Task No_anonymous_answer_carries_a_users_address_or_a_staff_only_contact()
    {
        var edited = new List<Guid>();
        foreach (var (email, org) in Editors)
        {
            using var editor = await app.CreateClientSignedInAsync(email, DemoAccounts.Password);
            var id = await app.ServiceOfAsync(org);
            var form = (await WorkspaceData.EditFormAsync(editor, id)).Set("Input.FeesDescription", "Kostnadsfritt (test 2026)");
            using (var saved = await WorkspaceData.PostAsync(editor, $"/arbetsyta/insatser/{id}", form, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);
            var other = await app.ServiceOfAsync(org, skip: 1);
            using (var confirmed = await WorkspaceData.PostAsync(editor, $"/arbetsyta/organisationer/{org}?handler=Confirm&serviceId={other}", [], tokenPage: "/"))
            {
                await confirmed.AssertStatusAsync(HttpStatusCode.Redirect);
            }
            Assert.Equal(email, (await app.ServiceAsync(id)).AssurerEmail);
            Assert.Equal(email, (await app.ServiceAsync(other)).AssurerEmail);
            edited.AddRange([id, other]);
        }

        var (secrets, services, organizations) = await app.WithDbAsync<(List<string>, List<Guid>, List<Guid>)>(async db =>
        {
            var users = await db.Users.Select(u => u.Email!).ToListAsync();
            var hidden = await db.Contacts.Where(c => !c.IsPublic).Select(c => new { c.Email, Phones = c.Phones.Select(p => p.Number).ToList() }).ToListAsync();
            var shown = await db.Contacts.Where(c => c.IsPublic).Select(c => new { c.Email, Phones = c.Phones.Select(p => p.Number).ToList() }).ToListAsync();
            var publicValues = shown.SelectMany(c => c.Phones.Append(c.Email))
                .Concat(await db.Organizations.Select(o => o.Email).ToListAsync())
                .Concat(await db.Services.Select(s => s.Email).ToListAsync())
                .Concat(await db.Phones.Where(p => p.ContactId == null).Select(p => p.Number).ToListAsync())
                .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var secret = users.Concat(hidden.SelectMany(c => c.Phones.Append(c.Email)))
                .OfType<string>().Where(v => v.Length > 3 && !publicValues.Contains(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var ids = await db.Services.WherePublic().Select(s => s.Id).ToListAsync();
            var orgs = await db.Organizations.Where(o => o.IsActive).Select(o => o.Id).ToListAsync();
            return (secret, ids, orgs);
        });
        Assert.Contains(DemoAccounts.Editor, secrets);
        Assert.Contains(secrets, s => s.StartsWith("processledare@", StringComparison.Ordinal));
        Assert.All(edited, id => Assert.Contains(id, services));

        var urls = new List<string>
        {
            "/", "/om", "/tillganglighet", "/beredskap", "/organisationer", "/sok", "/sok?q=st%C3%B6d", "/sok/utskrift",
            "/api/hsds/services?per_page=500", "/api/hsds/services?format=ndjson", "/api/hsds/services?search=st%C3%B6d&per_page=50",
            "/api/hsds/services?municipality=1380&per_page=50", "/api/hsds/organizations?per_page=500",
            "/api/hsds/service_at_locations?per_page=500", "/api/hsds/taxonomies", "/api/hsds/taxonomy_terms?per_page=500",
            "/api/coverage", "/api/coverage/export?format=csv",
        };
        foreach (var id in services)
        {
            urls.AddRange([$"/insatser/{id}", $"/insatser/{id}/utskrift", $"/api/hsds/services/{id}", $"/api/calendar/{id}.ics"]);
        }
        foreach (var id in organizations)
        {
            urls.AddRange([$"/organisationer/{id}", $"/api/hsds/organizations/{id}", $"/api/calendar/organization/{id}.ics"]);
        }

        using var anonymous = app.CreateBrowserClient();
        var leaks = new List<string>();
        var read = 0;
        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect) continue;
            var body = await response.Content.ReadAsStringAsync();
            read++;
            leaks.AddRange(secrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{url}: {s}"));
        }
        Assert.True(leaks.Count == 0, "Anonymous answers carry private values:\n" + string.Join("\n", leaks.Take(40)));
        Assert.True(read > services.Count * 3, $"only {read} anonymous answers were read");

        // The public change history still tells what changed and on whose behalf: the organisation.
        var history = await anonymous.GetStringAsync($"/api/hsds/services/{edited[0]}");
        Assert.Contains("Kostnadsfritt (test 2026)", history, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.HalmstadMunicipality, history, StringComparison.Ordinal);
    }
}
