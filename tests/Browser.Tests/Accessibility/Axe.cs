using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Rantevou.Browser.Tests;

/// <summary>axe-core on a page as it is now: nothing serious or critical, or the test fails with what and where.</summary>
public static class Axe
{
    static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{what} ({page.Url}): " + string.Join("; ",
            blocking.Select(v => $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }
}
