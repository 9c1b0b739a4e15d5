using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>
/// Puts the one-time link with which an invited user chooses a password into the outbox. The caller saves: the mail
/// is committed with the user it invites (or not at all).
/// </summary>
public sealed class InvitationMail(UserManager<SamlaUser> users, Outbox outbox, IOptions<SamlaOptions> options,
    IStringLocalizer<AdminText> t)
{
    public const string Category = "invitation";

    public async Task EnqueueAsync(SamlaUser user, HttpRequest request, string invitedBy, Guid? organizationId, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? $"{request.Scheme}://{request.Host}" : options.Value.PublicUrl.TrimEnd('/');
        var link = $"{baseUrl}/konto/valj-losenord?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var days = (int)AdminSetup.InvitationLifetime.TotalDays;
        await outbox.EnqueueAsync(new OutgoingMail(user.Email!, t["InviteMail_Subject"], t["InviteMail_Body", user.DisplayName, invitedBy, link, days], Category,
            OrganizationId: organizationId, ForgetBodyWhenSent: true), ct);
    }
}

/// <summary>Who may hand out which role: coordinators invite editors and readers; only administrators make coordinators and administrators.</summary>
public static class RoleRules
{
    public static IReadOnlyList<string> Assignable(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) ? Roles.All : [Roles.Editor, Roles.Reader];

    public static bool MayManage(System.Security.Claims.ClaimsPrincipal user, IEnumerable<string> targetRoles) =>
        user.IsInRole(Roles.Administrator) || targetRoles.All(r => r is Roles.Editor or Roles.Reader);
}
