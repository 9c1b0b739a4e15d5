namespace Samla.Web.Features.Exchange.Import;

/// <summary>
/// One problem in an import file. Where: the file (for a data package), the line (NDJSON, CSV) or record
/// number (JSON array); Field: the HSDS field; Key and Args: the message in ExchangeText.
/// </summary>
public sealed record ImportProblem(string? File, int Line, bool IsRecordNumber, string? Field, string Key, params object[] Args);

/// <summary>One service read from a file, or the problems that kept it from being read.</summary>
public sealed record ImportRecord(int Line, bool IsRecordNumber, HsdsService? Service, IReadOnlyList<ImportProblem> Problems, string? File = null);

public enum RecordOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record RecordPreview(int Line, Guid Id, string Name, RecordOutcome Outcome);

public enum ImportFormat
{
    HsdsJson,
    Ndjson,
    TabularPackage,
    Template,
}

public sealed class ImportResult
{
    public ImportFormat? Format { get; set; }
    public List<ImportProblem> Problems { get; } = [];
    public List<RecordPreview> Records { get; } = [];
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int OrganizationsChanged { get; set; }
    public int LocationsChanged { get; set; }
    public bool Written { get; set; }
    public TimeSpan Elapsed { get; set; }
    public bool IsValid => Problems.Count == 0;
}
