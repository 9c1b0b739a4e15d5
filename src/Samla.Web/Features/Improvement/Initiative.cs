using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samla.Web.Data;
using Samla.Web.Features.Needs;

namespace Samla.Web.Features.Improvement;

/// <summary>The three steps of the model (seed 000), then closed.</summary>
public enum InitiativePhase
{
    Identify,
    Improve,
    SharedLearning,
    Closed,
}

/// <summary>Fishbone (Ishikawa) categories for causes.</summary>
public enum CauseCategory
{
    Methods,
    People,
    Organisation,
    Environment,
    Communication,
    Resources,
}

public enum MeasureType
{
    Outcome,
    Process,
    Balancing,
}

public enum ImprovementDirection
{
    Up,
    Down,
}

public enum PdsaDecision
{
    Undecided,
    Adopt,
    Adapt,
    Abandon,
}

/// <summary>
/// An improvement initiative (förbättringsarbete): owned by one organisation, with participating organisations, started
/// from needs in the register, walked through the model's three steps. The shared-learning summary lives here too.
/// </summary>
public class Initiative : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    public Guid OwnerOrganizationId { get; set; }
    public Organization OwnerOrganization { get; set; } = null!;
    public InitiativePhase Phase { get; set; }

    // 1 Identify (Markdown)
    public string Problem { get; set; } = "";
    public string Goal { get; set; } = "";
    public string Purpose { get; set; } = "";
    // 2 Improve (Markdown)
    public string ChangeIdeas { get; set; } = "";
    // 3 Shared learning (Markdown)
    public string Lessons { get; set; } = "";
    public string SummaryTried { get; set; } = "";
    public string SummaryWorked { get; set; } = "";
    public string SummaryToRepeat { get; set; } = "";
    public DateTime? SummaryPublishedAt { get; set; }
    /// <summary>A coordinator made the published summary public (shown at /larande/{id}).</summary>
    public bool SummaryIsPublic { get; set; }

    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }

    public List<InitiativeParticipant> Participants { get; set; } = [];
    public List<InitiativeNeed> Needs { get; set; } = [];
    public List<InitiativeCause> Causes { get; set; } = [];
    public List<InitiativeService> Services { get; set; } = [];
    public List<Measure> Measures { get; set; } = [];
    public List<PdsaCycle> Cycles { get; set; } = [];

    public bool IsPublished => SummaryPublishedAt is not null;
}

/// <summary>An organisation taking part in an initiative (the owner is not listed here).</summary>
public class InitiativeParticipant
{
    public Guid InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public Guid OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
}

/// <summary>A need in the register that the initiative starts from.</summary>
public class InitiativeNeed
{
    public Guid InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public Guid NeedId { get; set; }
    public Need Need { get; set; } = null!;
}

/// <summary>A possible cause of the problem, in a fishbone category; root causes are the ones the team decided on.</summary>
public class InitiativeCause : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public CauseCategory Category { get; set; }
    public required string Text { get; set; }
    public bool IsRootCause { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
}

/// <summary>A service the initiative created or changed ("do more of what works" links them).</summary>
public class InitiativeService
{
    public Guid InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public Guid ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public bool Created { get; set; }
}

/// <summary>A measure: how we know that a change is an improvement.</summary>
public class Measure : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public required string Name { get; set; }
    public MeasureType Type { get; set; }
    public string OperationalDefinition { get; set; } = "";
    public string Unit { get; set; } = "";
    public ImprovementDirection Direction { get; set; }
    public double? Target { get; set; }
    public RuleSet Rules { get; set; }
    /// <summary>The first this-many points form the baseline (median or mean); null: all points.</summary>
    public int? Baseline { get; set; }
    public ChartKind Chart { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
    public List<MeasurePoint> Points { get; set; } = [];
}

/// <summary>One data point of a measure.</summary>
public class MeasurePoint
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public DateOnly Date { get; set; }
    public double Value { get; set; }
    public string? Note { get; set; }
    /// <summary>IHI: the team judges the point astronomical (obviously different).</summary>
    public bool Astronomical { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A Plan-Do-Study-Act cycle; <see cref="PreviousCycleId"/> chains cycles into a ramp.</summary>
public class PdsaCycle : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public Guid? PreviousCycleId { get; set; }
    public Guid? MeasureId { get; set; }
    public required string Title { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    // Plan
    public string Change { get; set; } = "";
    public string Prediction { get; set; } = "";
    public string WhoWhatWhenWhere { get; set; } = "";
    public string DataPlan { get; set; } = "";
    // Do
    public string DoNotes { get; set; } = "";
    public string DoProblems { get; set; } = "";
    // Study (against the prediction, on the measure's points between StartDate and EndDate)
    public string StudyNotes { get; set; } = "";
    // Act
    public PdsaDecision Decision { get; set; }
    public string ActNotes { get; set; } = "";
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Phase).HasConversion<string>().HasMaxLength(30);
        foreach (var p in new[] { nameof(Initiative.Problem), nameof(Initiative.Goal), nameof(Initiative.Purpose), nameof(Initiative.ChangeIdeas),
                     nameof(Initiative.Lessons), nameof(Initiative.SummaryTried), nameof(Initiative.SummaryWorked), nameof(Initiative.SummaryToRepeat) })
        {
            b.Property(p).HasMaxLength(8000);
        }
        b.Property(x => x.CreatedBy).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OwnerOrganization).WithMany().HasForeignKey(x => x.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Phase);
        b.Ignore(x => x.IsPublished);
    }
}

internal sealed class InitiativeParticipantConfiguration : IEntityTypeConfiguration<InitiativeParticipant>
{
    public void Configure(EntityTypeBuilder<InitiativeParticipant> b)
    {
        b.HasKey(x => new { x.InitiativeId, x.OrganizationId });
        b.HasOne(x => x.Initiative).WithMany(i => i.Participants).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InitiativeNeedConfiguration : IEntityTypeConfiguration<InitiativeNeed>
{
    public void Configure(EntityTypeBuilder<InitiativeNeed> b)
    {
        b.HasKey(x => new { x.InitiativeId, x.NeedId });
        b.HasOne(x => x.Initiative).WithMany(i => i.Needs).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Need).WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InitiativeCauseConfiguration : IEntityTypeConfiguration<InitiativeCause>
{
    public void Configure(EntityTypeBuilder<InitiativeCause> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany(i => i.Causes).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeServiceConfiguration : IEntityTypeConfiguration<InitiativeService>
{
    public void Configure(EntityTypeBuilder<InitiativeService> b)
    {
        b.HasKey(x => new { x.InitiativeId, x.ServiceId });
        b.HasOne(x => x.Initiative).WithMany(i => i.Services).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.OperationalDefinition).HasMaxLength(4000);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Rules).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Chart).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany(i => i.Measures).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasurePointConfiguration : IEntityTypeConfiguration<MeasurePoint>
{
    public void Configure(EntityTypeBuilder<MeasurePoint> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne(x => x.Measure).WithMany(m => m.Points).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MeasureId, x.Date });
    }
}

internal sealed class PdsaCycleConfiguration : IEntityTypeConfiguration<PdsaCycle>
{
    public void Configure(EntityTypeBuilder<PdsaCycle> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        foreach (var p in new[] { nameof(PdsaCycle.Change), nameof(PdsaCycle.Prediction), nameof(PdsaCycle.WhoWhatWhenWhere), nameof(PdsaCycle.DataPlan),
                     nameof(PdsaCycle.DoNotes), nameof(PdsaCycle.DoProblems), nameof(PdsaCycle.StudyNotes), nameof(PdsaCycle.ActNotes) })
        {
            b.Property(p).HasMaxLength(4000);
        }
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany(i => i.Cycles).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PdsaCycle>().WithMany().HasForeignKey(x => x.PreviousCycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}
