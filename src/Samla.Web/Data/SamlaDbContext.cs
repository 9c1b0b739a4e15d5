using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Samla.Web.Data;

/// <summary>
/// The one DbContext. Provider-specific subclasses exist only so that each provider has its
/// own migrations; all model configuration lives here.
/// </summary>
public abstract class SamlaDbContext(DbContextOptions options, AuditActor? actor)
    : IdentityDbContext<SamlaUser>(options), IDataProtectionKeyContext
{
    /// <summary>When false, SaveChanges writes no audit entries (bulk load of generated test data only).</summary>
    public bool AuditEnabled { get; set; } = true;

    /// <summary>Id for the audit change set of the next save, so that a caller can link other rows to it; reset after use.</summary>
    public Guid? NextChangeSetId { get; set; }

    private TimeProvider? _clock;

    /// <summary>
    /// The clock every write is stamped with: the app's registered <see cref="TimeProvider"/> (a test may replace it),
    /// the system clock for a context made without the app (design time).
    /// </summary>
    public TimeProvider Clock => _clock ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;

    /// <summary>The one place <see cref="IVersioned"/> rows get their first version and timestamps (SaveChanges and bulk writes).</summary>
    public static void StampNew(IVersioned entity, DateTime now)
    {
        if (entity.CreatedAt == default) entity.CreatedAt = now;
        if (entity.LastModified == default) entity.LastModified = now;
        entity.Version = Math.Max(entity.Version, 1);
    }

    /// <summary>
    /// An audit entry for what SaveChanges cannot see (rows written in bulk, a merge), stamped like the ones it writes:
    /// the context's clock and the current actor. Add it to the context or the bulk writer.
    /// </summary>
    public AuditEntry AuditEntryFor(string entityType, Guid entityId, string action, string fieldName, string? oldValue, string? newValue,
        Guid? organizationId, Guid? changeSet = null)
    {
        var (userId, userName) = actor?.Current() ?? (null, AuditActor.SystemName);
        return new AuditEntry
        {
            Timestamp = Clock.GetUtcNow().UtcDateTime, UserId = userId, UserName = userName, EntityType = entityType,
            EntityId = entityId.ToString(), Action = action, FieldName = fieldName, OldValue = oldValue, NewValue = newValue,
            OrganizationId = organizationId, ChangeSetId = changeSet ?? Guid.NewGuid(),
        };
    }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<ServiceAttribute> ServiceAttributes => Set<ServiceAttribute>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserOrganization> UserOrganizations => Set<UserOrganization>();
    public DbSet<ServiceVersion> ServiceVersions => Set<ServiceVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SamlaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite forgets the kind, so it is put back on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Dictionary<string, Dictionary<string, string>>>()
            .HaveConversion<NestedTranslationsConverter, NestedTranslationsComparer>();
        configurationBuilder.Properties<Dictionary<string, string>>()
            .HaveConversion<TranslationsConverter, TranslationsComparer>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                StampNew(entry.Entity, now);
            }
            else if (entry.State == EntityState.Modified)
            {
                // Through the entry, so the stamps are saved also when automatic change detection is off (the importer).
                entry.Property(e => e.LastModified).CurrentValue = now;
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }

        var changeSet = NextChangeSetId;
        NextChangeSetId = null;
        if (AuditEnabled)
        {
            var (userId, userName) = actor?.Current() ?? (null, AuditActor.SystemName);
            AuditEntries.AddRange(AuditLog.Collect(ChangeTracker, now, userId, userName, changeSet ?? Guid.NewGuid()));
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly JsonSerializerOptions Json = new();

    private sealed class NestedTranslationsConverter() : ValueConverter<Dictionary<string, Dictionary<string, string>>, string>(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(v, Json) ?? new());

    private sealed class NestedTranslationsComparer() : ValueComparer<Dictionary<string, Dictionary<string, string>>>(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(JsonSerializer.Serialize(v, Json), Json)!);

    private sealed class TranslationsConverter() : ValueConverter<Dictionary<string, string>, string>(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new());

    private sealed class TranslationsComparer() : ValueComparer<Dictionary<string, string>>(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
        v => new Dictionary<string, string>(v));
}

public sealed class SqliteSamlaDbContext(DbContextOptions<SqliteSamlaDbContext> options, AuditActor? actor = null)
    : SamlaDbContext(options, actor);

public sealed class PostgresSamlaDbContext(DbContextOptions<PostgresSamlaDbContext> options, AuditActor? actor = null)
    : SamlaDbContext(options, actor);

/// <summary>Lets `dotnet ef` build the SQLite context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSamlaDbContext>
{
    public SqliteSamlaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSamlaDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL context without starting the app.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSamlaDbContext>
{
    public PostgresSamlaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSamlaDbContext>().UseNpgsql("Host=localhost;Database=samla_design").Options);
}

/// <summary>Who is changing data now: the signed-in user, or a named process (import, seed, system).</summary>
public sealed class AuditActor(IHttpContextAccessor? http = null)
{
    public const string SystemName = "system";
    private (string? UserId, string UserName)? _override;

    /// <summary>Attribute the following changes to a process such as "import" or a command-line user.</summary>
    public void Use(string userName, string? userId = null) => _override = (userId, userName);

    public (string? UserId, string UserName) Current()
    {
        if (_override is { } o) return o;
        var user = http?.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            return (user.FindFirst(ClaimTypes.NameIdentifier)?.Value, user.Identity.Name ?? "?");
        }
        return (null, http?.HttpContext is null ? SystemName : "anonymous");
    }
}

/// <summary>
/// An entity whose rows SaveChanges does not audit: running state (the mail outbox, job leases) or rows that can hold
/// secrets such as one-time links. Whoever changes such rows on a person's behalf writes an audit entry explicitly.
/// </summary>
public interface INotAudited;

/// <summary>Turns tracked changes into audit entries: one per changed field on update, one snapshot on create and delete.</summary>
internal static class AuditLog
{
    private static readonly HashSet<Type> Skipped =
    [
        typeof(AuditEntry), typeof(ServiceVersion), typeof(DataProtectionKey), typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>), typeof(IdentityRoleClaim<string>),
    ];

    private static readonly HashSet<string> Secret =
    [
        nameof(SamlaUser.PasswordHash), nameof(SamlaUser.SecurityStamp), nameof(SamlaUser.ConcurrencyStamp),
        nameof(IVersioned.Version), nameof(IVersioned.LastModified), nameof(IVersioned.CreatedAt),
        nameof(SamlaUser.AccessFailedCount), nameof(SamlaUser.LockoutEnd),
    ];

    /// <summary>Whether changes to rows of <paramref name="entityType"/> are written to the audit log.</summary>
    public static bool IsAudited(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType entityType) => !IsSkipped(entityType.ClrType);

    private static bool IsSkipped(Type type) => Skipped.Contains(type) || typeof(INotAudited).IsAssignableFrom(type);

    public static IEnumerable<AuditEntry> Collect(ChangeTracker tracker, DateTime now, string? userId, string userName, Guid changeSet)
    {
        var entries = new List<AuditEntry>();
        foreach (var e in tracker.Entries().ToList())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached || IsSkipped(e.Metadata.ClrType)) continue;
            var entityType = e.Metadata.ClrType.Name;
            var key = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(e.Property(p.Name).CurrentValue)));
            var orgId = OrganizationOf(e.Entity, tracker);
            AuditEntry Make(string action, string field, string? oldValue, string? newValue) => new()
            {
                Timestamp = now, UserId = userId, UserName = userName, EntityType = entityType, EntityId = key,
                Action = action, FieldName = field, OldValue = oldValue, NewValue = newValue,
                OrganizationId = orgId, ChangeSetId = changeSet,
            };

            switch (e.State)
            {
                case EntityState.Added:
                    entries.Add(Make("create", "*", null, Snapshot(e)));
                    break;
                case EntityState.Deleted:
                    entries.Add(Make("delete", "*", Snapshot(e), null));
                    break;
                case EntityState.Modified:
                    foreach (var p in e.Properties)
                    {
                        if (!p.IsModified || Secret.Contains(p.Metadata.Name)) continue;
                        var (o, n) = (Format(p.OriginalValue), Format(p.CurrentValue));
                        if (o != n) entries.Add(Make("update", p.Metadata.Name, o, n));
                    }
                    break;
            }
        }
        return entries;
    }

    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Snapshot(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e) =>
        JsonSerializer.Serialize(e.Properties
            .Where(p => !Secret.Contains(p.Metadata.Name) && p.Metadata.Name != "PasswordHash")
            .ToDictionary(p => p.Metadata.Name, p => Format(p.CurrentValue ?? p.OriginalValue)), ReadableJson);

    private static Guid? OrganizationOf(object entity, ChangeTracker tracker) => entity switch
    {
        Organization o => o.Id,
        Service s => s.OrganizationId,
        Location l => l.OrganizationId,
        Contact c => c.OrganizationId ?? ServiceOrg(c.ServiceId, tracker),
        Phone p => p.OrganizationId ?? ServiceOrg(p.ServiceId, tracker),
        Schedule s => ServiceOrg(s.ServiceId, tracker),
        Language l => ServiceOrg(l.ServiceId, tracker),
        ServiceArea a => ServiceOrg(a.ServiceId, tracker),
        ServiceAttribute a => ServiceOrg(a.ServiceId, tracker),
        ServiceAtLocation s => ServiceOrg(s.ServiceId, tracker),
        UserOrganization u => u.OrganizationId,
        _ => null,
    };

    private static Guid? ServiceOrg(Guid? serviceId, ChangeTracker tracker) =>
        serviceId is null ? null
        : tracker.Entries<Service>().FirstOrDefault(s => s.Entity.Id == serviceId)?.Entity.OrganizationId;

    /// <summary>
    /// A field's value as the log records it: text as is, dates and numbers invariant, enums by name, lists, arrays,
    /// sets and dictionaries as JSON (enums in them by name), any other object as JSON unless it has a ToString of its
    /// own. Never a type name: a list's ToString would make every old and new value the same and lose the change.
    /// </summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        System.Collections.IEnumerable => JsonSerializer.Serialize(value, value.GetType(), ValueJson),
        _ when HasOwnToString(value.GetType()) => value.ToString(),
        _ => JsonSerializer.Serialize(value, value.GetType(), ValueJson),
    };

    private static readonly JsonSerializerOptions ValueJson = new(ReadableJson)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring && declaring != typeof(object) && declaring != typeof(ValueType);
}
