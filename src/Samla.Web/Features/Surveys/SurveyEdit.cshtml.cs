using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samla.Web.Data;
using Samla.Web.Infrastructure;

namespace Samla.Web.Features.Surveys;

/// <summary>
/// Builds a survey: settings, sections, questions (reordered by buttons, no script), recipients; sends and closes it.
/// Every form carries the survey's Version: a stale save changes nothing and shows what was posted, so nothing is lost.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class SurveyEditModel(SamlaDbContext db, SurveyWork work, SurveyCalendar calendar, IStringLocalizer<SurveysText> t) : PageModel
{
    public Survey Survey { get; private set; } = null!;

    public List<(Guid Id, string Name, List<(Guid Id, string Label)> Contacts)> Organizations { get; private set; } = [];

    /// <summary>What the user posted when the save was refused because someone else saved first.</summary>
    public List<KeyValuePair<string, string>>? Conflict { get; private set; }

    public string? Message { get; private set; }

    public List<string> Errors { get; } = [];

    public sealed class SettingsInput
    {
        public string? Title { get; set; }
        public string? Introduction { get; set; }
        public string? Method { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public bool IsAnonymous { get; set; }
        public RecipientKind RecipientKind { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public bool Open => Survey.Status == SurveyStatus.Sent && calendar.Today <= Survey.ClosesOn;

    public async Task<IActionResult> OnGetAsync(Guid id, string? msg, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Message = msg is null ? null : t["Msg_" + msg].Value;
        FillInput();
        return Page();
    }

    public Task<IActionResult> OnPostSettingsAsync(Guid id, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        if (string.IsNullOrWhiteSpace(Input.Title)) Errors.Add(t["TitleRequired"]);
        if (Input.ClosesOn is null) Errors.Add(t["ClosesOnRequired"]);
        else if (Input.ClosesOn < calendar.Today && Survey.Status != SurveyStatus.Closed) Errors.Add(t["ClosesOnPast"]);
        if (Errors.Count > 0) return false;
        Survey.Title = Input.Title!.Trim()[..Math.Min(300, Input.Title.Trim().Length)];
        Survey.Introduction = Input.Introduction?.Trim() ?? "";
        Survey.Method = Input.Method?.Trim() ?? "";
        Survey.ClosesOn = Input.ClosesOn!.Value;
        if (Survey.SentAt is null)
        {
            Survey.IsAnonymous = Input.IsAnonymous;
            Survey.RecipientKind = Input.RecipientKind;
        }
        return true;
    }, "saved");

    public Task<IActionResult> OnPostAddSectionAsync(Guid id, string? title, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        Survey.Sections.Add(new SurveySection { SurveyId = Survey.Id, Title = string.IsNullOrWhiteSpace(title) ? t["DefaultSection"] : title.Trim(), Position = Survey.Sections.Count == 0 ? 0 : Survey.Sections.Max(s => s.Position) + 1 });
        return true;
    }, "saved");

    public Task<IActionResult> OnPostSectionAsync(Guid id, Guid sectionId, string? title, string? introduction, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        var s = Survey.Sections.FirstOrDefault(x => x.Id == sectionId);
        if (s is null) return false;
        s.Title = title?.Trim() ?? "";
        s.Introduction = introduction?.Trim() ?? "";
        return true;
    }, "saved");

    public Task<IActionResult> OnPostMoveSectionAsync(Guid id, Guid sectionId, int direction, CancellationToken ct) => ChangeAsync(id, ct, () =>
        Swap(Survey.Sections.OrderBy(s => s.Position).ToList(), s => s.Id == sectionId, direction, s => s.Position, (s, p) => s.Position = p), "moved");

    public Task<IActionResult> OnPostAddQuestionAsync(Guid id, Guid sectionId, QuestionKind kind, string? text, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        if (Survey.Sections.All(s => s.Id != sectionId)) return false;
        if (string.IsNullOrWhiteSpace(text)) { Errors.Add(t["QuestionTextRequired"]); return false; }
        var inSection = Survey.Questions.Where(q => q.SectionId == sectionId).ToList();
        var q = new SurveyQuestion
        {
            SurveyId = Survey.Id, SectionId = sectionId, Kind = kind, Text = text.Trim(),
            Position = inSection.Count == 0 ? 0 : inSection.Max(x => x.Position) + 1,
            Options = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? [t["OptionExample1"], t["OptionExample2"]] : [],
        };
        Survey.Questions.Add(q);
        db.Add(q);
        return true;
    }, "saved");

    public Task<IActionResult> OnPostQuestionAsync(Guid id, Guid questionId, string? text, string? help, bool required, string? options,
        string? minLabel, string? maxLabel, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        var q = Survey.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is null) return false;
        if (string.IsNullOrWhiteSpace(text)) { Errors.Add(t["QuestionTextRequired"]); return false; }
        q.Text = text.Trim();
        q.Help = string.IsNullOrWhiteSpace(help) ? null : help.Trim();
        q.Required = required;
        if (q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            var list = (options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().Take(50).ToList();
            if (list.Count < 2) { Errors.Add(t["OptionsRequired"]); return false; }
            q.Options = list;
        }
        if (q.Kind == QuestionKind.Scale)
        {
            q.ScaleMinLabel = string.IsNullOrWhiteSpace(minLabel) ? null : minLabel.Trim();
            q.ScaleMaxLabel = string.IsNullOrWhiteSpace(maxLabel) ? null : maxLabel.Trim();
        }
        return true;
    }, "saved");

    public Task<IActionResult> OnPostMoveQuestionAsync(Guid id, Guid questionId, int direction, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        var q = Survey.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is null) return false;
        return Swap(Survey.Questions.Where(x => x.SectionId == q.SectionId).OrderBy(x => x.Position).ToList(), x => x.Id == questionId, direction, x => x.Position, (x, p) => x.Position = p);
    }, "moved");

    public Task<IActionResult> OnPostDeleteQuestionAsync(Guid id, Guid questionId, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        var q = Survey.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is null) return false;
        if (Survey.SentAt is not null) { Errors.Add(t["CannotDeleteSent"]); return false; }
        Survey.Questions.Remove(q);
        db.Remove(q);
        return true;
    }, "deleted");

    public Task<IActionResult> OnPostRecipientAsync(Guid id, Guid recipientId, Guid? contactId, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        var r = Survey.Recipients.FirstOrDefault(x => x.Id == recipientId);
        if (r?.OrganizationId is null || r.TokenHash is not null) return false;
        var contact = db.Set<Contact>().AsNoTracking().FirstOrDefault(c => c.Id == contactId && c.OrganizationId == r.OrganizationId && c.Email != null);
        if (contact is null) return false;
        r.ContactId = contact.Id;
        r.Email = contact.Email!;
        return true;
    }, "saved");

    public Task<IActionResult> OnPostRemoveRecipientAsync(Guid id, Guid recipientId, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        var r = Survey.Recipients.FirstOrDefault(x => x.Id == recipientId);
        if (r is null || r.TokenHash is not null) return false;
        Survey.Recipients.Remove(r);
        db.Remove(r);
        return true;
    }, "saved");

    public Task<IActionResult> OnPostAddPeopleAsync(Guid id, string? emails, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        foreach (var e in (emails ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!System.Net.Mail.MailAddress.TryCreate(e, out _) || e.Length > 320) { Errors.Add(t["InvalidEmail", e]); continue; }
            if (Survey.Recipients.Any(r => string.Equals(r.Email, e, StringComparison.OrdinalIgnoreCase) && r.OrganizationId is null)) continue;
            var r = new SurveyRecipient { SurveyId = Survey.Id, Email = e };
            Survey.Recipients.Add(r);
            db.Add(r);
        }
        return Errors.Count == 0;
    }, "saved");

    public async Task<IActionResult> OnPostAddOrganizationsAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracked: true)) return NotFound();
        if (Version != Survey.Version) return await ConflictAsync(id, ct);
        var before = Survey.Recipients.Count;
        await work.AddDefaultRecipientsAsync(Survey, ct);
        foreach (var r in Survey.Recipients.Skip(before)) db.Add(r);
        Survey.LastModified = calendar.UtcNow;
        await db.SaveChangesAsync(ct);
        return Redirect($"/samordning/enkater/{id}?msg=saved#recipients");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Version != Survey.Version) return await ConflictAsync(id, ct);
        if (Survey.Questions.Count == 0 || Survey.Recipients.Count == 0 || Survey.ClosesOn < calendar.Today)
        {
            Errors.Add(t["CannotSend"]);
            FillInput();
            return Page();
        }
        await work.SendAsync(id, $"{Request.Scheme}://{Request.Host}", ct);
        return Redirect($"/samordning/enkater/{id}?msg=sent");
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ChangeAsync(id, ct, () =>
    {
        Survey.Status = SurveyStatus.Closed;
        return true;
    }, "closed");

    private async Task<IActionResult> ChangeAsync(Guid id, CancellationToken ct, Func<bool> change, string msg)
    {
        if (!await LoadAsync(id, ct, tracked: true)) return NotFound();
        if (Version != Survey.Version) return await ConflictAsync(id, ct);
        if (!change())
        {
            if (Errors.Count == 0) return BadRequest();
            FillInputFromPost();
            return Page();
        }
        Survey.LastModified = calendar.UtcNow;
        db.Entry(Survey).Property(s => s.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id, ct);
        }
        return Redirect($"/samordning/enkater/{id}?msg={msg}");
    }

    private async Task<IActionResult> ConflictAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        FillInput();
        Conflict = Request.Form.Where(f => f.Key is not "__RequestVerificationToken" and not "Version" && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private static bool Swap<T>(List<T> list, Func<T, bool> match, int direction, Func<T, int> get, Action<T, int> set)
    {
        var i = list.FindIndex(x => match(x));
        var j = i + Math.Sign(direction);
        if (i < 0 || j < 0 || j >= list.Count) return false;
        for (var k = 0; k < list.Count; k++) set(list[k], k);
        set(list[i], j);
        set(list[j], i);
        return true;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<Survey>().Include(s => s.Sections).Include(s => s.Questions).Include(s => s.Recipients).ThenInclude(r => r.Organization).AsSplitQuery();
        var survey = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return false;
        Survey = survey;
        var orgIds = survey.Recipients.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).ToList();
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => c.OrganizationId != null && orgIds.Contains(c.OrganizationId.Value) && c.Email != null)
            .Select(c => new { c.Id, OrganizationId = c.OrganizationId!.Value, c.Name, c.Title, c.Email, c.Role }).ToListAsync(ct);
        Organizations = survey.Recipients.Where(r => r.Organization is not null)
            .Select(r => (r.Organization!.Id, r.Organization.Name, contacts.Where(c => c.OrganizationId == r.OrganizationId)
                .OrderByDescending(c => c.Role == ContactRole.ProcessLeader)
                .Select(c => (c.Id, $"{c.Name ?? c.Title ?? ""} <{c.Email}>{(c.Role == ContactRole.ProcessLeader ? " – " + t["ProcessLeader"] : "")}")).ToList()))
            .ToList();
        return true;
    }

    private void FillInput()
    {
        Input = new SettingsInput
        {
            Title = Survey.Title, Introduction = Survey.Introduction, Method = Survey.Method, ClosesOn = Survey.ClosesOn,
            IsAnonymous = Survey.IsAnonymous, RecipientKind = Survey.RecipientKind,
        };
        Version = Survey.Version;
    }

    private void FillInputFromPost()
    {
        if (!Request.Form.ContainsKey("Input.Title")) FillInput();
        Version = Survey.Version;
    }
}
