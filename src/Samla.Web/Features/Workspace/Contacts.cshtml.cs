using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>The organisation's staff contacts; those marked staff-only are shown to signed-in users only.</summary>
public sealed class ContactsModel(SamlaDbContext db, OrganizationAccess access, IStringLocalizer<WorkspaceText> t) : PageModel
{
    public sealed class ContactInput
    {
        public Guid? Id { get; set; }
        public Guid OrganizationId { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Department { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public ContactRole Role { get; set; }
        public bool StaffOnly { get; set; } = true;
    }

    [FromRoute]
    public Guid OrgId { get; set; }

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public string OrganizationName { get; private set; } = "";

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
            Input = new ContactInput
            {
                Id = c.Id, OrganizationId = OrgId, Name = c.Name, Title = c.Title, Department = c.Department, Email = c.Email,
                Phone = c.Phones.FirstOrDefault()?.Number, Role = c.Role, StaffOnly = !c.IsPublic,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.OrganizationId != OrgId) return BadRequest();
        var contact = await FindOwnAsync(Input.Id, ct);
        if (Input.Id is not null && contact is null) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Name) && string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddModelError("Input.Name", t["Validation_ContactNameRequired"]);
        if (string.IsNullOrWhiteSpace(Input.Email) && string.IsNullOrWhiteSpace(Input.Phone)) ModelState.AddModelError("Input.Email", t["Validation_ContactWayRequired"]);
        if (!string.IsNullOrWhiteSpace(Input.Email) && !FieldRules.IsEmail(Input.Email)) ModelState.AddModelError("Input.Email", t["Validation_Email"]);
        if (!string.IsNullOrWhiteSpace(Input.Phone) && !FieldRules.IsPhone(Input.Phone)) ModelState.AddModelError("Input.Phone", t["Validation_Phone"]);
        if (!Enum.IsDefined(Input.Role)) ModelState.AddModelError("Input.Role", t["Validation_Role"]);
        if (!ModelState.IsValid) return Page();

        if (contact is null)
        {
            contact = new Contact { OrganizationId = OrgId };
            db.Contacts.Add(contact);
        }
        contact.Name = Blank(Input.Name);
        contact.Title = Blank(Input.Title);
        contact.Department = Blank(Input.Department);
        contact.Email = Blank(Input.Email);
        contact.Role = Input.Role;
        contact.IsPublic = !Input.StaffOnly;
        var phone = contact.Phones.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Input.Phone))
        {
            if (phone is not null) db.Phones.Remove(phone);
        }
        else if (phone is null)
        {
            db.Phones.Add(new Phone { Number = Input.Phone.Trim(), Contact = contact, OrganizationId = OrgId });
        }
        else
        {
            phone.Number = Input.Phone.Trim();
        }
        await db.SaveChangesAsync(ct);
        Message = t["Message_ContactSaved"];
        return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid contactId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var contact = await FindOwnAsync(contactId, ct);
        if (contact is null) return NotFound();
        // The audit log keeps a full snapshot of the removed contact.
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        Message = t["Message_ContactRemoved"];
        return RedirectToPage(new { orgId = OrgId, id = (Guid?)null });
    }

    /// <summary>A contact of this organisation, by id; another organisation's contact is not found.</summary>
    private async Task<Contact?> FindOwnAsync(Guid? id, CancellationToken ct)
    {
        if (id is null) return null;
        var contact = await db.Contacts.Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact?.OrganizationId is not { } owner || owner != OrgId || !await access.CanEditAsync(User, owner, ct)) return null;
        return contact;
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

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
