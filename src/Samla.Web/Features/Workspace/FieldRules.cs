using System.Globalization;
using System.Text.RegularExpressions;

namespace Samla.Web.Features.Workspace;

/// <summary>Server-side checks for contact fields, shared by every workspace and admin form.</summary>
public static partial class FieldRules
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailPattern();

    /// <summary>Swedish numbers written the usual ways (031-390 60 00, 070-174 06 05, 0771-22 22 22) or international (+46 31 390 60 00).</summary>
    [GeneratedRegex(@"^(?:0\d{6,10}|\+[1-9]\d{6,14})$")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex(@"^\+?[\d\s\-()]+$")]
    private static partial Regex PhoneCharacters();

    public static bool IsEmail(string value) => value.Length <= 300 && EmailPattern().IsMatch(value.Trim());

    public static bool IsPhone(string value)
    {
        var v = value.Trim();
        if (!PhoneCharacters().IsMatch(v)) return false;
        // "+46 (0)31 …" is common in signatures: the (0) is not dialled from abroad.
        v = v.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new string(v.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return PhoneDigits().IsMatch(digits);
    }

    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>A whole number from a form field; empty is null. False when the text is not a number.</summary>
    public static bool TryNumber(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            value = n;
            return true;
        }
        return false;
    }

    public static bool TryClock(string? text, out TimeOnly? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim().Replace('.', ':');
        if (TimeOnly.TryParseExact(t, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }
}
