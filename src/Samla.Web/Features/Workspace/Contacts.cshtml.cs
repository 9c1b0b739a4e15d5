using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// The organisation's staff contacts; those marked staff-only are shown to signed-in users only. The form carries the
/// version it was read at; when someone saved the contact in between, the page answers 409 with both versions side by
/// side and lets the user pick per field, keeping what they wrote (FieldConflicts, as on the service form). Removing
/// checks the version too; the audit log keeps a full snapshot of a removed contact and its phone.
/// </summary>
public sealed class ContactsModel(SamlaDbContext db, OrganizationAccess access, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed class ContactInput
    {
        public Guid? Id { get; set; }
        public Guid OrganizationId { get; set; }
        public int Version { get; set; }
        /// <summary>The contact as the form was read (JSON of a ContactSnapshot); only preselects the choices after a conflict.</summary>
        public string? Seen { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Department { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public ContactRole Role { get; set; }
        public bool StaffOnly { get; set; } = true;
    }

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(ContactSnapshot.Name)] = "Field_ContactName",
        [nameof(ContactSnapshot.Title)] = "Field_Title",
        [nameof(ContactSnapshot.Department)] = "Field_Department",
        [nameof(ContactSnapshot.Email)] = "Field_Email",
        [nameof(ContactSnapshot.Phone)] = "Field_Phone",
        [nameof(ContactSnapshot.Role)] = "Field_Role",
        [nameof(ContactSnapshot.StaffOnly)] = "Visibility",
    };

    [FromRoute]
    public Guid OrgId { get; set; }

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    /// <summary>Per conflicting field: "mine" or "saved".</summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public string OrganizationName { get; private set; } = "";
    /// <summary>Set when someone saved the contact in between: the differing fields, shown by _Conflict.cshtml.</summary>
    public ConflictView? Conflict { get; private set; }
    /// <summary>Why a save or removal was not done (the contact was removed, or changed before removal), as a sentence.</summary>
    public string? ConflictNotice { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new ContactInput { OrganizationId = OrgId };
        if (id is not null)
        {
            var c = Contacts.FirstOrDefault(x => x.Id == id);
            if (c is null) return NotFound();
            Input = From(ContactSnapshot.Capture(c), c);
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(merge: false, ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) => SaveAsync(merge: true, ct);

    private async Task<IActionResult> SaveAsync(bool merge, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.OrganizationId != OrgId) return BadRequest();
        Contact? contact = null;
        (string UserName, DateTime At)? removed = null;
        if (Input.Id is { } id)
        {
            contact = await FindOwnAsync(id, ct);
            if (contact is null)
            {
                // Someone removed it since the form was opened; any other unknown id is not found.
                removed = await RemovedAsync(id, ct);
                if (removed is null) return NotFound();
            }
        }
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Name) && string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddModelError("Input.Name", t["Validation_ContactNameRequired"]);
        if (string.IsNullOrWhiteSpace(Input.Email) && string.IsNullOrWhiteSpace(Input.Phone)) ModelState.AddModelError("Input.Email", t["Validation_ContactWayRequired"]);
        if (!string.IsNullOrWhiteSpace(Input.Email) && !FieldRules.IsEmail(Input.Email)) ModelState.AddModelError("Input.Email", t["Validation_Email"]);
        if (!string.IsNullOrWhiteSpace(Input.Phone) && !FieldRules.IsPhone(Input.Phone)) ModelState.AddModelError("Input.Phone", t["Validation_Phone"]);
        if (!Enum.IsDefined(Input.Role)) ModelState.AddModelError("Input.Role", t["Validation_Role"]);
        if (!ModelState.IsValid) return Page();

        var mine = ContactSnapshot.FromInput(Input);
        if (removed is { } gone)
        {
            // The form keeps what the user wrote, as a new contact: saving again adds it back, knowingly.
            ConflictNotice = t["ConflictContactRemoved", gone.UserName, Clock(gone.At)];
            Input = From(mine, null);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (contact is null)
        {
            contact = new Contact { OrganizationId = OrgId };
            db.Contacts.Add(contact);
            mine.ApplyTo(contact, db);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            var contactId = contact.Id;
            var stale = await FieldConflicts.SaveAsync(db, contact, Input.Version, mine, merge, Choices, ContactSnapshot.Capture,
                (c, version) =>
                {
                    mine.ApplyTo(c, db);
                    FieldConflicts.StageVersion(db, c, version);
                    return Task.CompletedTask;
                },
                db.SaveChangesAsync, async c =>
                {
                    await LoadAsync(c);
                    return await FindOwnAsync(contactId, c);
                }, ct);
            if (stale?.Current is { } current) return await ConflictAsync(current, stale.Saved!, mine, ct);
            if (stale is not null)
            {
                // Someone removed it between our read and our write.
                var by = await RemovedAsync(contactId, ct);
                ConflictNotice = t["ConflictContactRemoved", by?.UserName ?? "?", by is { } b ? Clock(b.At) : ""];
                Input = From(mine, null);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        Message = t["Message_ContactSaved"];
        return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid contactId, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var contact = await FindOwnAsync(contactId, ct);
        if (contact is null)
        {
            if (await RemovedAsync(contactId, ct) is null) return NotFound();
            Message = t["Message_ContactAlreadyRemoved"];
            return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
        }
        if (version is null) return BadRequest();
        if (contact.Version != version) return RemoveRefused(contact);
        // The audit log keeps a full snapshot of the removed contact (and of its phone, removed with it).
        db.Entry(contact).Property(c => c.Version).OriginalValue = version.Value;
        db.Contacts.Remove(contact);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            var current = await FindOwnAsync(contactId, ct);
            if (current is null)
            {
                Message = t["Message_ContactAlreadyRemoved"];
                return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
            }
            return RemoveRefused(current);
        }
        Message = t["Message_ContactRemoved"];
        return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
    }

    /// <summary>The contact changed since the page was read: not removed; its saved values are put in the form.</summary>
    private IActionResult RemoveRefused(Contact current)
    {
        ConflictNotice = t["ConflictRemoveChanged"];
        Input = From(ContactSnapshot.Capture(current), current);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult> ConflictAsync(Contact current, ContactSnapshot saved, ContactSnapshot mine, CancellationToken ct)
    {
        Conflict = await FieldConflicts.ViewAsync(db, t["ConflictHeadingContact"], saved, mine, FieldConflicts.FromJson<ContactSnapshot>(Input.Seen), f => t[Labels[f]], Describe,
            current.OrganizationId, current.LastModified, nameof(Contact), current.Id, ct);
        // The form keeps this user's values at the newer version: saving again applies them knowingly, merging takes the choices.
        Input = From(mine, current);
        Choices = new(Conflict.Choices);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private string Describe(string field, ContactSnapshot s) => field switch
    {
        nameof(ContactSnapshot.Role) => t["Role_" + s.Role],
        nameof(ContactSnapshot.StaffOnly) => s.StaffOnly ? t["StaffOnly"] : t["Public"],
        _ => FieldConflicts.FieldsOf(typeof(ContactSnapshot)).First(p => p.Name == field).GetValue(s) as string ?? "",
    };

    /// <summary>The form for <paramref name="contact"/>, at the version of <paramref name="current"/> (null: a new contact).</summary>
    private ContactInput From(ContactSnapshot contact, Contact? current) => new()
    {
        Id = current?.Id, OrganizationId = OrgId, Version = current?.Version ?? 0,
        Seen = current is null ? null : FieldConflicts.ToJson(ContactSnapshot.Capture(current)),
        Name = contact.Name, Title = contact.Title, Department = contact.Department, Email = contact.Email, Phone = contact.Phone,
        Role = contact.Role, StaffOnly = contact.StaffOnly,
    };

    /// <summary>A contact of this organisation, by id, tracked; another organisation's contact is not found.</summary>
    private async Task<Contact?> FindOwnAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact?.OrganizationId is not { } owner || owner != OrgId || !await access.CanEditAsync(User, owner, ct)) return null;
        return contact;
    }

    /// <summary>Who removed this organisation's contact <paramref name="id"/> and when, from the audit log; null if it never was one of its contacts.</summary>
    private async Task<(string UserName, DateTime At)?> RemovedAsync(Guid id, CancellationToken ct)
    {
        var key = id.ToString();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Contact) && a.EntityId == key && a.Action == "delete" && a.OrganizationId == OrgId)
            .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.Timestamp }).FirstOrDefaultAsync(ct);
        return entry is null ? null : (entry.UserName, entry.Timestamp);
    }

    private static string Clock(DateTime utc) => Formats.DateTime(utc);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanEditAsync(User, OrgId, ct)) return false;
        var name = await db.Organizations.Where(o => o.Id == OrgId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        OrganizationName = name;
        Contacts = await db.Contacts.AsNoTracking().Include(c => c.Phones).Where(c => c.OrganizationId == OrgId)
            .OrderBy(c => c.Name).ToListAsync(ct);
        return true;
    }
}
