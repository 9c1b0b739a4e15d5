using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Samla.Web.Features.Shared;

namespace Samla.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;div class="table-scroll"&gt;</c> becomes a focusable, labelled scroll region (role=region, tabindex=0,
/// a name), so a table wider than a phone scrolls inside it (by keyboard too) while the page itself never scrolls
/// sideways. The name is the table's caption, else the table's own aria-labelledby, else a generic "Table".
/// </summary>
[HtmlTargetElement("div", Attributes = "[class=table-scroll]")]
public sealed partial class TableScrollTagHelper(IStringLocalizer<LayoutText> texts) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("role")) output.Attributes.SetAttribute("role", "region");
        if (!output.Attributes.ContainsName("tabindex")) output.Attributes.SetAttribute("tabindex", "0");
        if (output.Attributes.ContainsName("aria-label") || output.Attributes.ContainsName("aria-labelledby")) return;

        var inner = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(inner);
        if (caption.Success)
        {
            var text = WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")).Trim();
            if (text.Length > 0)
            {
                output.Attributes.SetAttribute("aria-label", Spaces().Replace(text, " "));
                return;
            }
        }
        var labelledBy = LabelledBy().Match(inner);
        if (labelledBy.Success)
        {
            output.Attributes.SetAttribute("aria-labelledby", WebUtility.HtmlDecode(labelledBy.Groups[1].Value));
            return;
        }
        output.Attributes.SetAttribute("aria-label", texts["ScrollableTable"].Value);
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<table[^>]*\\saria-labelledby=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledBy();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
