using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;

namespace Samla.Web.Features.Surveys;

public enum SurveyStatus
{
    Draft,
    Sent,
    Closed,
}

public enum QuestionKind
{
    OpenText,
    SingleChoice,
    MultipleChoice,
    Scale,
    YesNo,
    Number,
}

public enum RecipientKind
{
    /// <summary>One answer per organisation, sent to its process leader or another contact.</summary>
    Organizations,
    /// <summary>One answer per person (individual addresses).</summary>
    People,
}

/// <summary>A follow-up survey (uppföljning, enkät): questions in sections, sent to organisations or people.</summary>
public class Survey : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    /// <summary>Markdown: shown above the questions and in the report.</summary>
    public string Introduction { get; set; } = "";
    /// <summary>Markdown: how the survey was run and analysed (report).</summary>
    public string Method { get; set; } = "";
    /// <summary>The last day answers can be given or changed (Swedish time).</summary>
    public DateOnly ClosesOn { get; set; }
    public bool IsAnonymous { get; set; }
    public RecipientKind RecipientKind { get; set; }
    public SurveyStatus Status { get; set; }
    /// <summary>The survey this one was copied from (an earlier round), for comparison.</summary>
    public Guid? OriginSurveyId { get; set; }
    public Survey? OriginSurvey { get; set; }
    /// <summary>Markdown: the coordinator's conclusions for the report.</summary>
    public string Conclusions { get; set; } = "";
    /// <summary>Participating organisations may see the summary.</summary>
    public bool SummaryShared { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>The site address the links were sent from, so that reminders link to the same place.</summary>
    public string? LinkBaseUrl { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<SurveySection> Sections { get; set; } = [];
    public List<SurveyQuestion> Questions { get; set; } = [];
    public List<SurveyRecipient> Recipients { get; set; } = [];
    public List<SurveyCode> Codes { get; set; } = [];
}

public class SurveySection
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public int Position { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Introduction { get; set; } = "";
}

public class SurveyQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public Guid SectionId { get; set; }
    public SurveySection Section { get; set; } = null!;
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? Help { get; set; }
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }
    /// <summary>Choices of a single- or multiple-choice question, in order.</summary>
    public List<string> Options { get; set; } = [];
    public string? ScaleMinLabel { get; set; }
    public string? ScaleMaxLabel { get; set; }
    /// <summary>The question this one was copied from, so rounds can be compared.</summary>
    public Guid? OriginQuestionId { get; set; }
}

/// <summary>
/// One recipient: an organisation (answering once, through the chosen contact's address) or a person. The personal
/// link's token is stored only as its SHA-256 hash. The recipient's answers are its response.
/// </summary>
public class SurveyRecipient : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Guid? ContactId { get; set; }
    public required string Email { get; set; }
    /// <summary>Hex SHA-256 of the link token; null until sent.</summary>
    public string? TokenHash { get; set; }
    public DateTime? InvitedAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? DraftSavedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>One answer to one question; open answers carry the content analysis (condensation, codes, good example).</summary>
public class SurveyAnswer : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RecipientId { get; set; }
    public SurveyRecipient Recipient { get; set; } = null!;
    public Guid QuestionId { get; set; }
    public SurveyQuestion Question { get; set; } = null!;
    public string? Text { get; set; }
    public decimal? Number { get; set; }
    /// <summary>Chosen options (single/multiple choice), "yes"/"no", or the scale value as text.</summary>
    public List<string> Choices { get; set; } = [];
    public string? Condensation { get; set; }
    public bool GoodExample { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<SurveyAnswerCode> Codes { get; set; } = [];
}

/// <summary>A code of the content analysis, grouped into a category and a theme.</summary>
public class SurveyCode : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public Survey Survey { get; set; } = null!;
    public required string Name { get; set; }
    public string Category { get; set; } = "";
    public string Theme { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
}

public class SurveyAnswerCode
{
    public Guid AnswerId { get; set; }
    public SurveyAnswer Answer { get; set; } = null!;
    public Guid CodeId { get; set; }
    public SurveyCode Code { get; set; } = null!;
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Introduction).HasMaxLength(20_000);
        b.Property(s => s.Method).HasMaxLength(20_000);
        b.Property(s => s.Conclusions).HasMaxLength(50_000);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.RecipientKind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.CreatedBy).HasMaxLength(300);
        b.Property(s => s.LinkBaseUrl).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.OriginSurvey).WithMany().HasForeignKey(s => s.OriginSurveyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SurveySectionConfiguration : IEntityTypeConfiguration<SurveySection>
{
    public void Configure(EntityTypeBuilder<SurveySection> b)
    {
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Introduction).HasMaxLength(10_000);
        b.HasOne(s => s.Survey).WithMany(s => s.Sections).HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(2000);
        b.Property(q => q.Help).HasMaxLength(2000);
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(q => q.ScaleMinLabel).HasMaxLength(100);
        b.Property(q => q.ScaleMaxLabel).HasMaxLength(100);
        b.HasOne(q => q.Survey).WithMany(s => s.Questions).HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(q => q.Section).WithMany().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> b)
    {
        b.Property(r => r.Email).HasMaxLength(320);
        b.Property(r => r.TokenHash).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.TokenHash).IsUnique();
        b.HasIndex(r => new { r.SurveyId, r.OrganizationId }).IsUnique();
        b.HasOne(r => r.Survey).WithMany(s => s.Recipients).HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.Text).HasMaxLength(20_000);
        b.Property(a => a.Condensation).HasMaxLength(4000);
        b.Property(a => a.Number).HasPrecision(18, 4);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.RecipientId, a.QuestionId }).IsUnique();
        b.HasIndex(a => a.GoodExample);
        b.HasOne(a => a.Recipient).WithMany(r => r.Answers).HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyCodeConfiguration : IEntityTypeConfiguration<SurveyCode>
{
    public void Configure(EntityTypeBuilder<SurveyCode> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Category).HasMaxLength(200);
        b.Property(c => c.Theme).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.SurveyId, c.Name }).IsUnique();
        b.HasOne(c => c.Survey).WithMany(s => s.Codes).HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerCodeConfiguration : IEntityTypeConfiguration<SurveyAnswerCode>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerCode> b)
    {
        b.HasKey(x => new { x.AnswerId, x.CodeId });
        b.HasOne(x => x.Answer).WithMany(a => a.Codes).HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Code).WithMany().HasForeignKey(x => x.CodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
