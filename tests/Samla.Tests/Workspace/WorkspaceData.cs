using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Workspace;

/// <summary>Demo-data ids and a fingerprint of all writes, for "nothing changed" assertions.</summary>
public static class WorkspaceData
{
    public static readonly Guid Halmstad = DemoData.OrganizationId("halmstad");
    public static readonly Guid RedCross = DemoData.OrganizationId("rodakorset");

    /// <summary>Every save writes audit entries (and workspace saves service versions): equal counts mean nothing was written.</summary>
    public static Task<(int Audit, int Versions)> WritesAsync(this SamlaApp app) => app.WithDbAsync(async db =>
        (await db.AuditEntries.CountAsync(), await db.ServiceVersions.CountAsync()));

    public static Task<Guid> ServiceOfAsync(this SamlaApp app, Guid organizationId, int skip = 0) => app.WithDbAsync(db =>
        db.Services.Where(s => s.OrganizationId == organizationId && s.Status == ServiceStatus.Active && s.IsPublished)
            .OrderBy(s => s.Name).Skip(skip).Select(s => s.Id).FirstAsync());

    public static Task<Service> ServiceAsync(this SamlaApp app, Guid id) => app.WithDbAsync(db =>
        db.Services.AsNoTracking().Include(s => s.Languages).Include(s => s.Attributes).FirstAsync(s => s.Id == id));

    public static Task<Guid> LocationOfAsync(this SamlaApp app, Guid organizationId) => app.WithDbAsync(db =>
        db.Locations.Where(l => l.OrganizationId == organizationId).Select(l => l.Id).FirstAsync());

    public static Task<Guid> ContactOfAsync(this SamlaApp app, Guid organizationId) => app.WithDbAsync(async db =>
    {
        var existing = await db.Contacts.Where(c => c.OrganizationId == organizationId).Select(c => c.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty) return existing;
        var contact = new Contact { OrganizationId = organizationId, Name = "Testkontakt", Email = "kontakt@samla.example" };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    });

    /// <summary>The fields of the service edit form as the page renders them for someone who may edit.</summary>
    public static async Task<List<KeyValuePair<string, string>>> EditFormAsync(HttpClient client, Guid serviceId)
    {
        var body = await client.AssertOkAsync($"/arbetsyta/insatser/{serviceId}");
        return FormReader.Fields(body, "Input.Name");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string tokenPage = "/arbetsyta")
    {
        var token = await SamlaApp.GetAntiforgeryTokenAsync(client, tokenPage);
        using var content = new FormUrlEncodedContent(fields.Where(f => f.Key != "__RequestVerificationToken").Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(url, content);
    }
}
