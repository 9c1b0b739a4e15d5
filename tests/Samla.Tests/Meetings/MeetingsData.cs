using Microsoft.EntityFrameworkCore;
using MimeKit;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Meetings;

/// <summary>Organisations, editors and mail for the meetings tests.</summary>
public static class MeetingsData
{
    public const string Password = "Test-password-2026";

    /// <summary>An active organisation of the test's own with <paramref name="services"/> active, published services.</summary>
    public static Task<(Guid Id, string Name, List<Guid> Services)> OrganizationAsync(this SamlaApp app, int services) => app.WithDbAsync(async db =>
    {
        var org = new Organization { Name = $"Mötesorg {Guid.NewGuid():N}"[..22], Description = "Test." };
        db.Organizations.Add(org);
        var ids = new List<Guid>();
        for (var i = 0; i < services; i++)
        {
            var s = new Service { Name = $"Insats {i + 1} {org.Name}", Organization = org, Description = "Test.", AssuredDate = new DateOnly(2025, 1, 1) };
            // What the workspace's edit form requires: a target group and an MHPSS layer.
            s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.MhpssLayers, "2") });
            s.Attributes.Add(new ServiceAttribute { TaxonomyTermId = ReferenceData.TermId(ReferenceData.TargetGroups, "asylum-seekers") });
            db.Services.Add(s);
            ids.Add(s.Id);
        }
        await db.SaveChangesAsync();
        return (org.Id, org.Name, ids);
    });

    /// <summary>A new editor bound to the organisation.</summary>
    public static async Task<string> EditorAsync(this SamlaApp app, Guid orgId)
    {
        var email = await app.CreateUserAsync(Password, Roles.Editor);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = orgId });
            await db.SaveChangesAsync();
        });
        return email;
    }

    /// <summary>The mail sent to <paramref name="to"/> so far: the outbox is flushed, then the pickup directory read.</summary>
    public static async Task<List<MimeMessage>> MailToAsync(this SamlaApp app, string to)
    {
        await app.DeliverMailAsync();
        var result = new List<MimeMessage>();
        if (!Directory.Exists(app.MailDirectory)) return result;
        foreach (var file in Directory.GetFiles(app.MailDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) result.Add(message);
        }
        return result;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SamlaApp.PostFormAsync(client, "/", url, fields.Where(f => f.Key != "__RequestVerificationToken"));

    /// <summary>The table row of <paramref name="name"/> (from its row header to the row's end).</summary>
    public static string Row(string html, string name)
    {
        var start = html.IndexOf($">{name}<", StringComparison.Ordinal);
        if (start < 0) throw new Xunit.Sdk.XunitException($"No row for {name}.\n{HttpAssert.Excerpt(html)}");
        var rowStart = html.LastIndexOf("<tr", start, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[rowStart..end];
    }
}
