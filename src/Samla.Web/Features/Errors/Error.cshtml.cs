using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Samla.Web.Features.Shared;

namespace Samla.Web.Features.Errors;

/// <summary>The friendly error page for exceptions and for 4xx/5xx status codes; never shows a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedText> t, ILogger<ErrorModel> log) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = code ?? (failed ? 500 : Response.StatusCode);
        // Visited directly (a bookmark, a link from a mail): explain, but it is not itself an error.
        if (status < 400)
        {
            Title = t["Error500Title"];
            Message = t["Error500Text"];
            return;
        }
        Response.StatusCode = status;
        var key = status switch
        {
            404 => "Error404",
            403 => "Error403",
            429 => "Error429",
            400 => "Error400",
            _ => "Error500",
        };
        Title = t[key + "Title"];
        Message = t[key + "Text"];
        if (status >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
            var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
            if (error is not null) log.LogError(error.Error, "Unhandled error on {Path} ({RequestId})", error.Path, RequestId);
        }
    }
}
