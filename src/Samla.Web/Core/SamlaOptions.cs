using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Samla.Web.Data;

namespace Samla.Web.Core;

/// <summary>
/// The directory's own settings (section <c>Samla</c>): the one home of the county, the update cycle and demo data.
/// Read through <c>IOptions&lt;SamlaOptions&gt;</c>; validated at start, so a wrong value stops the app with a
/// message that says what to write instead.
/// </summary>
public sealed class SamlaOptions
{
    public const string Section = "Samla";

    /// <summary>Halland: the county the directory serves unless configured otherwise.</summary>
    public const string DefaultCountyCode = "13";

    /// <summary>The county the directory serves (two-digit SCB county code): default for coverage, needs, preparedness, forms.</summary>
    public string CountyCode { get; set; } = DefaultCountyCode;

    /// <summary>Months after which a service's information counts as stale.</summary>
    [Range(1, 60, ErrorMessage = "Samla:UpdateCycleMonths must be a whole number of months from 1 to 60 (6 is usual).")]
    public int UpdateCycleMonths { get; set; } = 6;

    /// <summary>Load the demo organisations, services and accounts at start.</summary>
    public bool DemoData { get; set; } = true;

    /// <summary>The address people reach the app at (links in mail); empty: the request's own address.</summary>
    [Url(ErrorMessage = "Samla:PublicUrl must be an absolute address such as https://samla.example.se.")]
    public string? PublicUrl { get; set; }

    /// <summary>Where people report accessibility problems (accessibility statement).</summary>
    [EmailAddress(ErrorMessage = "Samla:AccessibilityContactEmail must be an e-mail address.")]
    public string? AccessibilityContactEmail { get; set; }
}

/// <summary>Checks the county code against the reference list of Swedish counties.</summary>
public sealed class SamlaOptionsValidation : IValidateOptions<SamlaOptions>
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Counties =
        new(() => ReferenceData.LoadCounties().ToDictionary(c => c.Code, c => c.Name));

    public ValidateOptionsResult Validate(string? name, SamlaOptions options) =>
        Describe(options.CountyCode, Counties.Value) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    /// <summary>Null when the code is a county's; otherwise the message a person can act on.</summary>
    public static string? Describe(string? code, IReadOnlyDictionary<string, string> counties)
    {
        if (code is not null && counties.ContainsKey(code)) return null;
        var codes = counties.Keys.Order(StringComparer.Ordinal).ToList();
        var example = counties.TryGetValue(SamlaOptions.DefaultCountyCode, out var halland) ? $" ({SamlaOptions.DefaultCountyCode} = {halland})" : "";
        return $"Samla:CountyCode '{code}' is not a Swedish county code; use one of {codes.FirstOrDefault()}…{codes.LastOrDefault()}{example}.";
    }
}
