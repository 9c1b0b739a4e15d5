using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Admin;

/// <summary>Sends the one-time link with which an invited user chooses a password.</summary>
public sealed class SendInvitation(UserManager<SamlaUser> users, MailSender mail, IConfiguration config, IStringLocalizer<AdminText> t)
{
    public async Task SendAsync(SamlaUser user, HttpRequest request, string invitedBy, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = config["Samla:PublicUrl"]?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        var link = $"{baseUrl}/konto/valj-losenord?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var days = (int)AdminSetup.InvitationLifetime.TotalDays;
        await mail.SendAsync(user.Email!, t["InviteMail_Subject"], t["InviteMail_Body", user.DisplayName, invitedBy, link, days], ct);
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
