using System.ComponentModel.DataAnnotations;

namespace Samla.Web.Features.Search;

/// <summary>
/// Section <c>Samla:Search</c>: how often each instance reads the change feed (<c>ServiceChanges</c>) to bring its index
/// up to date with changes made by other instances and by the command line. Changes made through this instance are in
/// its index before their request answers, whatever this says.
/// </summary>
public sealed class SearchOptions
{
    public const string Section = "Samla:Search";

    [Range(1, 3600, ErrorMessage = "Samla:Search:PollSeconds must be a whole number of seconds from 1 to 3600 (1 is usual).")]
    public int PollSeconds { get; set; } = 1;
}

/// <summary>Section <c>Samla:OutputCache</c>: the memory the cached public answers may take.</summary>
public sealed class OutputCacheLimits
{
    public const string Section = "Samla:OutputCache";

    [Range(1, 4096, ErrorMessage = "Samla:OutputCache:SizeLimitMB must be a whole number of megabytes from 1 to 4096 (32 is usual).")]
    public long SizeLimitMB { get; set; } = 32;
}
