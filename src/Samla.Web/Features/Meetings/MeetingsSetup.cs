using System.ComponentModel.DataAnnotations;

namespace Samla.Web.Features.Meetings;

/// <summary>Settings the meetings feature reads from the "Samla" section.</summary>
public sealed class MeetingsOptions
{
    /// <summary>The address people reach the site at (Samla:PublicUrl), for links in mail; the request's host when unset.</summary>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>The site's time zone for meeting times and reminder days.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Stockholm";
}

/// <summary>Registers dialogue meetings and update rounds.</summary>
public static class MeetingsSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddOptions<MeetingsOptions>().BindConfiguration("Samla").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RoundProgress>();
        services.AddScoped<UpdateRoundMail>();
        services.AddScoped<MeetingCalendar>();
        services.AddScheduledJob<UpdateRoundReminderJob>();
        services.AddDemoDataSeeder<MeetingsDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        MeetingCalendar.Map(app);
        return app;
    }
}
