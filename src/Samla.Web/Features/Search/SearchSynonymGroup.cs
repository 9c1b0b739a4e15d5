using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;

namespace Samla.Web.Features.Search;

/// <summary>
/// A group of synonyms a coordinator added at /samordning/synonymer (on top of synonyms.sv.txt): words or phrases that
/// someone searching means the same by. Never deleted: archived groups stop counting and can be restored.
/// </summary>
public class SearchSynonymGroup : IVersioned
{
    public const int MaxLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The members, separated by ", " (as <see cref="SynonymGroupInput.Normalize"/> writes them).</summary>
    public required string Members { get; set; }

    public bool IsArchived { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public IReadOnlyList<string> MemberList => SynonymGroupInput.Split(Members);
}

internal sealed class SearchSynonymGroupConfiguration : IEntityTypeConfiguration<SearchSynonymGroup>
{
    public void Configure(EntityTypeBuilder<SearchSynonymGroup> b)
    {
        b.ToTable("SearchSynonymGroups");
        b.Property(g => g.Members).HasMaxLength(SearchSynonymGroup.MaxLength);
        b.Property(g => g.CreatedBy).HasMaxLength(256);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.Ignore(g => g.MemberList);
    }
}

/// <summary>What a coordinator types for a group: members separated by commas. Validated here, with a Swedish (or English) message per error.</summary>
public static class SynonymGroupInput
{
    public const int MaxMembers = 20;
    public const int MaxMemberLength = 60;

    public static IReadOnlyList<string> Split(string members) =>
        [.. members.Split(',').Select(m => string.Join(' ', m.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];

    /// <summary>The members as stored: trimmed, inner spaces collapsed, ", " between them.</summary>
    public static string Normalize(string members) => string.Join(", ", Split(members));

    /// <summary>Adds an error to <paramref name="state"/> under <paramref name="key"/> for what is wrong with <paramref name="members"/>; returns whether it is valid.</summary>
    public static bool Validate(string? members, ModelStateDictionary state, string key, IStringLocalizer t)
    {
        var text = members?.Trim() ?? "";
        string? error = null;
        if (text.Length == 0)
        {
            error = t["ErrorEmpty"];
        }
        else if (text.Length > SearchSynonymGroup.MaxLength)
        {
            error = t["ErrorTooLong", SearchSynonymGroup.MaxLength];
        }
        else
        {
            var list = Split(text);
            if (list.Any(m => m.Length == 0))
            {
                error = t["ErrorEmptyMember"];
            }
            else if (list.Count < 2)
            {
                error = t["ErrorTooFew"];
            }
            else if (list.Count > MaxMembers)
            {
                error = t["ErrorTooMany", MaxMembers];
            }
            else if (list.FirstOrDefault(m => m.Length > MaxMemberLength) is { } longOne)
            {
                error = t["ErrorMemberTooLong", longOne, MaxMemberLength];
            }
            else if (list.FirstOrDefault(m => SwedishTextAnalyzer.Words(m).Count == 0) is { } empty)
            {
                error = t["ErrorNoWords", empty];
            }
            else if (list.GroupBy(Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                error = t["ErrorDuplicate", twice.First()];
            }
        }
        if (error is not null) state.AddModelError(key, error);
        return error is null;
    }

    /// <summary>Two members are the same when search reads them the same ("Hemlös" and "hemlos").</summary>
    private static string Key(string member) => string.Join(' ', SwedishTextAnalyzer.Words(member).Select(w => w.Stem));
}
