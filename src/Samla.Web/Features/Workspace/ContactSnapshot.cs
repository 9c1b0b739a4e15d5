using Samla.Web.Data;

namespace Samla.Web.Features.Workspace;

/// <summary>
/// What an editor can change on a staff contact (with its phone number), as one value: compared field by field
/// and merged after a conflict (FieldConflicts). Values are kept as they are saved (trimmed, blanks as null).
/// </summary>
public sealed class ContactSnapshot
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactRole Role { get; set; }
    public bool StaffOnly { get; set; } = true;

    /// <summary>The phone the contacts form edits (a contact from an import may have several).</summary>
    public static Phone? PrimaryPhone(Contact c) => c.Phones.OrderBy(p => p.Id).FirstOrDefault();

    public static ContactSnapshot Capture(Contact c) => new()
    {
        Name = c.Name, Title = c.Title, Department = c.Department, Email = c.Email, Phone = PrimaryPhone(c)?.Number,
        Role = c.Role, StaffOnly = !c.IsPublic,
    };

    public static ContactSnapshot FromInput(ContactsModel.ContactInput input) => new()
    {
        Name = Blank(input.Name), Title = Blank(input.Title), Department = Blank(input.Department), Email = Blank(input.Email),
        Phone = Blank(input.Phone), Role = input.Role, StaffOnly = input.StaffOnly,
    };

    /// <summary>
    /// Writes the snapshot onto a contact tracked by <paramref name="db"/> (or one just added to it); a new phone is
    /// added to <paramref name="db"/> explicitly, a removed one deleted.
    /// </summary>
    public void ApplyTo(Contact c, SamlaDbContext db)
    {
        c.Name = Name;
        c.Title = Title;
        c.Department = Department;
        c.Email = Email;
        c.Role = Role;
        c.IsPublic = !StaffOnly;
        var phone = PrimaryPhone(c);
        if (Phone is null)
        {
            if (phone is not null) db.Phones.Remove(phone);
        }
        else if (phone is null)
        {
            db.Phones.Add(new Phone { Number = Phone, Contact = c, OrganizationId = c.OrganizationId });
        }
        else
        {
            phone.Number = Phone;
        }
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
