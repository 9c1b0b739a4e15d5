using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Foundation;

public sealed class AuditAndConcurrencyTests(SamlaAppWithoutDemoData app) : IClassFixture<SamlaAppWithoutDemoData>
{
    [Fact]
    public async Task Updating_a_service_records_field_old_and_new_value_and_user()
    {
        var service = await app.CreateServiceAsync("Språkcafé för revision");
        await app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<AuditActor>().Use("Testredaktör", "user-42");
            var db = sp.GetRequiredService<SamlaDbContext>();
            var s = await db.Services.SingleAsync(x => x.Id == service.Id);
            s.Name = "Språkcafé, nytt namn";
            s.Capacity = 12;
            return await db.SaveChangesAsync();
        });

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Service) && e.EntityId == service.Id.ToString() && e.Action == "update")
            .ToListAsync());

        var name = Assert.Single(entries, e => e.FieldName == nameof(Service.Name));
        Assert.Equal("Språkcafé för revision", name.OldValue);
        Assert.Equal("Språkcafé, nytt namn", name.NewValue);
        Assert.Equal("Testredaktör", name.UserName);
        Assert.Equal("user-42", name.UserId);
        Assert.Equal(service.OrganizationId, name.OrganizationId);
        var capacity = Assert.Single(entries, e => e.FieldName == nameof(Service.Capacity));
        Assert.Null(capacity.OldValue);
        Assert.Equal("12", capacity.NewValue);
        Assert.Equal(name.ChangeSetId, capacity.ChangeSetId);
        Assert.DoesNotContain(entries, e => e.FieldName == nameof(Service.Version));
    }

    [Fact]
    public async Task Creating_a_service_records_a_snapshot()
    {
        var service = await app.CreateServiceAsync("Stödsamtal för revision");
        var created = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Service) && e.EntityId == service.Id.ToString() && e.Action == "create"));
        using var snapshot = JsonDocument.Parse(created.NewValue!);
        Assert.Equal("Stödsamtal för revision", snapshot.RootElement.GetProperty(nameof(Service.Name)).GetString());
        Assert.Equal("create", created.Action);
        Assert.Equal("*", created.FieldName);
    }

    [Fact]
    public async Task Second_of_two_concurrent_saves_of_a_service_is_refused()
    {
        var service = await app.CreateServiceAsync("Samtalsgrupp för samtidighet");
        using var scopeA = app.Services.CreateScope();
        using var scopeB = app.Services.CreateScope();
        var a = scopeA.ServiceProvider.GetRequiredService<SamlaDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<SamlaDbContext>();
        var inA = await a.Services.SingleAsync(s => s.Id == service.Id);
        var inB = await b.Services.SingleAsync(s => s.Id == service.Id);

        inA.Description = "Ändrad av A";
        await a.SaveChangesAsync();
        inB.Description = "Ändrad av B";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        var stored = await app.WithDbAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == service.Id));
        Assert.Equal("Ändrad av A", stored.Description);
        Assert.Equal(service.Version + 1, stored.Version);
    }
}
