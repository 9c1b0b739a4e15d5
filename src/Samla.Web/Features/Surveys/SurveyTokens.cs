using System.Security.Cryptography;
using System.Text;

namespace Samla.Web.Features.Surveys;

/// <summary>
/// Personal answer links: 256 random bits from <see cref="RandomNumberGenerator"/>, base64url. Only the SHA-256
/// hash (hex) is stored, so a copy of the database opens no answer.
/// </summary>
public static class SurveyTokens
{
    public const int Bytes = 32;

    public static (string Token, string Hash) Create()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(Bytes));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Shape check before any database look-up: 43 base64url characters.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The survey's day: answers can be given up to and including the closing date, Swedish time.</summary>
public sealed class SurveyCalendar(TimeProvider clock)
{
    private static readonly TimeZoneInfo Sweden = FindSweden();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Sweden).DateTime);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public bool IsOpen(Survey survey) => survey.Status == SurveyStatus.Sent && Today <= survey.ClosesOn;

    private static TimeZoneInfo FindSweden()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
