using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Samla.Web.Core;

/// <summary>A message a feature wants sent; hand it to <see cref="Outbox.EnqueueAsync"/>.</summary>
/// <param name="To">One recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">Plain text.</param>
/// <param name="Category">What kind of mail, e.g. "invitation", "update-round", "survey" (shown and filtered on /admin/utskick).</param>
/// <param name="DeduplicationKey">When set, a second message with the same key is not enqueued (idempotent jobs).</param>
/// <param name="OrganizationId">The organisation the mail concerns, for filtering on /admin/utskick.</param>
/// <param name="Attachment">At most one attachment.</param>
/// <param name="ForgetBodyWhenSent">The body holds a one-time secret (a survey link, a password link): the outbox blanks it as
/// soon as the message is sent, instead of after Samla:Outbox:KeepSentBodyDays.</param>
public sealed record OutgoingMail(string To, string Subject, string Body, string Category,
    string? DeduplicationKey = null, Guid? OrganizationId = null,
    MailAttachment? Attachment = null, bool ForgetBodyWhenSent = false);

/// <summary>One attachment, e.g. an iCalendar invitation (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Samla:Mail settings. With PickupDirectory set (Development, tests) mail is written there as .eml files instead of sent.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Samla:Mail";

    [Required]
    public string From { get; set; } = "Samla <noreply@samla.example>";
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? PickupDirectory { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Samla:Mail:From '{From}' is not a mail address.", [nameof(From)]);
        }
    }
}

/// <summary>
/// Delivers one outbox message: to the pickup directory as <c>{messageId}.eml</c> (so a resend after a crash
/// overwrites the file rather than adding one) or over SMTP (MailKit). The Message-Id header is derived from the
/// outbox id, so a receiving server can also recognise a resend. Only the outbox worker calls this.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IWebHostEnvironment environment, ILogger<MailSender> log)
{
    public async Task SendAsync(Guid messageId, OutgoingMail mail, CancellationToken ct)
    {
        var o = options.Value;
        var message = Build(messageId, mail, o);
        if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
        {
            var directory = Path.Combine(environment.ContentRootPath, o.PickupDirectory);
            System.IO.Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, PickupFileName(messageId));
            // Written beside, then renamed: a reader never sees half a message, and a resend replaces the file.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, path, overwrite: true);
            log.LogInformation("Mail {MessageId} ({Category}) written to {Path}", messageId, mail.Category, path);
            return;
        }
        if (string.IsNullOrWhiteSpace(o.Host)) throw new InvalidOperationException("Samla:Mail:Host or Samla:Mail:PickupDirectory must be set to send mail.");
        using var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(o.Host, o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
        log.LogInformation("Mail {MessageId} ({Category}) sent", messageId, mail.Category);
    }

    /// <summary>The pickup file of a message: one per outbox id.</summary>
    public static string PickupFileName(Guid messageId) => $"{messageId:N}.eml";

    /// <summary>The Message-Id header of an outbox message (without angle brackets).</summary>
    public static string MessageIdHeader(Guid messageId, string from)
    {
        var domain = MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } d ? d : "samla.invalid";
        return $"{messageId:N}@{domain}";
    }

    internal static MimeMessage Build(Guid messageId, OutgoingMail mail, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = MessageIdHeader(messageId, o.From);
        var text = new TextPart("plain") { Text = mail.Body };
        if (mail.Attachment is not { } a)
        {
            message.Body = text;
            return message;
        }
        var attachment = new MimePart(ContentType.Parse(a.ContentType))
        {
            Content = new MimeContent(new MemoryStream(a.Content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = a.FileName },
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = a.FileName,
        };
        message.Body = new Multipart("mixed") { text, attachment };
        return message;
    }
}
