using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Samla.Tests.Infrastructure;
using Samla.Web.Features.Surveys;

namespace Samla.Tests.Surveys;

/// <summary>The app with demo data, its survey clock a fake one (the rest of the app keeps the real clock, so sign-in works).</summary>
public sealed partial class SurveysApp : SamlaApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton(new SurveyCalendar(Clock)));
    }

    /// <summary>Flushes the outbox and reads the delivered .eml files whose subject contains <paramref name="text"/>.</summary>
    public async Task<List<SurveyMailMessage>> MailAsync(string text) =>
        (await ReadMailAsync()).Where(m => m.Subject?.Contains(text, StringComparison.Ordinal) == true)
            .Select(m => new SurveyMailMessage(m.To.Mailboxes.Single().Address, m.Subject!, m.TextBody ?? "")).ToList();

    /// <summary>The personal link's token in a mail body.</summary>
    public static string TokenIn(string body) => LinkPattern().Match(body) is { Success: true } m ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("No survey link in:\n" + body);

    [GeneratedRegex(@"/enkat/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
