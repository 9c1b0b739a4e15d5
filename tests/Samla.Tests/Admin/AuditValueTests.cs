using System.Collections;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Samla.Tests.Infrastructure;
using Samla.Tests.Workspace;
using Samla.Web.Data;
using Samla.Web.Features.Admin;
using Samla.Web.Features.Needs;

namespace Samla.Tests.Admin;

/// <summary>The audit log records every field as its value, never as a type name; the log page reads as a person would.</summary>
public sealed class AuditValueTests(SamlaApp app) : IClassFixture<SamlaApp>
{
    [Fact]
    public async Task Every_audited_property_type_is_recorded_as_its_value()
    {
        var types = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(AuditLog.IsAudited).ToList()));
        Assert.Contains(types, t => t.ClrType == typeof(Service));
        Assert.Contains(types, t => t.ClrType == typeof(Need));
        var checkedTypes = new HashSet<Type>();
        var failures = new List<string>();
        foreach (var entity in types)
        {
            // Complex properties are not in EntityEntry.Properties and so would be missed by the log altogether.
            Assert.Empty(entity.GetComplexProperties());
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (!checkedTypes.Add(type)) continue;
                var sample = Sample(type);
                if (sample is null)
                {
                    failures.Add($"{entity.ClrType.Name}.{property.Name}: no sample value for {type} (teach this test to make one)");
                    continue;
                }
                var text = AuditLog.Format(sample);
                if (text is null || text == sample.GetType().ToString() || text.Contains('`', StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal))
                {
                    failures.Add($"{entity.ClrType.Name}.{property.Name} ({type}): recorded as \"{text}\"");
                }
                else if (sample is IEnumerable and not string and not byte[] && !text.StartsWith('[') && !text.StartsWith('{'))
                {
                    failures.Add($"{entity.ClrType.Name}.{property.Name} ({type}): a collection recorded as \"{text}\", not as JSON");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(typeof(List<string>), checkedTypes);
    }

    [Fact]
    public void Values_are_recorded_readably()
    {
        Assert.Equal("""["children","youth"]""", AuditLog.Format(new List<string> { "children", "youth" }));
        Assert.Equal("""["Halmstad","Åsa"]""", AuditLog.Format(new[] { "Halmstad", "Åsa" }));
        Assert.Equal("""["Met","Closed"]""", AuditLog.Format(new List<NeedStatus> { NeedStatus.Met, NeedStatus.Closed }));
        Assert.Equal("BeingAddressed", AuditLog.Format(NeedStatus.BeingAddressed));
        Assert.Equal("""{"en":"Hello"}""", AuditLog.Format(new Dictionary<string, string> { ["en"] = "Hello" }));
        Assert.Equal("2026-03-01", AuditLog.Format(new DateOnly(2026, 3, 1)));
        Assert.Equal("1.5", AuditLog.Format(1.5m));
    }

    [Fact]
    public async Task Editing_a_needs_age_groups_records_the_codes()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var need = await db.Set<Need>().OrderBy(n => n.Id).FirstAsync();
            need.AgeGroups = ["children", "youth"];
            need.MunicipalityCodes = ["1380", "1381"];
            await db.SaveChangesAsync();
            return need.Id.ToString();
        });
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Need) && a.EntityId == id && a.Action == "update").ToListAsync());
        Assert.Equal("""["children","youth"]""", entries.Last(e => e.FieldName == nameof(Need.AgeGroups)).NewValue);
        Assert.Equal("""["1380","1381"]""", entries.Last(e => e.FieldName == nameof(Need.MunicipalityCodes)).NewValue);
    }

    [Fact]
    public async Task Editing_a_services_age_groups_in_the_workspace_records_the_values()
    {
        var id = await app.ServiceOfAsync(WorkspaceData.Halmstad);
        using var client = await app.CreateClientSignedInAsync(DemoAccounts.Editor, DemoAccounts.Password);
        var children = ReferenceData.TermId(ReferenceData.AgeGroups, "children");
        var older = ReferenceData.TermId(ReferenceData.AgeGroups, "older-adults");
        var fields = (await WorkspaceData.EditFormAsync(client, id)).Without("Input.AgeGroups");
        fields.Add(new("Input.AgeGroups", children.ToString()));
        fields.Add(new("Input.AgeGroups", older.ToString()));
        var before = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));
        using (var response = await WorkspaceData.PostAsync(client, "/arbetsyta/insatser/" + id, fields, tokenPage: "/"))
        {
            await response.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > before).ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.DoesNotContain("System.", e.NewValue ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("`", e.NewValue ?? "", StringComparison.Ordinal);
        });
        var added = entries.Where(e => e.EntityType == nameof(ServiceAttribute) && e.Action == "create").Select(e => e.NewValue ?? "").ToList();
        Assert.Contains(added, v => v.Contains(older.ToString(), StringComparison.Ordinal));
        var saved = await app.WithDbAsync(db => db.ServiceAttributes
            .Where(a => a.ServiceId == id && a.TaxonomyTerm.Taxonomy.Name == ReferenceData.AgeGroups)
            .Select(a => a.TaxonomyTermId).ToListAsync());
        Assert.Equal(new[] { children, older }.Order(), saved.Order());
    }

    [Fact]
    public async Task Audit_log_page_names_entities_and_actions_as_a_person_reads_them()
    {
        await app.CreateUserAsync("Testlosen-2026", Roles.Editor);
        using var admin = await app.CreateClientSignedInAsync(DemoAccounts.Admin, DemoAccounts.Password);

        var roles = await admin.AssertOkAsync("/admin/logg?EntityType=" + Uri.EscapeDataString("IdentityUserRole`1"));
        Assert.Contains("<td>Roll tilldelad</td>", roles, StringComparison.Ordinal);
        Assert.Contains(">Användarroll<", roles, StringComparison.Ordinal);
        Assert.DoesNotContain(">IdentityUserRole`1", roles, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>create</td>", roles, StringComparison.Ordinal);

        var services = await admin.AssertOkAsync("/admin/logg?EntityType=Service");
        Assert.Contains("<td>Skapad</td>", services, StringComparison.Ordinal);
        Assert.Matches(@"<td>Insats <span class=""muted"">", services);
        Assert.Contains("<option value=\"Service\" selected=\"selected\">Insats</option>", services, StringComparison.Ordinal);

        // The export keeps the technical names beside the readable ones.
        using var csv = await admin.GetAsync("/admin/logg?EntityType=Service&handler=Csv");
        var lines = (await csv.AssertStatusAsync(HttpStatusCode.OK)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("entity_type", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), l => l.Contains(",Service,", StringComparison.Ordinal) && l.EndsWith(",Insats,Skapad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_entity_type_has_a_readable_name_and_unknown_ones_are_split_into_words()
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<AdminText>>();
        var names = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(AuditLog.IsAudited).Select(t => t.ClrType.Name).ToList()));
        using (new CultureScope("sv"))
        {
            Assert.All(names, name =>
            {
                var label = AuditLabels.EntityType(localizer, name);
                Assert.DoesNotContain("`", label, StringComparison.Ordinal);
                Assert.DoesNotMatch("[a-z][A-Z]", label);
            });
            Assert.Equal("Insats", AuditLabels.EntityType(localizer, "Service"));
            Assert.Equal("Organisation", AuditLabels.EntityType(localizer, "Organization"));
            Assert.Equal("Kontakt", AuditLabels.EntityType(localizer, "Contact"));
            Assert.Equal("Användarroll", AuditLabels.EntityType(localizer, "IdentityUserRole`1"));
            Assert.Equal("Roll tilldelad", AuditLabels.Action(localizer, "IdentityUserRole`1", "create"));
            Assert.Equal("Ändrad", AuditLabels.Action(localizer, "Service", "update"));
            Assert.Equal("Borttagen", AuditLabels.Action(localizer, "Phone", "delete"));
            // A feature's entity added later, with no text of its own.
            Assert.Equal("Preparedness pledge", AuditLabels.EntityType(localizer, "PreparednessPledge"));
            Assert.Equal("Survey answer", AuditLabels.EntityType(localizer, "SurveyAnswer`1"));
            Assert.Equal("Api key rotation", AuditLabels.EntityType(localizer, "APIKeyRotation"));
            Assert.Equal("Archived", AuditLabels.Action(localizer, "Service", "archived"));
        }
        using (new CultureScope("en"))
        {
            Assert.Equal("Service", AuditLabels.EntityType(localizer, "Service"));
            Assert.Equal("Role assigned", AuditLabels.Action(localizer, "IdentityUserRole`1", "create"));
        }
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _previous = System.Globalization.CultureInfo.CurrentUICulture;

        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(name);

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = _previous;
    }

    /// <summary>A value of <paramref name="type"/> as a property could hold it (collections with one element); null if the test cannot make one.</summary>
    private static object? Sample(Type type)
    {
        if (type == typeof(string)) return "x";
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Sample(element), 0);
            return array;
        }
        if (type.IsValueType) return Activator.CreateInstance(type);
        if (type.IsInterface && type.IsGenericType)
        {
            // IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyList<T>: a List<T>.
            type = typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]);
        }
        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null) return null;
        var value = Activator.CreateInstance(type)!;
        var collection = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
        if (collection is not null)
        {
            var item = collection.GetGenericArguments()[0];
            var element = item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
                ? Activator.CreateInstance(item, Sample(item.GetGenericArguments()[0]), Sample(item.GetGenericArguments()[1]))
                : Sample(item);
            collection.GetMethod("Add")!.Invoke(value, [element]);
        }
        return value;
    }
}
