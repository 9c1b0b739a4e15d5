using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Samla.Web.Data;

/// <summary>
/// Demo data for Halland: organisations, services and one account per role. The organisations and
/// services are added only to an empty database (no Organization rows), so a restart neither duplicates
/// them nor undoes edits; roles and demo accounts are ensured on every start (created only if missing).
/// All contacts are fictional: role titles, example domains and the phone numbers PTS reserves for fiction.
/// </summary>
public static partial class DemoData
{
    public const string DemoPassword = "Samla-demo-2026";
    public const string AdminEmail = "admin@samla.example";
    public const string CoordinatorEmail = "samordnare@samla.example";
    public const string EditorEmail = "redaktor@samla.example";
    public const string OtherEditorEmail = "redaktor.rodakorset@samla.example";
    public const string ReaderEmail = "lasare@samla.example";

    /// <summary>
    /// Authenticator (TOTP) key of the demo administrator and coordinator, who must sign in in two steps.
    /// Printed in the README and start-up banner so that a demo user can add it to an authenticator app.
    /// </summary>
    public const string DemoAuthenticatorKey = "SAMLADEMOHALLANDTOTPKEYXYZ234567";

    /// <summary>The user name the audit log shows for demo data.</summary>
    public const string AuditUserName = "demo-data";

    public const string ParentingSupportHalmstadName = "Älskade barn – föräldrastöd";

    public static readonly Guid ParentingSupportHalmstadServiceId = ServiceId("halmstad", ParentingSupportHalmstadName);

    public static Guid OrganizationId(string key) => ReferenceData.StableId("demo-org", key);

    public static Guid ServiceId(string orgKey, string name) => ReferenceData.StableId("demo-service", $"{orgKey}/{name}");

    private sealed record DemoUser(string Email, string DisplayName, string Role, string? OrganizationKey);

    private static readonly DemoUser[] Users =
    [
        new(AdminEmail, "Administratör", Roles.Administrator, null),
        new(CoordinatorEmail, "Samordnare Region Halland", Roles.Coordinator, null),
        new(EditorEmail, "Redaktör Halmstads kommun", Roles.Editor, "halmstad"),
        new(OtherEditorEmail, "Redaktör Röda Korset Halland", Roles.Editor, "rodakorset"),
        new(ReaderEmail, "Läsare", Roles.Reader, null),
    ];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<SamlaDbContext>();
        services.GetRequiredService<AuditActor>().Use(AuditUserName);

        if (!await db.Organizations.AnyAsync(ct))
        {
            db.Organizations.AddRange(BuildOrganizations(db.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }

        var users = services.GetRequiredService<UserManager<SamlaUser>>();
        foreach (var u in Users)
        {
            var user = await users.FindByEmailAsync(u.Email);
            if (user is null)
            {
                user = new SamlaUser
                {
                    UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = u.DisplayName,
                    CreatedAt = db.Clock.GetUtcNow().UtcDateTime, IsActive = true,
                };
                Check(await users.CreateAsync(user, DemoPassword), u.Email);
                Check(await users.AddToRoleAsync(user, u.Role), u.Email);
                if (Roles.RequireTwoFactor.Contains(u.Role))
                {
                    Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorKey), u.Email);
                    Check(await users.SetTwoFactorEnabledAsync(user, true), u.Email);
                }
                if (u.OrganizationKey is { } key)
                {
                    var orgId = OrganizationId(key);
                    if (await db.Organizations.AnyAsync(o => o.Id == orgId, ct)
                        && !await db.UserOrganizations.AnyAsync(x => x.UserId == user.Id && x.OrganizationId == orgId, ct))
                    {
                        db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = orgId });
                        await db.SaveChangesAsync(ct);
                    }
                }
            }
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo data: could not create {what}: " +
                string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    // ---- building entities from the compact definitions in DemoData.Content.cs ----

    private static List<Organization> BuildOrganizations(DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var orgs = new Dictionary<string, Organization>(StringComparer.Ordinal);
        var phone = 0;
        // Fictional numbers: PTS reserves 031-390 60 00 to 031-390 69 99 for use in fiction and examples.
        string NextPhone()
        {
            var n = 6000 + phone++ % 1000;
            return FormattableString.Invariant($"031-390 {n / 100} {n % 100:00}");
        }

        foreach (var d in OrganizationDefs)
        {
            var org = new Organization
            {
                Id = OrganizationId(d.Key), Name = d.Name, AlternateName = d.AlternateName, Description = d.Description,
                Type = d.Type, MunicipalityCode = d.Municipality, Email = $"info@{d.Domain}", Website = $"https://www.{d.Domain}",
                IsActive = true, CreatedAt = now, LastModified = now,
            };
            org.Contacts.Add(new Contact
            {
                Id = ReferenceData.StableId("demo-contact", d.Key + "/process-leader"),
                Title = d.ProcessLeaderTitle, Email = $"processledare@{d.Domain}", Role = ContactRole.ProcessLeader, IsPublic = false,
                Phones = [new Phone { Number = NextPhone(), Type = "voice" }],
            });
            org.Phones.Add(new Phone { Number = NextPhone(), Type = "voice", Description = "Växel" });
            orgs.Add(d.Key, org);
        }

        var locations = new Dictionary<string, Location>(StringComparer.Ordinal);
        Location PlaceOf(Organization org, string orgKey, string muni, bool online)
        {
            var key = online ? $"{orgKey}/online" : $"{orgKey}/{muni}";
            if (locations.TryGetValue(key, out var loc)) return loc;
            var def = OrgDefsByKey[orgKey];
            if (online)
            {
                loc = new Location
                {
                    Id = ReferenceData.StableId("demo-location", key), OrganizationId = org.Id, LocationType = "virtual",
                    Name = $"{org.Name} – digitalt", Url = $"https://digitalt.{def.Domain}", CreatedAt = now, LastModified = now,
                };
            }
            else
            {
                var m = Towns[muni];
                var h = (int)(ReferenceData.StableId("demo-address", key).ToByteArray()[0]);
                loc = new Location
                {
                    Id = ReferenceData.StableId("demo-location", key), OrganizationId = org.Id, LocationType = "physical",
                    Name = $"{org.Name}, {m.Name}", MunicipalityCode = muni,
                    Latitude = Math.Round(m.Latitude + ((h % 17) - 8) * 0.0012, 5),
                    Longitude = Math.Round(m.Longitude + ((h % 13) - 6) * 0.0015, 5),
                    CreatedAt = now, LastModified = now,
                };
                loc.Addresses.Add(new Address
                {
                    Id = ReferenceData.StableId("demo-address", key),
                    Address1 = string.Create(CultureInfo.InvariantCulture, $"{m.Streets[h % m.Streets.Length]} {h % 40 + 2}"),
                    City = m.Name, StateProvince = "Hallands län", Region = "Halland",
                    PostalCode = string.Create(CultureInfo.InvariantCulture, $"{m.PostalPrefix}{h % 5 * 2 + 30}"), Country = "SE",
                });
            }
            org.Locations.Add(loc);
            locations.Add(key, loc);
            return loc;
        }

        var defs = ServiceDefs().ToList();
        for (var i = 0; i < defs.Count; i++)
        {
            var d = defs[i];
            var org = orgs[d.Org];
            var orgDef = OrgDefsByKey[d.Org];
            var areas = d.Areas == "*" ? AllMunicipalities : d.Areas.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => MunicipalityCodes[a]).ToArray();
            // ~20 % older than six months (stale), the rest checked within the last half year; all within 14 months.
            var daysAgo = i % 5 == 0 ? 190 + i * 13 % 230 : i * 29 % 170;
            var hasSurge = i % 10 is 1 or 4 or 7;
            var s = new Service
            {
                Id = ServiceId(d.Org, d.Name), OrganizationId = org.Id, Name = d.Name, Description = d.Description,
                ApplicationProcess = d.Apply, Status = d.Status, IsPublished = !d.Draft, FeesDescription = d.Fee,
                MinimumAge = d.Min, MaximumAge = d.Max, Capacity = d.Capacity,
                SurgeCapacity = hasSurge ? Math.Max(5, d.Capacity / 2) : null,
                SurgeLeadTimeDays = hasSurge ? (i % 3 + 1) * 7 : null,
                AssuredDate = today.AddDays(-daysAgo), AssurerEmail = $"processledare@{orgDef.Domain}",
                Url = $"https://www.{orgDef.Domain}/stod/{Slug(d.Name)}",
                Email = i % 3 == 2 ? null : $"info@{orgDef.Domain}",
                Translations = ServiceTranslations.TryGetValue(d.Name, out var tr) ? tr : [],
                CreatedAt = now.AddDays(-daysAgo - 30), LastModified = now.AddDays(-daysAgo),
            };

            void Attr(string taxonomy, string code, string? value = null) => s.Attributes.Add(new ServiceAttribute
            {
                TaxonomyTermId = ReferenceData.TermId(taxonomy, code), Value = value,
            });
            foreach (var t in d.Targets.Split(' ')) Attr(ReferenceData.TargetGroups, TargetCodes[t]);
            Attr(ReferenceData.MhpssLayers, d.Layer);
            foreach (var a in d.Activities.Split(' ')) Attr(ReferenceData.ActivityCategories, a);
            foreach (var a in d.Ages.Split(' ')) Attr(ReferenceData.AgeGroups, AgeCodes[a]);
            Attr(ReferenceData.Costs, d.Fee is null ? "free" : "fee");
            foreach (var a in d.Access.Split(' ')) Attr(ReferenceData.AccessModes, AccessCodes[a]);
            if (hasSurge)
            {
                Attr(ReferenceData.Preparedness, "surge-capacity", s.SurgeCapacity!.Value.ToString(CultureInfo.InvariantCulture));
                Attr(ReferenceData.Preparedness, "surge-lead-time", s.SurgeLeadTimeDays!.Value.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var code in areas)
            {
                s.ServiceAreas.Add(new ServiceArea { MunicipalityCode = code, Name = Towns[code].Municipality });
            }
            foreach (var l in d.Languages.Split(' '))
            {
                s.Languages.Add(new Language { Code = l, Name = LanguageNames[l] });
            }

            var online = d.Access.Split(' ') is ["o"];
            var places = online ? [string.Empty]
                : d.Areas == "*" ? (orgDef.Municipality is { } home ? [home] : [MunicipalityCodes["HS"], MunicipalityCodes["VA"]])
                : areas.Take(3).ToArray();
            foreach (var muni in places)
            {
                s.ServiceAtLocations.Add(new ServiceAtLocation { Location = PlaceOf(org, d.Org, muni, online) });
            }

            if (d.Schedule is { } sched) s.Schedules.Add(ParseSchedule(sched, online, today));
            if (i % 4 != 3)
            {
                s.Contacts.Add(new Contact
                {
                    Title = d.ContactTitle ?? "Kontaktperson", Email = $"info@{orgDef.Domain}", Role = ContactRole.General, IsPublic = true,
                    Phones = [new Phone { Number = NextPhone(), Type = "voice" }],
                });
            }
            org.Services.Add(s);
        }
        return [.. orgs.Values];
    }

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant()
            .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e')
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly Dictionary<string, string> DayNames = new(StringComparer.Ordinal)
    {
        ["MO"] = "måndagar", ["TU"] = "tisdagar", ["WE"] = "onsdagar", ["TH"] = "torsdagar",
        ["FR"] = "fredagar", ["SA"] = "lördagar", ["SU"] = "söndagar",
    };

    private static readonly Dictionary<string, string> MonthlyDayNames = new(StringComparer.Ordinal)
    {
        ["MO"] = "måndagen", ["TU"] = "tisdagen", ["WE"] = "onsdagen", ["TH"] = "torsdagen",
        ["FR"] = "fredagen", ["SA"] = "lördagen", ["SU"] = "söndagen",
    };

    private static readonly Dictionary<string, string> Ordinals = new(StringComparer.Ordinal)
    {
        ["1"] = "Första", ["2"] = "Andra", ["3"] = "Tredje", ["4"] = "Fjärde", ["-1"] = "Sista",
    };

    /// <summary>"TU 13-16", "MO,WE 9-11:30" (weekly) or "1TH 17-19" (first Thursday of the month).</summary>
    private static Schedule ParseSchedule(string text, bool online, DateOnly today)
    {
        var (days, times) = (text.Split(' ')[0], text.Split(' ')[1].Split('-'));
        var opens = TimeOnly.Parse(times[0].Contains(':', StringComparison.Ordinal) ? times[0] : times[0] + ":00", CultureInfo.InvariantCulture);
        var closes = TimeOnly.Parse(times[1].Contains(':', StringComparison.Ordinal) ? times[1] : times[1] + ":00", CultureInfo.InvariantCulture);
        var monthly = days[0] is '-' or (>= '1' and <= '9');
        string when;
        if (monthly)
        {
            var split = days.Length - 2;
            when = $"{Ordinals[days[..split]]} {MonthlyDayNames[days[split..]]} i månaden";
        }
        else
        {
            var names = days.Split(',').Select(d => DayNames[d]).ToList();
            var joined = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " och " + names[^1];
            when = char.ToUpperInvariant(joined[0]) + joined[1..];
        }
        static string Clock(TimeOnly t) => t.Minute == 0
            ? t.Hour.ToString(CultureInfo.InvariantCulture)
            : t.ToString("H.mm", CultureInfo.InvariantCulture);
        return new Schedule
        {
            Freq = monthly ? "MONTHLY" : "WEEKLY", Interval = 1, Byday = days, OpensAt = opens, ClosesAt = closes,
            Wkst = "MO", DtStart = new DateOnly(today.Year - 1, 8, 18), Timezone = "Europe/Stockholm",
            Description = $"{when} {Clock(opens)}–{Clock(closes)}", AttendingType = online ? "online" : "in person",
        };
    }
}
