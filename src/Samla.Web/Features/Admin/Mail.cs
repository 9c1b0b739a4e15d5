using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Samla.Web.Features.Admin;

/// <summary>Samla:Mail settings. With PickupDirectory set (Development, tests) mail is written there as .eml files instead of sent.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Samla <noreply@samla.example>";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? PickupDirectory { get; set; }
}

public sealed class MailSender(Microsoft.Extensions.Options.IOptions<MailOptions> options, IWebHostEnvironment environment, ILogger<MailSender> log)
{
    public async Task SendAsync(string to, string subject, string text, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };

        if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
        {
            var directory = Path.Combine(environment.ContentRootPath, o.PickupDirectory);
            System.IO.Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, ct);
            log.LogInformation("Mail to {To} written to {Path}", to, path);
            return;
        }
        if (string.IsNullOrWhiteSpace(o.Host)) throw new InvalidOperationException("Samla:Mail:Host or Samla:Mail:PickupDirectory must be set to send mail.");
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host, o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
        log.LogInformation("Mail to {To} sent", to);
    }
}
