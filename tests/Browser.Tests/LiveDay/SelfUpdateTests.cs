using Microsoft.Playwright;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// A display or kiosk left open for weeks reloads itself once the node runs another build (an upgrade), and a kiosk
/// never under a visitor's hands. The page's timers run on Playwright's clock; the upgrade is the node's
/// <c>/api/release</c> answering another build.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SelfUpdateTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Display_KeepsRunning_OnTheSameBuild_AndReloadsItself_AfterAnUpgrade()
    {
        var loads = await OpenAsync("/display");
        await Page.Clock.FastForwardAsync("05:01");
        await Page.WaitForTimeoutAsync(1000);
        Assert.Single(loads);

        await UpgradeAsync();
        await Page.Clock.FastForwardAsync("05:01");
        await WaitForAsync(() => loads.Count == 2, "the display did not reload after the upgrade");
    }

    [Fact]
    public async Task Kiosk_WaitsUntilTheVisitorIsDone_ThenReloadsItself_AfterAnUpgrade()
    {
        var loads = await OpenAsync("/kiosk");
        await UpgradeAsync();
        await Page.Clock.FastForwardAsync("04:50");
        await Page.Keyboard.PressAsync("Tab"); // a visitor starts using the kiosk
        await Page.Clock.FastForwardAsync("00:15"); // the check at five minutes finds the upgrade
        await Page.WaitForTimeoutAsync(1000);
        Assert.Single(loads);

        await Page.Clock.FastForwardAsync("01:00"); // a minute without a touch
        await WaitForAsync(() => loads.Count == 2, "the kiosk did not reload once the visitor had gone");
    }

    async Task<List<string>> OpenAsync(string path)
    {
        var loads = new List<string>();
        Page.Load += (_, page) => loads.Add(page.Url);
        await Page.Clock.InstallAsync();
        await Page.GotoAsync(path);
        return loads;
    }

    /// <summary>From now on the node answers that it runs another build.</summary>
    Task UpgradeAsync() =>
        Page.RouteAsync("**/api/release", route => route.FulfillAsync(new() { Json = new { id = "0123456789ab" } }));

    static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        for (var waited = 0; !condition(); waited += 100)
        {
            Assert.True(waited < 10_000, failure);
            await Task.Delay(100);
        }
    }
}
