using System.ComponentModel.DataAnnotations;

namespace Samla.Web.Features.Surveys;

/// <summary>Marker for the coordinators' survey texts (SurveysText.resx, Swedish, and .en.resx) and the invitation mails.</summary>
public sealed class SurveysText;

/// <summary>Marker for the answer form's texts in all seven languages, and the receipt mail.</summary>
public sealed class SurveyAnswerText;

public sealed class SurveyOptions
{
    /// <summary>Days before the closing date on which those who have not answered get a reminder.</summary>
    [MinLength(0)]
    public int[] ReminderDaysBefore { get; set; } = [7, 2];
}

/// <summary>Registers the follow-up surveys.</summary>
public static class SurveysSetup
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration("Samla:Surveys").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SurveyCalendar>();
        services.AddScoped<SurveyMailbox>();
        services.AddScoped<SurveyWork>();
        services.AddTransient<SurveyReminderJob>();
        services.AddScheduledJob<SurveyReminderJob>();
        services.AddDemoDataSeeder<SurveysDemoData>();
        return services;
    }
}

/// <summary>Reminders before the closing date to those who have not answered; idempotent per day through the mail's key.</summary>
public sealed class SurveyReminderJob : IScheduledJob
{
    public string Name => "survey-reminders";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken ct)
    {
        var options = scopedServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SurveyOptions>>().Value;
        return scopedServices.GetRequiredService<SurveyWork>().SendRemindersAsync(options.ReminderDaysBefore, ct);
    }
}
