using Microsoft.EntityFrameworkCore;
using Samla.BrowserTests.Infrastructure;

namespace Samla.BrowserTests;

/// <summary>
/// In Arabic and Dari, phone numbers, addresses and Swedish fallback text read left to right: what a person reads
/// off the screen, character by character from left to right, is what is stored.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RightToLeftTests(BrowserFixture browser)
{
    /// <summary>
    /// The element's characters in the order they appear on screen: each character's box (Range.getBoundingClientRect),
    /// sorted top to bottom, then left to right. innerText would give the logical order, which is right even when
    /// the screen shows the groups of a number reversed.
    /// </summary>
    private const string VisualText = """
        el => {
            const chars = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (let i = 0; i < node.data.length; i++) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const box = range.getBoundingClientRect();
                    if (box.width > 0) chars.push({ c: node.data[i], x: box.left + box.width / 2, y: box.top });
                }
            }
            chars.sort((a, b) => Math.abs(a.y - b.y) > 4 ? a.y - b.y : a.x - b.x);
            return chars.map(c => c.c).join('').replace(/\s+/g, ' ').trim();
        }
        """;

    [Theory]
    [InlineData("ar")]
    [InlineData("prs")]
    public Task Phone_numbers_read_left_to_right_as_stored(string lang) => browser.RunAsync(async page =>
    {
        var (serviceId, numbers) = await ServiceWithPhonesAsync();
        await page.GotoAsync($"/insatser/{serviceId}?lang={lang}");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));

        var phones = page.Locator("main a[href^='tel:']");
        var count = await phones.CountAsync();
        Assert.True(count >= numbers.Count, $"{count} phone links, {numbers.Count} stored");
        var shown = new List<string>();
        for (var i = 0; i < count; i++) shown.Add(await phones.Nth(i).EvaluateAsync<string>(VisualText));
        Assert.All(numbers, n => Assert.Contains(n, shown));
        for (var i = 0; i < count; i++) Assert.Equal("ltr", await phones.Nth(i).EvaluateAsync<string>("el => getComputedStyle(el).direction"));
    });

    [Theory]
    [InlineData("ar")]
    [InlineData("prs")]
    public Task Swedish_fallback_text_on_a_right_to_left_page_is_left_to_right(string lang) => browser.RunAsync(async page =>
    {
        var (serviceId, _) = await ServiceWithPhonesAsync();
        await page.GotoAsync($"/insatser/{serviceId}?lang={lang}");
        var swedish = page.Locator("main [lang='sv']");
        var count = await swedish.CountAsync();
        Assert.True(count > 0, "no Swedish fallback on the page");
        for (var i = 0; i < count; i++)
        {
            var element = swedish.Nth(i);
            var direction = await element.EvaluateAsync<string>("el => getComputedStyle(el).direction");
            Assert.True(direction == "ltr", $"{await element.EvaluateAsync<string>("el => el.outerHTML.slice(0, 120)")}: {direction}");
        }
        // A sentence's full stop stays at its end on screen.
        var paragraph = page.Locator("main div[lang='sv'] p").First;
        var logical = (await paragraph.InnerTextAsync()).Trim();
        var visual = await paragraph.EvaluateAsync<string>(VisualText);
        if (logical.EndsWith('.') && !logical.Contains('\n', StringComparison.Ordinal)) Assert.EndsWith(".", visual, StringComparison.Ordinal);
    });

    [Theory]
    [InlineData("ar")]
    [InlineData("prs")]
    public Task Organisation_phone_numbers_read_left_to_right(string lang) => browser.RunAsync(async page =>
    {
        var stored = await browser.WithDbAsync(db => db.Phones.AsNoTracking()
            .Where(p => p.OrganizationId != null && p.ServiceId == null && p.ContactId == null && p.Organization!.IsActive)
            .OrderBy(p => p.Number)
            .Select(p => new { OrganizationId = p.OrganizationId!.Value, p.Number }).FirstAsync());
        var (organizationId, number) = (stored.OrganizationId, stored.Number);
        await page.GotoAsync($"/organisationer/{organizationId}?lang={lang}");
        var phone = page.Locator("main a[href^='tel:']").First;
        Assert.Equal(number, await phone.EvaluateAsync<string>(VisualText));
    });

    /// <summary>A public service whose page shows at least one phone number that reads differently reversed.</summary>
    private Task<(Guid Id, List<string> Numbers)> ServiceWithPhonesAsync() => browser.WithDbAsync(async db =>
    {
        var phone = await db.Phones.AsNoTracking()
            .Where(p => p.Contact != null && p.Contact.IsPublic && p.Contact.ServiceId != null && p.Contact.Service!.IsPublished && p.Contact.Service.Status == Samla.Web.Data.ServiceStatus.Active && p.Number.Contains(' '))
            .OrderBy(p => p.Number)
            .Select(p => p.Contact!.ServiceId!.Value)
            .FirstAsync();
        var numbers = await db.Phones.AsNoTracking()
            .Where(p => p.ServiceId == phone || (p.Contact != null && p.Contact.ServiceId == phone && p.Contact.IsPublic))
            .Select(p => p.Number).ToListAsync();
        return (phone, numbers);
    });
}
