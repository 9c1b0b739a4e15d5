using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samla.Web.Infrastructure;

/// <summary>One error of a form for the error summary: the id of the field it links to (null: the form as a whole).</summary>
public sealed record FormError(string? FieldId, string Message)
{
    /// <summary>
    /// The errors of a posted form in the order they were added, each linked to its field: a key such as
    /// <c>Input.Name</c> becomes the id <c>Input_Name</c> that <c>asp-for</c> gives the field.
    /// </summary>
    /// <param name="state">The posted form's model state.</param>
    /// <param name="fieldIds">Ids of fields whose id is not the sanitised key (key → id); a key mapped to "" links nowhere.</param>
    /// <param name="fieldOrder">
    /// Keys in the order their fields stand in the form (a key also covers its items, <c>Input.Schedules</c> →
    /// <c>Input.Schedules[0].Days</c>): the summary then reads top to bottom like the form, which the model state's own
    /// order does not. Keys not listed come last.
    /// </param>
    public static IReadOnlyList<FormError> From(ModelStateDictionary state, IReadOnlyDictionary<string, string>? fieldIds = null, IReadOnlyList<string>? fieldOrder = null) =>
        [.. state.Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => Rank(e.Key, fieldOrder))
            .SelectMany(e => e.Value!.Errors.Select(error => new FormError(IdOf(e.Key, fieldIds), error.ErrorMessage)))];

    private static int Rank(string key, IReadOnlyList<string>? fieldOrder)
    {
        if (fieldOrder is null) return 0;
        for (var i = 0; i < fieldOrder.Count; i++)
        {
            var field = fieldOrder[i];
            if (key == field || (key.StartsWith(field, StringComparison.Ordinal) && key.Length > field.Length && key[field.Length] is '[' or '.')) return i;
        }
        return fieldOrder.Count;
    }

    private static string? IdOf(string key, IReadOnlyDictionary<string, string>? fieldIds)
    {
        if (fieldIds is not null && fieldIds.TryGetValue(key, out var id)) return id.Length == 0 ? null : id;
        return string.IsNullOrEmpty(key) ? null : TagBuilder.CreateSanitizedId(key, "_");
    }
}

/// <summary>
/// A field that failed validation (asp-for gives it the class input-validation-error) also says so to assistive
/// technology: aria-invalid="true". Runs after the framework's input, select and textarea tag helpers.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("class", out var css) && css.Value?.ToString()?.Contains("input-validation-error", StringComparison.Ordinal) == true
            && !output.Attributes.ContainsName("aria-invalid"))
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
