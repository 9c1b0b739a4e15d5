using Microsoft.AspNetCore.Mvc;

namespace Samla.Web.Features.Preparedness;

/// <summary>The notice every page shows while preparedness mode is on, linking to /beredskap.</summary>
public sealed class PreparednessNoticeViewComponent(PreparednessMode mode) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await mode.IsOnAsync(HttpContext.RequestAborted) ? View("/Features/Preparedness/_PreparednessNotice.cshtml") : Content("");
}
