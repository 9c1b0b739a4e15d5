using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samla.Web.Features.Exchange.Import;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Exchange;

/// <summary>
/// Upload page for coordinators: the file is checked and previewed (a dry run in a rolled-back transaction),
/// then imported on confirmation. The uploaded file waits in the database (<see cref="PendingUploads"/>) under a random
/// token, so the confirmation may land on another app instance than the preview.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
[RequestSizeLimit(ExchangeSetup.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ExchangeSetup.MaxUploadBytes)]
public sealed class ImportModel(ImportHsdsFile importer, PendingUploads pending) : PageModel
{
    public const int PreviewRows = 500;

    public ImportResult? Result { get; private set; }
    public string? Token { get; private set; }
    public string? FileName { get; private set; }
    public bool Confirmed { get; private set; }
    public bool NoFile { get; private set; }

    private static string Folder => Path.Combine(Path.GetTempPath(), "samla-import");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            NoFile = true;
            return Page();
        }
        System.IO.Directory.CreateDirectory(Folder);
        var path = PathOf(Guid.NewGuid().ToString("N"));
        FileName = Path.GetFileName(upload.FileName);
        try
        {
            await using (var file = System.IO.File.Create(path)) await upload.CopyToAsync(file, ct);
            Result = await importer.RunAsync(path, dryRun: true, Actor, UserId, ct);
            if (Result.IsValid) Token = (await pending.KeepAsync(path, FileName, UserId, ct)).ToString("N");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, string? fileName, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Folder);
        var path = PathOf(Guid.NewGuid().ToString("N"));
        if (!Guid.TryParseExact(token, "N", out var id) || !await pending.RestoreAsync(id, UserId, path, ct))
        {
            NoFile = true;
            return Page();
        }
        FileName = fileName;
        try
        {
            Result = await importer.RunAsync(path, dryRun: false, Actor, UserId, ct);
            Confirmed = Result.Written;
        }
        finally
        {
            System.IO.File.Delete(path);
            await pending.ForgetAsync(id, CancellationToken.None);
        }
        return Page();
    }

    private string Actor => User.Identity?.Name ?? "import";

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string PathOf(string token) => Path.Combine(Folder, token + ".upload");
}
