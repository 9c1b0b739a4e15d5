using Microsoft.AspNetCore.Identity;

namespace Samla.Web.Data;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Editor = "Editor";
    public const string Reader = "Reader";
    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator, Editor, Reader];

    /// <summary>Roles that must sign in with a second factor.</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Administrator, Coordinator];
}

public class SamlaUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<UserOrganization> Organizations { get; set; } = [];
}

/// <summary>Binds an editor to an organisation whose data they may change.</summary>
public class UserOrganization
{
    public required string UserId { get; set; }
    public SamlaUser User { get; set; } = null!;
    public Guid OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
}
