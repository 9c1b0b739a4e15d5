using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Workspace;

/// <summary>
/// Contacts, places and the organisation profile: concurrent edits are never silently overwritten (the second saver sees both
/// versions side by side and keeps what they typed), and every change of a contact is in the audit log.
/// </summary>
public sealed class ContactAndProfileConflictTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private static readonly string Contacts = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}/kontakter";
    private static readonly string Profile = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}/profil";
    private static readonly string Places = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}/platser";

    /// <summary>A place of Halmstads kommun of this test's own, with a street address.</summary>
    private Task<Guid> NewPlaceAsync(string name) => app.WithDbAsync(async db =>
    {
        var place = new Location { OrganizationId = WorkspaceData.Halmstad, Name = name, MunicipalityCode = "1380", Description = "Buss 1 till Centrum." };
        db.Locations.Add(place);
        db.Addresses.Add(new Address { Location = place, Address1 = "Storgatan 1", PostalCode = "302 45", City = "Halmstad", StateProvince = "Halland" });
        await db.SaveChangesAsync();
        return place.Id;
    });

    private Task<Location?> PlaceAsync(Guid id) => app.WithDbAsync(db =>
        db.Locations.AsNoTracking().Include(l => l.Addresses).FirstOrDefaultAsync(l => l.Id == id));

    private static async Task<List<KeyValuePair<string, string>>> PlaceFormAsync(HttpClient client, Guid id) =>
        FormReader.Fields(await client.AssertOkAsync($"{Places}?id={id}"), "Input.Name");

    [Fact]
    public async Task Second_save_of_the_same_place_offers_a_choice_per_field_and_merges()
    {
        var id = await NewPlaceAsync("Plats A");
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = (await PlaceFormAsync(first, id)).Set("Input.Name", "Förstas platsnamn");
        var secondForm = (await PlaceFormAsync(second, id)).Set("Input.Address1", "Andras gata 2");

        using (var saved = await WorkspaceData.PostAsync(first, Places, firstForm, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        var before = await app.WritesAsync();
        using var refused = await WorkspaceData.PostAsync(second, Places, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("Platsen har ändrats sedan du öppnade den", conflict, StringComparison.Ordinal);
        Assert.Contains("id=\"conflict\"", conflict, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Editor, conflict, StringComparison.Ordinal); // who saved in between
        Assert.Contains("Förstas platsnamn", conflict, StringComparison.Ordinal);
        Assert.Equal(before, await app.WritesAsync());

        // Nothing typed is lost, and each differing field has its choice: the name this user left alone defaults to the saved one.
        var kept = FormReader.Fields(conflict, "Input.Name");
        Assert.Equal("Andras gata 2", kept.Value("Input.Address1"));
        Assert.Equal("Plats A", kept.Value("Input.Name"));
        Assert.Equal("saved", kept.Value("Choices[Name]"));
        Assert.Equal("mine", kept.Value("Choices[Address1]"));
        Assert.Null(kept.Value("Choices[City]"));
        using var merged = await WorkspaceData.PostAsync(second, Places + "?handler=Merge", kept, tokenPage: "/");
        await merged.AssertStatusAsync(HttpStatusCode.Redirect);
        var result = await PlaceAsync(id);
        Assert.Equal(("Förstas platsnamn", "Andras gata 2", "Halmstad", 3), (result!.Name, result.Addresses.Single().Address1, result.Addresses.Single().City, result.Version));
    }

    [Fact]
    public async Task A_change_of_the_address_alone_is_a_new_version_of_the_place_and_conflicts_too()
    {
        var id = await NewPlaceAsync("Plats B");
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = (await PlaceFormAsync(first, id)).Set("Input.PostalCode", "302 46");
        var secondForm = (await PlaceFormAsync(second, id)).Set("Input.City", "Halmstad C");
        using (var saved = await WorkspaceData.PostAsync(first, Places, firstForm, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(2, (await PlaceAsync(id))!.Version);

        using var refused = await WorkspaceData.PostAsync(second, Places, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        var kept = FormReader.Fields(conflict, "Input.Name");
        Assert.Equal("saved", kept.Value("Choices[PostalCode]"));
        Assert.Equal("mine", kept.Value("Choices[City]"));
        using (var merged = await WorkspaceData.PostAsync(second, Places + "?handler=Merge", kept, tokenPage: "/")) await merged.AssertStatusAsync(HttpStatusCode.Redirect);
        var address = (await PlaceAsync(id))!.Addresses.Single();
        Assert.Equal(("302 46", "Halmstad C"), (address.PostalCode, address.City));
    }

    /// <summary>A contact of Halmstads kommun of this test's own, with a phone.</summary>
    private Task<Guid> NewContactAsync(string name) => app.WithDbAsync(async db =>
    {
        var contact = new Contact { OrganizationId = WorkspaceData.Halmstad, Name = name, Email = "kontakt@samla.example", Title = "Samordnare" };
        db.Contacts.Add(contact);
        db.Phones.Add(new Phone { Number = "035-13 70 00", Contact = contact, OrganizationId = WorkspaceData.Halmstad });
        await db.SaveChangesAsync();
        return contact.Id;
    });

    private Task<Contact?> ContactAsync(Guid id) => app.WithDbAsync(db =>
        db.Contacts.AsNoTracking().Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == id));

    private static async Task<List<KeyValuePair<string, string>>> ContactFormAsync(HttpClient client, Guid id) =>
        FormReader.Fields(await client.AssertOkAsync($"{Contacts}?id={id}"), "Input.Name");

    [Fact]
    public async Task Second_save_of_the_same_contact_is_refused_with_both_versions_and_can_be_merged()
    {
        var id = await NewContactAsync("Kontakt A");
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = (await ContactFormAsync(first, id)).Set("Input.Name", "Förstas kontaktnamn");
        var secondForm = (await ContactFormAsync(second, id)).Set("Input.Email", "andras.adress@samla.example");
        Assert.Equal("1", firstForm.Value("Input.Version"));

        using var saved = await WorkspaceData.PostAsync(first, Contacts, firstForm, tokenPage: "/");
        await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        var before = await app.WritesAsync();
        using var refused = await WorkspaceData.PostAsync(second, Contacts, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("Kontakten har ändrats sedan du öppnade den", conflict, StringComparison.Ordinal);
        Assert.Contains("id=\"conflict\"", conflict, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Editor, conflict, StringComparison.Ordinal); // who saved in between
        Assert.Contains("Förstas kontaktnamn", conflict, StringComparison.Ordinal); // what they saved
        Assert.Contains("kontakt@samla.example", conflict, StringComparison.Ordinal);
        Assert.Equal(before, await app.WritesAsync());

        // Nothing typed is lost: the form still holds this user's version, at the newer version number.
        var kept = FormReader.Fields(conflict, "Input.Name");
        Assert.Equal("andras.adress@samla.example", kept.Value("Input.Email"));
        Assert.Equal("Kontakt A", kept.Value("Input.Name"));
        Assert.Equal("2", kept.Value("Input.Version"));
        var stored = await ContactAsync(id);
        Assert.Equal(("Förstas kontaktnamn", "kontakt@samla.example", 2), (stored!.Name, stored.Email, stored.Version));

        // The merge keeps the first person's name (a field this user did not touch defaults to the saved one) and this user's address.
        Assert.Equal("saved", kept.Value("Choices[Name]"));
        Assert.Equal("mine", kept.Value("Choices[Email]"));
        using var merged = await WorkspaceData.PostAsync(second, Contacts + "?handler=Merge", kept, tokenPage: "/");
        await merged.AssertStatusAsync(HttpStatusCode.Redirect);
        var result = await ContactAsync(id);
        Assert.Equal(("Förstas kontaktnamn", "andras.adress@samla.example", 3), (result!.Name, result.Email, result.Version));
    }

    [Fact]
    public async Task Saving_the_whole_own_version_after_a_conflict_overwrites_knowingly()
    {
        var id = await NewContactAsync("Kontakt B");
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = (await ContactFormAsync(first, id)).Set("Input.Title", "Förstas titel");
        var secondForm = (await ContactFormAsync(second, id)).Set("Input.Title", "Andras titel");
        using (var saved = await WorkspaceData.PostAsync(first, Contacts, firstForm, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        using var refused = await WorkspaceData.PostAsync(second, Contacts, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("Spara hela min version", conflict, StringComparison.Ordinal);
        using var again = await WorkspaceData.PostAsync(second, Contacts, FormReader.Fields(conflict, "Input.Name"), tokenPage: "/");
        await again.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("Andras titel", (await ContactAsync(id))!.Title);
    }

    [Fact]
    public async Task A_change_of_the_phone_alone_is_a_new_version_and_conflicts_too()
    {
        var id = await NewContactAsync("Kontakt C");
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = (await ContactFormAsync(first, id)).Set("Input.Phone", "035-10 10 10");
        var secondForm = (await ContactFormAsync(second, id)).Set("Input.Phone", "035-20 20 20");
        using (var saved = await WorkspaceData.PostAsync(first, Contacts, firstForm, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        var afterFirst = await ContactAsync(id);
        Assert.Equal(("035-10 10 10", 2), (afterFirst!.Phones.Single().Number, afterFirst.Version));

        using var refused = await WorkspaceData.PostAsync(second, Contacts, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("035-10 10 10", conflict, StringComparison.Ordinal);
        Assert.Equal("035-20 20 20", FormReader.Fields(conflict, "Input.Name").Value("Input.Phone"));
        Assert.Equal("035-10 10 10", (await ContactAsync(id))!.Phones.Single().Number);
    }

    [Fact]
    public async Task Saving_a_contact_someone_removed_keeps_the_input_and_says_who_removed_it()
    {
        var id = await NewContactAsync("Kontakt D");
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var secondForm = (await ContactFormAsync(second, id)).Set("Input.Department", "Andras avdelning");
        using (var removed = await WorkspaceData.PostAsync(first, $"{Contacts}?handler=Remove&contactId={id}", [new("version", "1")], tokenPage: "/"))
        {
            await removed.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        using var refused = await WorkspaceData.PostAsync(second, Contacts, secondForm, tokenPage: "/");
        var body = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains($"{DemoAccounts.Editor} tog bort kontakten", body, StringComparison.Ordinal);
        var kept = FormReader.Fields(body, "Input.Name");
        Assert.Equal(("Kontakt D", "Andras avdelning", ""), (kept.Value("Input.Name"), kept.Value("Input.Department"), kept.Value("Input.Id")));
        Assert.Null(await ContactAsync(id));
    }

    [Fact]
    public async Task Removing_a_contact_changed_since_the_page_was_read_is_refused()
    {
        var id = await NewContactAsync("Kontakt E");
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Contacts.FirstAsync(x => x.Id == id);
            c.Name = "Kontakt E, ändrad";
            await db.SaveChangesAsync();
        });
        using var refused = await WorkspaceData.PostAsync(client, $"{Contacts}?handler=Remove&contactId={id}", [new("version", "1")], tokenPage: "/");
        var body = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("har därför inte tagits bort", body, StringComparison.Ordinal);
        Assert.Equal("Kontakt E, ändrad", FormReader.Fields(body, "Input.Name").Value("Input.Name"));
        Assert.NotNull(await ContactAsync(id));

        using var removed = await WorkspaceData.PostAsync(client, $"{Contacts}?handler=Remove&contactId={id}", [new("version", "2")], tokenPage: "/");
        await removed.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Null(await ContactAsync(id));
    }

    [Fact]
    public async Task Creating_changing_and_removing_a_contact_is_audited_with_its_phone()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var form = FormReader.Fields(await client.AssertOkAsync(Contacts), "Input.Name")
            .Set("Input.Name", "Granskad Kontakt").Set("Input.Email", "granskad@samla.example").Set("Input.Phone", "035-30 30 30");
        using (var created = await WorkspaceData.PostAsync(client, Contacts, form, tokenPage: "/")) await created.AssertStatusAsync(HttpStatusCode.Redirect);
        var contact = await app.WithDbAsync(db => db.Contacts.AsNoTracking().Include(c => c.Phones).FirstAsync(c => c.Name == "Granskad Kontakt"));
        var id = contact.Id.ToString();
        var phoneId = contact.Phones.Single().Id.ToString();
        Assert.Equal(1, contact.Version);

        var edit = (await ContactFormAsync(client, contact.Id)).Set("Input.Name", "Granskad Kontakt 2");
        using (var updated = await WorkspaceData.PostAsync(client, Contacts, edit, tokenPage: "/")) await updated.AssertStatusAsync(HttpStatusCode.Redirect);
        using (var removed = await WorkspaceData.PostAsync(client, $"{Contacts}?handler=Remove&contactId={id}", [new("version", "2")], tokenPage: "/"))
        {
            await removed.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Contact) && a.EntityId == id) || (a.EntityType == nameof(Phone) && a.EntityId == phoneId))
            .OrderBy(a => a.Id).ToListAsync());
        Assert.All(entries, a => Assert.Equal((DemoAccounts.Editor, (Guid?)WorkspaceData.Halmstad), (a.UserName, a.OrganizationId)));
        var create = Assert.Single(entries, a => a.EntityType == nameof(Contact) && a.Action == "create");
        Assert.Contains("Granskad Kontakt", create.NewValue, StringComparison.Ordinal);
        Assert.Single(entries, a => a.EntityType == nameof(Phone) && a.Action == "create");
        var update = Assert.Single(entries, a => a.EntityType == nameof(Contact) && a.Action == "update");
        Assert.Equal((nameof(Contact.Name), "Granskad Kontakt", "Granskad Kontakt 2"), (update.FieldName, update.OldValue, update.NewValue));
        var delete = Assert.Single(entries, a => a.EntityType == nameof(Contact) && a.Action == "delete");
        Assert.Contains("Granskad Kontakt 2", delete.OldValue, StringComparison.Ordinal);
        Assert.Contains("granskad@samla.example", delete.OldValue, StringComparison.Ordinal);
        var phoneDelete = Assert.Single(entries, a => a.EntityType == nameof(Phone) && a.Action == "delete");
        Assert.Contains("035-30 30 30", phoneDelete.OldValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_version_is_checked_by_the_database_too()
    {
        var id = await NewContactAsync("Kontakt F");
        await app.WithDbAsync(async db =>
        {
            var stale = await db.Contacts.FirstAsync(c => c.Id == id);
            await db.Contacts.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1));
            stale.Name = "Skriver över";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });
    }

    [Fact]
    public async Task Second_save_of_the_profile_shows_both_versions_keeps_the_input_and_can_be_merged()
    {
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = FormReader.Fields(await first.AssertOkAsync(Profile), "Input.Name").Set("Input.AlternateName", "Förstas kortnamn");
        var secondForm = FormReader.Fields(await second.AssertOkAsync(Profile), "Input.Name").Set("Input.Email", "andra.profil@samla.example");
        var original = await app.WithDbAsync(db => db.Organizations.AsNoTracking().FirstAsync(o => o.Id == WorkspaceData.Halmstad));

        using (var saved = await WorkspaceData.PostAsync(first, Profile, firstForm, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        using var refused = await WorkspaceData.PostAsync(second, Profile, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("Profilen har ändrats sedan du öppnade den", conflict, StringComparison.Ordinal);
        Assert.Contains("id=\"conflict\"", conflict, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Editor, conflict, StringComparison.Ordinal);
        // Theirs and mine side by side, for exactly the fields that differ.
        Assert.Contains("Förstas kortnamn", conflict, StringComparison.Ordinal);
        Assert.Contains("andra.profil@samla.example", conflict, StringComparison.Ordinal);
        Assert.Contains("name=\"Choices[AlternateName]\"", conflict, StringComparison.Ordinal);
        Assert.Contains("name=\"Choices[Email]\"", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Choices[Description]\"", conflict, StringComparison.Ordinal);

        var kept = FormReader.Fields(conflict, "Input.Name");
        Assert.Equal("andra.profil@samla.example", kept.Value("Input.Email"));
        Assert.Equal(original.AlternateName ?? "", kept.Value("Input.AlternateName"));
        Assert.Equal((original.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), kept.Value("Input.Version"));
        var stored = await app.WithDbAsync(db => db.Organizations.AsNoTracking().FirstAsync(o => o.Id == WorkspaceData.Halmstad));
        Assert.Equal(("Förstas kortnamn", original.Email), (stored.AlternateName, stored.Email));

        using var merged = await WorkspaceData.PostAsync(second, Profile + "?handler=Merge", kept, tokenPage: "/");
        await merged.AssertStatusAsync(HttpStatusCode.Redirect);
        var result = await app.WithDbAsync(db => db.Organizations.AsNoTracking().FirstAsync(o => o.Id == WorkspaceData.Halmstad));
        Assert.Equal(("Förstas kortnamn", "andra.profil@samla.example"), (result.AlternateName, result.Email));
        Assert.Equal(original.Version + 2, result.Version);
    }
}
