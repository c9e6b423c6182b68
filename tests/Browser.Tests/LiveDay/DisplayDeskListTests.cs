using System.Net.Http.Json;
using Microsoft.Playwright;
using Rantevou.Contracts.Queue;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The display lists every desk, idle ones too, from one request per connection. A failed answer to it (a node still
/// starting, a blip on the network) must not leave the wall with only its busy desks until the next reconnect.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisplayDeskListTests(BrowserFixture browser)
{
    [Fact]
    public async Task DeskListThatFailsOnce_IsAskedForAgain_AndEveryIdleDeskAppears_WithoutAReload()
    {
        var server = LiveApp.At(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2))).Start();
        var context = await browser.Browser.NewContextAsync(new() { Locale = "el-GR" });
        try
        {
            using var http = server.Http();
            var desks = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!;
            var asked = 0;
            await context.RouteAsync("**/api/desks*", route =>
                Interlocked.Increment(ref asked) == 1 ? route.FulfillAsync(new() { Status = 503 }) : route.ContinueAsync());

            var display = await context.NewPageAsync();
            await display.GotoAsync(server.BaseUrl + "/display");
            await Expect(display.Locator("#status")).ToBeHiddenAsync();
            await Expect(display.Locator("#desks .desk")).ToHaveCountAsync(0);
            await display.EvaluateAsync("window.sameDocument = true");

            await Expect(display.Locator("#desks .desk")).ToHaveCountAsync(desks.Count, new() { Timeout = 10_000 });
            await Expect(display.Locator("#desks .desk-no").First).ToHaveTextAsync(desks.Min(d => d.Number).ToString());
            Assert.Equal(2, asked);
            Assert.True(await display.EvaluateAsync<bool>("window.sameDocument === true"));
        }
        finally
        {
            await context.CloseAsync();
            await server.DisposeAsync();
        }
    }
}
