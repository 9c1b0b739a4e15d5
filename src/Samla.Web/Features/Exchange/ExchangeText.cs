using Microsoft.Extensions.Localization;
using Samla.Web.Features.Exchange.Import;

namespace Samla.Web.Features.Exchange;

/// <summary>Marker for the Exchange feature's texts (ExchangeText.resx, Swedish; ExchangeText.en.resx).</summary>
public sealed class ExchangeText;

/// <summary>Import problems and outcomes in plain words, the same on the page, in the API and on the command line.</summary>
public static class ImportMessages
{
    public static string Where(ImportProblem p, IStringLocalizer<ExchangeText> t)
    {
        var place = p.Line <= 0 ? t["Where_File"].Value
            : p.File is { } file ? t["Where_FileLine", file, p.Line].Value
            : p.IsRecordNumber ? t["Where_Record", p.Line].Value
            : t["Where_Line", p.Line].Value;
        return p.Field is { Length: > 0 } field ? t["Where_Field", place, field] : place;
    }

    public static string Message(ImportProblem p, IStringLocalizer<ExchangeText> t) => t[p.Key, p.Args];

    public static string Describe(ImportProblem p, IStringLocalizer<ExchangeText> t) => $"{Where(p, t)}: {Message(p, t)}";

    public static string Outcome(RecordOutcome o, IStringLocalizer<ExchangeText> t) => t["Outcome_" + o];

    public static string Summary(ImportResult r, IStringLocalizer<ExchangeText> t) => t["Import_Summary", r.Created, r.Updated, r.Unchanged];
}
