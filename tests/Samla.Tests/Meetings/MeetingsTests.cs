using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samla.Tests.Infrastructure;
using Samla.Tests.Workspace;
using Samla.Web.Data;
using Samla.Web.Features.Meetings;

namespace Samla.Tests.Meetings;

/// <summary>
/// Dialogue meetings and update rounds through the real pages, on the demo data: a coordinator opens a round, editors
/// confirm and edit on their own workspace pages, and the board derives each organisation's state from that.
/// </summary>
public sealed class MeetingsTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static string Today(int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"14 december 2026": an ISO date as the mails and the closing report write it.</summary>
    private static string LongDate(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", Swedish);

    private Task<HttpClient> CoordinatorAsync() => app.CreateClientSignedInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);

    private Task<Dictionary<Guid, OrganizationProgress>> ProgressAsync(Guid roundId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SamlaDbContext>();
        var round = await db.Set<UpdateRound>().AsNoTracking().FirstAsync(r => r.Id == roundId);
        return (await sp.GetRequiredService<RoundProgress>().ForRoundAsync(round, default)).ToDictionary(r => r.OrganizationId);
    });

    private Task<Guid> MeetingAsync(string title, DateTime startsAt, IEnumerable<Guid> invited, Action<DialogueMeeting>? more = null) => app.WithDbAsync(async db =>
    {
        var m = new DialogueMeeting
        {
            Title = title,
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(3),
            Place = "Regionens hus",
            VideoUrl = "https://mote.samla.example/hemligt-rum",
            ConvenorIds = [DemoData.OrganizationId("region")],
            InvitedOrganizationIds = [.. invited],
            Agenda = ["Välkommen", "Uppdatering"],
        };
        more?.Invoke(m);
        db.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    });

    [Fact]
    public async Task A_value_that_cannot_be_read_gets_a_message_in_the_ui_language_not_aspnets_english()
    {
        using var coordinator = await CoordinatorAsync();
        using var posted = await MeetingsData.PostAsync(coordinator, "/samordning/uppdateringsrundor/ny",
            [new("Input.Title", "Runda"), new("Input.Deadline", Today(14)), new("Input.ReminderDays", "14, 3"), new("Input.OverdueEveryDays", "abc")]);
        var body = await posted.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("”abc” är inte ett giltigt värde.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_states_are_derived_from_editors_confirmations_and_edits_and_the_closing_report_goes_into_the_minutes()
    {
        var a = await app.OrganizationAsync(2);
        var b = await app.OrganizationAsync(2);
        var c = await app.OrganizationAsync(1);
        var d = await app.OrganizationAsync(1);
        var editorA = await app.EditorAsync(a.Id);
        var editorB = await app.EditorAsync(b.Id);
        var editorC = await app.EditorAsync(c.Id);
        var meeting = await MeetingAsync($"Möte {Guid.NewGuid():N}", DateTime.UtcNow.AddDays(1), [a.Id, b.Id, c.Id, d.Id]);
        using var coordinator = await CoordinatorAsync();

        using var opened = await MeetingsData.PostAsync(coordinator, $"/samordning/uppdateringsrundor/ny?mote={meeting}",
        [
            new("Input.Title", "Vårens runda"), new("Input.Deadline", Today(14)), new("Input.ReminderDays", "14, 3"), new("Input.OverdueEveryDays", "7"),
            new("Input.Organizations", a.Id.ToString()), new("Input.Organizations", b.Id.ToString()),
            new("Input.Organizations", c.Id.ToString()), new("Input.Organizations", d.Id.ToString()),
        ]);
        await opened.AssertStatusAsync(HttpStatusCode.Redirect);
        var board = opened.Headers.Location!.OriginalString;
        var roundId = Guid.Parse(board.Split('/')[^1]);
        Assert.All((await ProgressAsync(roundId)).Values, p => Assert.Equal(RoundState.NotStarted, p.State));

        // Each editor got the opening message with the direct link to their own organisation's workspace page.
        var mail = Assert.Single(await app.MailToAsync(editorA));
        Assert.Contains($"/arbetsyta/organisationer/{a.Id}", mail.TextBody, StringComparison.Ordinal);
        // The deadline in the mail's text is written out in Swedish ("14 december 2026"), not ISO.
        // The organisation is named without a made genitive ("Föreningen Hylte Tillsammanss").
        Assert.Contains($"Gå igenom insatserna för {a.Name} senast {LongDate(Today(14))}.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Today(14), mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Id.ToString(), mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await app.MailToAsync(editorB));

        // A confirms everything ("Uppgifterna stämmer"); B edits one service through the real edit form; C does nothing.
        using var clientA = await app.CreateClientSignedInAsync(editorA, MeetingsData.Password);
        using (var r = await MeetingsData.PostAsync(clientA, $"/arbetsyta/organisationer/{a.Id}?handler=ConfirmAll", [])) await r.AssertStatusAsync(HttpStatusCode.Redirect);
        using var clientB = await app.CreateClientSignedInAsync(editorB, MeetingsData.Password);
        var form = (await WorkspaceData.EditFormAsync(clientB, b.Services[0])).Set("Input.Description", "Ny beskrivning efter dialogmötet.");
        using (var r = await WorkspaceData.PostAsync(clientB, $"/arbetsyta/insatser/{b.Services[0]}", form, tokenPage: "/")) await r.AssertStatusAsync(HttpStatusCode.Redirect);

        var progress = await ProgressAsync(roundId);
        Assert.Equal(RoundState.Confirmed, progress[a.Id].State);
        Assert.True(progress[a.Id].Done);
        Assert.Equal(RoundState.Updated, progress[b.Id].State);
        Assert.Single(progress[b.Id].UpdatedServices);
        Assert.Single(progress[b.Id].ServicesToConfirm);
        Assert.Equal(RoundState.NotStarted, progress[c.Id].State);
        Assert.NotNull(progress[b.Id].LastActivity);
        Assert.Equal(1, progress[a.Id].ActiveEditors);
        Assert.Equal(0, progress[d.Id].ActiveEditors);

        // The board shows the states, sorts by query string and offers the invite action for D, which has no editor.
        var html = await coordinator.AssertOkAsync(board + "?sort=state&dir=desc");
        Assert.Contains("Bekräftat oförändrat", MeetingsData.Row(html, a.Name), StringComparison.Ordinal);
        Assert.Contains("Uppdaterat", MeetingsData.Row(html, b.Name), StringComparison.Ordinal);
        Assert.Contains("Inte påbörjad", MeetingsData.Row(html, c.Name), StringComparison.Ordinal);
        Assert.Contains($"/admin/anvandare?organisation={d.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(editorA, html, StringComparison.OrdinalIgnoreCase);
        Assert.True(html.IndexOf(b.Name, StringComparison.Ordinal) < html.IndexOf(a.Name, StringComparison.Ordinal), "state desc puts Updated before Confirmed");

        // CSV: one row per organisation.
        using var csvResponse = await coordinator.GetAsync(board + "?format=csv");
        var csv = await csvResponse.AssertStatusAsync(HttpStatusCode.OK);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("Organisation,Status", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(a.Name + ",Bekräftat oförändrat,2,0,2,", StringComparison.Ordinal));

        // The deadline passes: whoever has not checked every active service is overdue; A stays confirmed.
        await app.WithDbAsync(async db =>
        {
            var round = await db.Set<UpdateRound>().FirstAsync(r => r.Id == roundId);
            round.Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            await db.SaveChangesAsync();
        });
        progress = await ProgressAsync(roundId);
        Assert.Equal(RoundState.Confirmed, progress[a.Id].State);
        Assert.Equal(RoundState.Overdue, progress[b.Id].State);
        Assert.Equal(RoundState.Overdue, progress[c.Id].State);

        // Closing writes the report into the meeting's minutes.
        var version = await app.WithDbAsync(db => db.Set<UpdateRound>().Where(r => r.Id == roundId).Select(r => r.Version).FirstAsync());
        using (var r = await MeetingsData.PostAsync(coordinator, board + "?handler=Close", [new("Version", version.ToString(CultureInfo.InvariantCulture))]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var minutes = await app.WithDbAsync(db => db.Set<DialogueMeeting>().Where(m => m.Id == meeting).Select(m => m.Minutes).FirstAsync());
        Assert.Contains("## Uppdateringsrunda: Vårens runda", minutes, StringComparison.Ordinal);
        Assert.Contains($", sista dag {LongDate(Today(-1))}, stängd ", minutes, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", minutes);
        var confirmedSection = minutes[minutes.IndexOf("### Bekräftade", StringComparison.Ordinal)..minutes.IndexOf("### Uppdaterade", StringComparison.Ordinal)];
        Assert.Contains(a.Name, confirmedSection, StringComparison.Ordinal);
        Assert.Contains($"{b.Name}: Insats 1", minutes, StringComparison.Ordinal);
        var notDone = minutes[minutes.IndexOf("### Gick inte", StringComparison.Ordinal)..];
        Assert.Contains(c.Name, notDone, StringComparison.Ordinal);
        Assert.Contains(d.Name, notDone, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<UpdateRound>().Where(r => r.Id == roundId).Select(r => r.ClosedAt).FirstAsync()));
    }

    [Fact]
    public async Task Editors_mark_their_own_action_items_done_but_not_another_organisations()
    {
        var own = await app.OrganizationAsync(1);
        var other = await app.OrganizationAsync(1);
        var editor = await app.EditorAsync(own.Id);
        var otherEditor = await app.EditorAsync(other.Id);
        var ownItem = Guid.NewGuid();
        var otherItem = Guid.NewGuid();
        await MeetingAsync($"Möte {Guid.NewGuid():N}", DateTime.UtcNow.AddDays(-10), [own.Id, other.Id], m =>
        {
            m.ActionItems.Add(new ActionItem { Id = ownItem, What = "Uppdatera vår insats om stödsamtal", OwnerOrganizationId = own.Id, DueDate = new DateOnly(2026, 12, 1) });
            m.ActionItems.Add(new ActionItem { Id = otherItem, What = "Annans åtgärd", OwnerOrganizationId = other.Id });
        });
        using var client = await app.CreateClientSignedInAsync(editor, MeetingsData.Password);

        var workspace = await client.AssertOkAsync($"/arbetsyta/organisationer/{own.Id}");
        Assert.Contains("Uppdatera vår insats om stödsamtal", workspace, StringComparison.Ordinal);
        Assert.DoesNotContain("Annans åtgärd", workspace, StringComparison.Ordinal);

        // Another organisation's item: 404 and nothing written.
        using (var r = await MeetingsData.PostAsync(client, $"/arbetsyta/atgarder/{otherItem}", [new("Version", "1"), new("Comment", "Kapad")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.NotFound);
        }
        var untouched = await app.WithDbAsync(db => db.Set<ActionItem>().AsNoTracking().FirstAsync(i => i.Id == otherItem));
        Assert.Equal(ActionItemStatus.Open, untouched.Status);
        Assert.Null(untouched.Comment);
        using var otherClient = await app.CreateClientSignedInAsync(otherEditor, MeetingsData.Password);
        using (var r = await otherClient.GetAsync($"/arbetsyta/atgarder/{ownItem}")) await r.AssertStatusAsync(HttpStatusCode.NotFound);

        using (var r = await MeetingsData.PostAsync(client, $"/arbetsyta/atgarder/{ownItem}", [new("Version", "1"), new("Comment", "Klart i oktober.")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var done = await app.WithDbAsync(db => db.Set<ActionItem>().AsNoTracking().FirstAsync(i => i.Id == ownItem));
        Assert.Equal(ActionItemStatus.Done, done.Status);
        Assert.Equal("Klart i oktober.", done.Comment);
        Assert.Equal(editor, done.DoneBy);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ActionItem) && e.EntityId == ownItem.ToString() && e.FieldName == "Status")));
        Assert.DoesNotContain($"/arbetsyta/atgarder/{ownItem}", await client.AssertOkAsync($"/arbetsyta/organisationer/{own.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_creates_edits_records_attendance_and_minutes_a_stale_edit_loses_nothing_and_readers_only_read()
    {
        var org = await app.OrganizationAsync(1);
        var editor = await app.EditorAsync(org.Id);
        using var coordinator = await CoordinatorAsync();
        var title = $"Dialogmöte {Guid.NewGuid():N}"[..24];
        using var created = await MeetingsData.PostAsync(coordinator, "/samordning/moten/nytt",
        [
            new("Input.Title", title), new("Input.Date", Today(30)), new("Input.StartTime", "09:00"), new("Input.EndTime", "12:00"),
            new("Input.Place", "Länsstyrelsen, Halmstad"), new("Input.VideoUrl", "https://mote.samla.example/rum-42"),
            new("Input.Agenda", "Välkommen\nBeredskap inför stort mottagande\nUppdatering"),
            new("Input.Convenors", DemoData.OrganizationId("region").ToString()), new("Input.Invited", org.Id.ToString()), new("Input.Version", "0"),
        ]);
        await created.AssertStatusAsync(HttpStatusCode.Redirect);
        var page = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(page.Split('/')[^1]);
        var meeting = await app.WithDbAsync(db => db.Set<DialogueMeeting>().AsNoTracking().FirstAsync(m => m.Id == id));
        Assert.Equal(["Välkommen", "Beredskap inför stort mottagande", "Uppdatering"], meeting.Agenda);
        Assert.Contains(org.Id, meeting.InvitedOrganizationIds);
        Assert.Contains(DemoData.OrganizationId("region"), meeting.InvitedOrganizationIds);

        // Edit, then a second edit from the same stale version: the conflict is shown, the input kept, nothing overwritten.
        var form = FormReader.Fields(await coordinator.AssertOkAsync(page + "/redigera"), "Input.Title");
        using (var r = await MeetingsData.PostAsync(coordinator, page + "/redigera", form.Set("Input.Title", title + " (ändrad)")))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        using (var r = await MeetingsData.PostAsync(coordinator, page + "/redigera", form.Set("Input.Title", title + " (min version)")))
        {
            var body = await r.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Contains("Någon annan har sparat under tiden", body, StringComparison.Ordinal);
            Assert.Contains($"value=\"{title} (min version)\"", body, StringComparison.Ordinal);
            Assert.Contains($"{title} (ändrad)", body, StringComparison.Ordinal);
        }
        Assert.Equal(title + " (ändrad)", await app.WithDbAsync(db => db.Set<DialogueMeeting>().Where(m => m.Id == id).Select(m => m.Title).FirstAsync()));

        // Attendance by role; minutes in sanitised Markdown.
        var version = await app.WithDbAsync(db => db.Set<DialogueMeeting>().Where(m => m.Id == id).Select(m => m.Version).FirstAsync());
        using (var r = await MeetingsData.PostAsync(coordinator, page + "/narvaro",
        [
            new("Version", version.ToString(CultureInfo.InvariantCulture)),
            new("Rows[0].OrganizationId", org.Id.ToString()), new("Rows[0].Status", "Present"), new("Rows[0].Role", "Processledare integration"),
            new("Rows[1].OrganizationId", DemoData.OrganizationId("region").ToString()), new("Rows[1].Status", "Excused"), new("Rows[1].Role", ""),
        ]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        version++;
        using (var r = await MeetingsData.PostAsync(coordinator, page + "/protokoll",
            [new("Version", version.ToString(CultureInfo.InvariantCulture)), new("Minutes", "Vi kom överens om **kraftsamling**.<script>alert(1)</script>"), new("Decisions", "Beslut ett\nBeslut två")]))
        {
            await r.AssertStatusAsync(HttpStatusCode.Redirect);
        }
        var details = await coordinator.AssertOkAsync(page);
        Assert.Contains("Processledare integration", MeetingsData.Row(details, org.Name), StringComparison.Ordinal);
        Assert.Contains("Närvarande", MeetingsData.Row(details, org.Name), StringComparison.Ordinal);
        Assert.Contains("<strong>kraftsamling</strong>", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", details, StringComparison.Ordinal);
        Assert.Contains("Beslut två", details, StringComparison.Ordinal);
        Assert.Contains("<strong>kraftsamling</strong>", await coordinator.AssertOkAsync(page + "/protokoll/utskrift"), StringComparison.Ordinal);

        // The invitation goes to the invited organisation's editor, with the .ics attached.
        using (var r = await MeetingsData.PostAsync(coordinator, page + "?handler=Invite", [])) await r.AssertStatusAsync(HttpStatusCode.Redirect);
        var invitation = Assert.Single(await app.MailToAsync(editor));
        Assert.Contains(title, invitation.Subject, StringComparison.Ordinal);
        // The time as the pages write it ("14 jan. 2027 09:00–12:00"), in the subject and the text.
        var when = DateOnly.ParseExact(Today(30), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMM yyyy", Swedish).Replace(' ', '\u00a0') + " 09:00–12:00";
        Assert.EndsWith(", " + when, invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("Tid: " + when, invitation.TextBody, StringComparison.Ordinal);
        // Sent again with no change: nothing new is queued, and the page says so instead of "0 mottagare".
        using (var r = await MeetingsData.PostAsync(coordinator, page + "?handler=Invite", [])) await r.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("Ingen ny inbjudan lades i utkorgen", await coordinator.AssertOkAsync(page), StringComparison.Ordinal);
        Assert.Single(await app.MailToAsync(editor));
        var ics = Assert.Single(invitation.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("text/calendar", ics.ContentType.MimeType);

        // Readers and editors read, but cannot create or edit.
        using var reader = await app.CreateClientSignedInAsync(DemoAccounts.Reader, DemoAccounts.Password);
        Assert.Contains(title, await reader.AssertOkAsync(page), StringComparison.Ordinal);
        using (var r = await reader.GetAsync("/samordning/moten/nytt")) Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("nekad", StringComparison.Ordinal) != false);
        using (var r = await MeetingsData.PostAsync(reader, page + "/protokoll", [new("Version", "9"), new("Minutes", "Kapat")])) Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        Assert.DoesNotContain("Kapat", await app.WithDbAsync(db => db.Set<DialogueMeeting>().Where(m => m.Id == id).Select(m => m.Minutes).FirstAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ics_of_a_meeting_needs_sign_in_and_the_public_feed_leaves_out_video_links()
    {
        var start = new DateTime(2030, 4, 22, 7, 0, 0, DateTimeKind.Utc);
        var title = $"Kalendermöte {Guid.NewGuid():N}"[..26];
        var id = await MeetingAsync(title, start, [DemoData.OrganizationId("halmstad")]);
        using var coordinator = await CoordinatorAsync();

        using var response = await coordinator.GetAsync($"/api/calendar/meetings/{id}.ics");
        var ics = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{title}", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20300422T070000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20300422T100000Z", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:meeting-{id}@samla", ics, StringComparison.Ordinal);
        Assert.Contains("hemligt-rum", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var anonymous = app.CreateBrowserClient();
        using (var r = await anonymous.GetAsync($"/api/calendar/meetings/{id}.ics")) Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        using var feedResponse = await anonymous.GetAsync("/api/calendar/meetings.ics");
        var feed = (await feedResponse.AssertStatusAsync(HttpStatusCode.OK)).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{title}", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt-rum", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("ATTENDEE", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_over_time_flags_absence_from_the_last_two_meetings_and_no_active_editor()
    {
        var away = await app.OrganizationAsync(0);
        var present = await app.OrganizationAsync(0);
        await app.EditorAsync(present.Id);
        // The two newest past meetings (other tests' meetings lie further back).
        foreach (var daysAgo in new[] { 2, 1 })
        {
            await MeetingAsync($"Nyligen {daysAgo}", DateTime.UtcNow.AddDays(-daysAgo).AddHours(-4), [away.Id, present.Id], m =>
            {
                m.Attendance.Add(new MeetingAttendance { OrganizationId = away.Id, Status = AttendanceStatus.Absent });
                m.Attendance.Add(new MeetingAttendance { OrganizationId = present.Id, Status = AttendanceStatus.Present, Role = "Processledare" });
            });
        }
        using var coordinator = await CoordinatorAsync();
        var html = await coordinator.AssertOkAsync("/samordning/moten/narvaro");
        var awayRow = MeetingsData.Row(html, away.Name);
        Assert.Contains("Saknades vid de två senaste mötena", awayRow, StringComparison.Ordinal);
        Assert.Contains("Ingen aktiv redaktör", awayRow, StringComparison.Ordinal);
        Assert.Contains($"/admin/anvandare?organisation={away.Id}", awayRow, StringComparison.Ordinal);
        var presentRow = MeetingsData.Row(html, present.Name);
        Assert.DoesNotContain("Saknades", presentRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingen aktiv redaktör", presentRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_round_has_confirmed_updated_and_not_started_organisations_and_the_demo_editor_sees_an_open_action_item()
    {
        var progress = await ProgressAsync(MeetingsDemoData.RoundId);
        Assert.All(MeetingsDemoData.ConfirmingOrganizations, k => Assert.Equal(RoundState.Confirmed, progress[DemoData.OrganizationId(k)].State));
        Assert.All(MeetingsDemoData.UpdatingOrganizations, k => Assert.Equal(RoundState.Updated, progress[DemoData.OrganizationId(k)].State));
        Assert.Equal(RoundState.NotStarted, progress[DemoData.OrganizationId("halmstad")].State);
        var spring = await app.WithDbAsync(db => db.Set<DialogueMeeting>().AsNoTracking().Include(m => m.ActionItems).Include(m => m.Attendance)
            .FirstAsync(m => m.Id == MeetingsDemoData.SpringMeetingId));
        Assert.Equal(2026, spring.StartsAt.Year);
        Assert.Contains(spring.ActionItems, i => i.NeedId != null);
        Assert.NotEmpty(spring.Decisions);
        Assert.All(spring.Attendance.Where(a => a.Role is not null), a => Assert.DoesNotContain("@", a.Role!, StringComparison.Ordinal));

        using var editor = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var workspace = await editor.AssertOkAsync($"/arbetsyta/organisationer/{DemoData.OrganizationId("halmstad")}");
        Assert.Contains("Öppna åtgärdspunkter", workspace, StringComparison.Ordinal);
        Assert.Contains($"/arbetsyta/atgarder/{MeetingsDemoData.HalmstadActionItemId}", workspace, StringComparison.Ordinal);
    }
}
