using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Rantevou.Browser.Tests;

/// <summary>axe-core on a page as it is now: nothing serious or critical, or the test fails with what and where.</summary>
public static class Axe
{
    static readonly string[] Blocking = ["serious", "critical"];

    // Every rule still runs; only the violations are gathered with their elements. The passes, which are most of the
    // page, are otherwise described node by node and sent back over the wire, for nothing.
    static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>
    /// axe-core run once in the page itself ("legacy" mode). The default mode runs it per frame and then finishes in a
    /// new blank page of its own, which costs three times as much (24 runs: 33 s against 11 s); Rantevou's pages have
    /// no frames, so both see the same. <c>AxeTests.TheCheck_FindsSeriousViolations_OnAPageThatHasThem</c> shows a serious violation is still found.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
#pragma warning disable CS0618 // obsolete: the library may drop legacy mode one day; the build then says so
        var result = await page.Locator("html").RunAxeLegacy(ViolationsOnly);
#pragma warning restore CS0618
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{what} ({page.Url}): " + string.Join("; ",
            blocking.Select(v => $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }
}
