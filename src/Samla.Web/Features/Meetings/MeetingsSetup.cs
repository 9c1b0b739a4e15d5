using System.ComponentModel.DataAnnotations;

namespace Samla.Web.Features.Meetings;

/// <summary>Samla:Meetings settings (links in mail use Samla:PublicUrl from <see cref="SamlaOptions"/>).</summary>
public sealed class MeetingsOptions
{
    /// <summary>The site's time zone for meeting times and reminder days.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Stockholm";
}

/// <summary>Registers dialogue meetings and update rounds.</summary>
public static class MeetingsSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddOptions<MeetingsOptions>().BindConfiguration("Samla:Meetings").ValidateDataAnnotations().ValidateOnStart();
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
