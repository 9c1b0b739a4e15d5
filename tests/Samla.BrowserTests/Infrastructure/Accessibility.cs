using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Samla.BrowserTests.Infrastructure;

/// <summary>axe-core against WCAG 2.1 A and AA, the level Swedish law (DOS-lagen) requires.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0,
            $"axe found {result.Violations.Length} WCAG 2.1 AA violation(s) on {page.Url}:\n" + string.Join("\n", result.Violations.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => string.Join(" ", n.Target.ToString()))))));
    }
}
