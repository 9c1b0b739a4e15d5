using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Samla.Web.Features.Exchange;

/// <summary>
/// Every error under /api/ is application/problem+json (RFC 9457) with a title a person can act on, never the HTML
/// error page: parameters that cannot be read (a page that is not a number, an id that is not a GUID), unknown paths,
/// wrong methods, bodies that are too large, and any other error status an endpoint sets without a body.
/// </summary>
/// <remarks>
/// Minimal APIs report a parameter they cannot bind by throwing <see cref="BadHttpRequestException"/> (ThrowOnBadRequest,
/// set in <see cref="AddApiProblems"/>); this middleware turns that into the status it carries, with a problem body
/// under /api/ and an empty body elsewhere (the status code pages then show the friendly page, as before).
/// </remarks>
public static partial class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static IServiceCollection AddApiProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    /// <summary>Place after the status code pages and before routing.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = ex.StatusCode;
            if (isApi)
            {
                var (title, detail) = Describe(ex);
                await WriteAsync(context, ex.StatusCode, title, detail);
            }
            return;
        }
        var response = context.Response;
        if (isApi && !response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            var (title, detail) = ForStatus(context);
            await WriteAsync(context, response.StatusCode, title, detail);
        }
    });

    public static Task WriteAsync(HttpContext context, int status, string title, string? detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (k, v) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[k] = v;
        context.Response.StatusCode = status;
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    private static (string Title, string Detail) ForStatus(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        return context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound when context.GetEndpoint() is null =>
                ("No such API endpoint", $"There is no API endpoint at {path}. The HSDS API is at /api/hsds/ and described in /openapi/v1.json."),
            StatusCodes.Status404NotFound => ("Not found", $"Nothing was found at {path}."),
            StatusCodes.Status405MethodNotAllowed =>
                ("Method not allowed", $"{context.Request.Method} is not allowed on {path}; use {AllowedOr(context, "GET")}."),
            StatusCodes.Status401Unauthorized =>
                ("Not signed in or no valid API key", "Send a valid API key in the X-Api-Key header (coordinators create keys under Samordning → API-nycklar)."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your key or account may not do this."),
            StatusCodes.Status413PayloadTooLarge => ("The request body is too large", "Send a smaller file."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body in a format this endpoint takes."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Wait a moment and try again."),
            StatusCodes.Status503ServiceUnavailable => ("Service unavailable", "The service is unavailable for a moment. Try again shortly."),
            var s when s >= 500 => ("Server error", "Something went wrong on the server. Try again; if it keeps happening, tell the administrator."),
            _ => ("Bad request", "The request could not be handled as sent."),
        };
    }

    private static string AllowedOr(HttpContext context, string fallback) =>
        context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow : fallback;

    /// <summary>A parameter that could not be read, named with what it must be: "page must be a whole number".</summary>
    public static (string Title, string Detail) Describe(BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("The request body is too large", "The file is larger than the import takes. Split it into smaller files.");
        }
        var bind = BindFailure().Match(ex.Message);
        if (bind.Success)
        {
            var (type, name, value) = (bind.Groups["type"].Value, bind.Groups["name"].Value, bind.Groups["value"].Value);
            return ($"Invalid {name}", $"{name} must be {Expected(type)}; \"{value}\" is not.");
        }
        var required = RequiredMissing().Match(ex.Message);
        if (required.Success)
        {
            var name = required.Groups["name"].Value;
            return ($"Missing {name}", $"{name} is required.");
        }
        return ("Bad request", ex.Message);
    }

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "Guid" => "an id in GUID form (for example 3fa85f64-5717-4562-b3fc-2c963f66afa6)",
        "DateTime" or "DateTimeOffset" => "a date and time in ISO 8601 form (for example 2026-01-31T00:00:00Z)",
        "DateOnly" => "a date in the form YYYY-MM-DD",
        "bool" or "Boolean" => "true or false",
        var t => $"a value of type {t}",
    };

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^ "]+)" from "(?<value>.*)"\.""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?<type>[^ "]+) (?<name>[^ "]+)" was not provided""")]
    private static partial Regex RequiredMissing();

    /// <summary>A 400 problem for a value the handler itself found wrong (paging, filters).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Bad(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
