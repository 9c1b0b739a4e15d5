using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Samla.Web.Data;
using Samla.Web.Features.Account;
using Samla.Web.Features.Admin;
using Samla.Web.Features.Coverage;
using Samla.Web.Features.Directory;
using Samla.Web.Features.Errors;
using Samla.Web.Features.Exchange;
using Samla.Web.Features.Improvement;
using Samla.Web.Features.Meetings;
using Samla.Web.Features.Needs;
using Samla.Web.Features.Operations;
using Samla.Web.Features.Preparedness;
using Samla.Web.Features.Search;
using Samla.Web.Features.Surveys;
using Samla.Web.Features.Workspace;

namespace Samla.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so that it reads as a table of contents.</summary>
public static class AppSetup
{
    public const string SignInRateLimit = "sign-in";
    public const string PublicFormRateLimit = "public-form";

    public static void AddSamla(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.AddSamlaConsoleLogging();
        services.AddHttpContextAccessor();
        services.AddHosting();
        services.AddSamlaCore();
        services.AddSingleton<ScheduleText>();
        services.AddScoped(sp => new AuditActor(sp.GetService<IHttpContextAccessor>()));
        services.AddSamlaDatabase(config, builder.Environment);
        services.AddMessaging();
        services.AddWorkspace();
        services.AddAdmin(config);
        services.AddAccount();
        services.AddCoverage();
        services.AddNeeds();
        services.AddImprovement();
        services.AddPreparedness();
        services.AddSearch();
        services.AddExchange();
        services.AddOperations();
        services.AddSurveys();
        services.AddMeetings();

        services.AddIdentity<SamlaUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SamlaDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/nekad";
            o.Cookie.Name = "samla.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // Keys live in the database so that several app instances share them.
        services.AddDataProtection().SetApplicationName("Samla").PersistKeysToDbContext<SamlaDbContext>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "samla.af";
            o.HeaderName = "X-CSRF-TOKEN";
        });

        // Razor would otherwise encode å, ä, ö, Arabic and Ethiopic script as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCachedLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = UiLanguages.All.Select(l => UiLanguages.Culture(l.Code)).ToList();
            o.DefaultRequestCulture = new RequestCulture(UiLanguages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = UiLanguages.CookieName },
            ];
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Workspace");
                o.Conventions.AuthorizeFolder("/Admin", Policies.Coordination);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Features.Shared.SharedText)));
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, ModelBindingMessages>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Coordination, p => p.RequireRole(Roles.Administrator, Roles.Coordinator))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator));

        builder.AddSamlaTelemetry();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDatabaseHealthCheck();
        services.AddCors(o => o.AddPolicy(Policies.OpenRead, p => p.AllowAnyOrigin().WithMethods("GET").AllowAnyHeader().WithExposedHeaders(HsdsApi.PartialMatchHeader)));
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.SignIn.IsValid && o.PublicForms.IsValid, RateLimitOptions.Problem).ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, ctx => Limit(ctx, l => l.SignIn));
            o.AddPolicy(PublicFormRateLimit, ctx => Limit(ctx, l => l.PublicForms));
        });
    }

    private static RateLimitPartition<string> Limit(HttpContext ctx, Func<RateLimitOptions, RateLimitOptions.FixedWindow> pick)
    {
        var window = pick(ctx.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = window.PermitLimit, Window = TimeSpan.FromSeconds(window.WindowSeconds) });
    }

    public static void UseSamla(this WebApplication app)
    {
        app.UseHosting();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/fel", "?code={0}");
        app.UseApiProblems();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseDatabaseFaults();
        app.UseStaffLanguage();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorGate();
        // After authentication: signed-in people are never served, nor stored in, the output cache.
        app.UseOutputCache();

        app.MapHealthChecks("/health", DatabaseFaults.HealthOptions).DisableRateLimiting();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapExchange();
        app.MapLanguageSwitch();
        app.MapCoverage();
        app.MapMeetings();
        app.MapImprovement();
    }
}

public static class Policies
{
    public const string Coordination = "coordination";
    public const string Administration = "administration";
    public const string OpenRead = "open-read";
}
