using System.Net;
using Microsoft.EntityFrameworkCore;
using Samla.Tests.Infrastructure;
using Samla.Web.Data;

namespace Samla.Tests.Workspace;

public sealed class WorkspaceEditingTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private const string Edit = "/arbetsyta/insatser/";

    [Fact]
    public async Task Editor_lands_on_own_organisation_with_services_and_next_actions()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var response = await client.GetAsync("/arbetsyta");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.EndsWith($"/arbetsyta/organisationer/{WorkspaceData.Halmstad}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var body = await client.AssertOkAsync($"/arbetsyta/organisationer/{WorkspaceData.Halmstad}");
        Assert.Contains("Min organisation", body, StringComparison.Ordinal);
        Assert.Contains("Att göra", body, StringComparison.Ordinal);
        Assert.Contains("Uppgifterna stämmer", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_service_saves_a_new_version_and_shows_in_public()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var fields = (await WorkspaceData.EditFormAsync(client, id)).Set("Input.Name", "Nytt namn på insatsen").Set("Input.Description", "Ny **text** med [länk](https://example.org).");
        var version = int.Parse(fields.Value("Input.Version")!, System.Globalization.CultureInfo.InvariantCulture);
        using var response = await WorkspaceData.PostAsync(client, Edit + id, fields, tokenPage: "/");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);

        var saved = await app.ServiceAsync(id);
        Assert.Equal("Nytt namn på insatsen", saved.Name);
        Assert.Equal(version + 1, saved.Version);
        Assert.Equal(DemoAccounts.Editor, saved.AssurerEmail);
        var page = await app.CreateBrowserClient().AssertOkAsync($"/insatser/{id}");
        Assert.Contains("Nytt namn på insatsen", page, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", page, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.ServiceVersions.AnyAsync(v => v.ServiceId == id && v.Version == version + 1 && v.UserName == DemoAccounts.Editor)));
    }

    [Fact]
    public async Task Second_save_of_the_same_version_is_refused_with_both_versions_and_can_be_merged()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 1);
        using var first = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var second = await app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
        var firstForm = (await WorkspaceData.EditFormAsync(first, id)).Set("Input.Name", "Förstas namn");
        var secondForm = (await WorkspaceData.EditFormAsync(second, id)).Set("Input.FeesDescription", "Andras kostnadstext");

        using var saved = await WorkspaceData.PostAsync(first, Edit + id, firstForm, tokenPage: "/");
        await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        using var refused = await WorkspaceData.PostAsync(second, Edit + id, secondForm, tokenPage: "/");
        var conflict = await refused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("id=\"conflict\"", conflict, StringComparison.Ordinal);
        Assert.Contains("Förstas namn", conflict, StringComparison.Ordinal);
        Assert.Contains("Andras kostnadstext", conflict, StringComparison.Ordinal);
        Assert.Equal("Förstas namn", (await app.ServiceAsync(id)).Name);

        // The merge keeps the first person's name (the default for a field this user did not touch) and this user's text.
        var merge = FormReader.Fields(conflict, "Input.Name");
        using var merged = await WorkspaceData.PostAsync(second, Edit + id + "?handler=Merge", merge, tokenPage: "/");
        await merged.AssertStatusAsync(HttpStatusCode.Redirect);
        var result = await app.ServiceAsync(id);
        Assert.Equal("Förstas namn", result.Name);
        Assert.Equal("Andras kostnadstext", result.FeesDescription);
    }

    [Fact]
    public async Task Concurrency_token_is_checked_by_the_database_too()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 2);
        await app.WithDbAsync(async db =>
        {
            var stale = await db.Services.FirstAsync(s => s.Id == id);
            await db.Services.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1));
            stale.Name = "Skriver över";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });
    }

    [Fact]
    public async Task Validation_messages_are_in_Swedish_next_to_the_fields()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 3);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var fields = (await WorkspaceData.EditFormAsync(client, id))
            .Set("Input.Name", "").Set("Input.Description", "").Set("Input.Email", "inte-en-adress").Set("Input.Phone", "ring mig")
            .Set("Input.Url", "javascript:alert(1)").Set("Input.MinimumAge", "30").Set("Input.MaximumAge", "12")
            .Without("Input.TargetGroups").Without("Input.Layer")
            .Set("Input.Schedules[0].Kind", "weekly").Set("Input.Schedules[0].Days", "MO").Set("Input.Schedules[0].Opens", "16:00").Set("Input.Schedules[0].Closes", "13:00");
        var before = await app.WritesAsync();
        using var response = await WorkspaceData.PostAsync(client, Edit + id, fields, tokenPage: "/");
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        foreach (var message in new[]
        {
            "Skriv ett namn.", "Skriv en beskrivning", "Skriv en e-postadress som namn@exempel.se.", "Skriv ett telefonnummer med riktnummer",
            "Skriv en hel webbadress som börjar med https://", "Högsta ålder kan inte vara lägre än lägsta ålder.", "Välj minst en målgrupp.",
            "Välj en nivå.", "Sluttiden måste vara senare än starttiden.",
        })
        {
            Assert.Contains(message, body, StringComparison.Ordinal);
        }
        Assert.Matches("<span [^>]*id=\"email-error\"[^>]*>Skriv en e-postadress", body);
        Assert.Equal(before, await app.WritesAsync());
    }

    [Theory]
    [InlineData("031-390 60 00", true)]
    [InlineData("070-174 06 05", true)]
    [InlineData("+46 31 390 60 00", true)]
    [InlineData("+46 (0)31-390 60 00", true)]
    [InlineData("0771-22 22 22", true)]
    [InlineData("12", false)]
    [InlineData("031-ABC", false)]
    public void Phone_numbers_in_Swedish_and_international_form(string number, bool valid) =>
        Assert.Equal(valid, Samla.Web.Features.Workspace.FieldRules.IsPhone(number));

    [Theory]
    [InlineData("https://www.halmstad.se/stod", true)]
    [InlineData("http://example.org", true)]
    [InlineData("ftp://example.org", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("www.example.org", false)]
    public void Web_addresses_must_be_http_or_https(string url, bool valid) =>
        Assert.Equal(valid, Samla.Web.Features.Workspace.FieldRules.IsWebAddress(url));

    [Fact]
    public async Task Confirm_unchanged_sets_date_and_verifier_and_is_audited()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 4);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        using var response = await WorkspaceData.PostAsync(client, $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}?handler=Confirm&serviceId={id}", [], tokenPage: "/");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var s = await app.ServiceAsync(id);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), s.AssuredDate);
        Assert.Equal(DemoAccounts.Editor, s.AssurerEmail);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityId == id.ToString() && a.FieldName == nameof(Service.AssuredDate) && a.UserName == DemoAccounts.Editor)));
    }

    [Fact]
    public async Task Confirm_all_confirms_every_active_service_of_the_organisation()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.OtherEditor, DemoAccounts.Password);
        using var response = await WorkspaceData.PostAsync(client, $"/arbetsyta/organisationer/{WorkspaceData.RedCross}?handler=ConfirmAll", [], tokenPage: "/");
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var dates = await app.WithDbAsync(db => db.Services.Where(s => s.OrganizationId == WorkspaceData.RedCross && s.Status == ServiceStatus.Active)
            .Select(s => new { s.AssuredDate, s.AssurerEmail }).ToListAsync());
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Equal((today, DemoAccounts.OtherEditor), (d.AssuredDate!.Value, d.AssurerEmail)));
    }

    [Fact]
    public async Task History_shows_who_and_what_and_restore_writes_a_new_version()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 5);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var original = (await app.ServiceAsync(id)).Name;
        var fields = (await WorkspaceData.EditFormAsync(client, id)).Set("Input.Name", "Ändrat namn").Without("Input.Languages").Set("Input.Languages", "ti");
        using (var saved = await WorkspaceData.PostAsync(client, Edit + id, fields, tokenPage: "/")) await saved.AssertStatusAsync(HttpStatusCode.Redirect);

        var history = await client.AssertOkAsync($"{Edit}{id}/historik");
        Assert.Contains(DemoAccounts.Editor, history, StringComparison.Ordinal);
        Assert.Contains("Ändrat namn", history, StringComparison.Ordinal);
        Assert.Contains(original, history, StringComparison.Ordinal);
        Assert.Contains("tigrinja", history, StringComparison.Ordinal);

        var first = await app.WithDbAsync(db => db.ServiceVersions.Where(v => v.ServiceId == id).OrderBy(v => v.Version).FirstAsync());
        var versionBefore = (await app.ServiceAsync(id)).Version;
        using (var restored = await WorkspaceData.PostAsync(client, $"{Edit}{id}/historik?handler=Restore&versionId={first.Id}", [], tokenPage: "/"))
        {
            await restored.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var s = await app.ServiceAsync(id);
        Assert.Equal(original, s.Name);
        Assert.Equal(versionBefore + 1, s.Version);
        Assert.DoesNotContain(s.Languages, l => l.Code == "ti" && !first.SnapshotJson.Contains("\"ti\"", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.ServiceVersions.AnyAsync(v => v.ServiceId == id && v.Version == s.Version && v.Action == "restore")));
    }

    [Fact]
    public async Task Create_duplicate_deactivate_and_reactivate_never_delete()
    {
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var form = FormReader.Fields(await client.AssertOkAsync($"/arbetsyta/organisationer/{WorkspaceData.Halmstad}/ny-insats"), "Input.Name");
        var targetGroup = ReferenceData.TermId(ReferenceData.TargetGroups, "refugees").ToString();
        var layer = await app.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Taxonomy.Name == ReferenceData.MhpssLayers).Select(t => t.Id).FirstAsync());
        form.Set("Input.Name", "Helt ny insats").Set("Input.Description", "Beskrivning.").Set("Input.TargetGroups", targetGroup).Set("Input.Layer", layer.ToString())
            .Set("Input.Schedules[0].Kind", "monthly").Set("Input.Schedules[0].Ordinal", "1").Set("Input.Schedules[0].MonthDay", "TU")
            .Set("Input.Schedules[0].Opens", "18:00").Set("Input.Schedules[0].Closes", "20:00");
        using (var created = await WorkspaceData.PostAsync(client, $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}/ny-insats", form, tokenPage: "/"))
        {
            await created.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var service = await app.WithDbAsync(db => db.Services.Include(s => s.Schedules).FirstAsync(s => s.Name == "Helt ny insats"));
        Assert.False(service.IsPublished);
        Assert.Equal(("MONTHLY", "1TU"), (service.Schedules[0].Freq, service.Schedules[0].Byday));
        using (var anonymous = app.CreateBrowserClient())
        using (var draft = await anonymous.GetAsync($"/insatser/{service.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }

        var org = $"/arbetsyta/organisationer/{WorkspaceData.Halmstad}";
        using (var dup = await WorkspaceData.PostAsync(client, $"{org}?handler=Duplicate&serviceId={service.Id}", [], tokenPage: "/")) await dup.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.True(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Name == "Helt ny insats (kopia)" && !s.IsPublished)));
        using (var off = await WorkspaceData.PostAsync(client, $"{org}?handler=Deactivate&serviceId={service.Id}", [], tokenPage: "/")) await off.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(ServiceStatus.Inactive, (await app.ServiceAsync(service.Id)).Status);
        using (var on = await WorkspaceData.PostAsync(client, $"{org}?handler=Reactivate&serviceId={service.Id}", [], tokenPage: "/")) await on.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(ServiceStatus.Active, (await app.ServiceAsync(service.Id)).Status);
    }

    [Fact]
    public async Task Markdown_preview_renders_safely()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 6);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var fields = (await WorkspaceData.EditFormAsync(client, id)).Set("Input.Description", "**Fet** <script>alert(1)</script> [x](https://example.org)");
        var before = await app.WritesAsync();
        using var response = await WorkspaceData.PostAsync(client, Edit + id + "?handler=Preview", fields, tokenPage: "/");
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("<strong>Fet</strong>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.WritesAsync());
    }

    [Fact]
    public async Task History_names_the_source_of_the_first_version_and_marks_changed_words_only()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad, skip: 7);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var before = await client.AssertOkAsync($"{Edit}{id}/historik");
        Assert.DoesNotMatch("<p>–,", before);
        Assert.Contains("före arbetsytan", before, StringComparison.OrdinalIgnoreCase);

        foreach (var text in new[] { "Vi träffas varje tisdag i biblioteket.\n\nTa med en vän om du vill.", "Vi träffas varje onsdag i biblioteket.\n\nTa med en vän om du vill." })
        {
            var fields = (await WorkspaceData.EditFormAsync(client, id)).Set("Input.Description", text);
            using var saved = await WorkspaceData.PostAsync(client, Edit + id, fields, tokenPage: "/");
            await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var history = await client.AssertOkAsync($"{Edit}{id}/historik");
        Assert.Contains("<del>tisdag</del>", history, StringComparison.Ordinal);
        Assert.Contains("<ins>onsdag</ins>", history, StringComparison.Ordinal);
        Assert.Contains("i biblioteket.<br><br>Ta med en vän", history, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>Vi träffas", history, StringComparison.Ordinal);
    }
}
