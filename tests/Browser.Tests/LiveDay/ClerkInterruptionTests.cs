using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Rantevou.Browser.Tests.LiveDay.ClerkSteps;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// R13: while a walk-in is at desk 1, the 09:30 appointment falls due and has checked in. Nobody clicks and nothing in
/// the queue changes, yet the clerk screen shows the interruption on time — an alert in words, and one chime.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkInterruptionTests(BrowserFixture browser)
{
    /// <summary>Counts the chimes: each is one oscillator (clerk.js), so the test wraps the browser's own.</summary>
    const string CountChimes = """
        window.chimes = 0;
        if (window.AudioContext) {
          const create = AudioContext.prototype.createOscillator;
          AudioContext.prototype.createOscillator = function () { window.chimes++; return create.call(this); };
        }
        """;

    [Fact]
    public async Task DueAppointment_WhileAWalkInIsServed_AlertsByItselfOnTheMinute_WithOneChime()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            var (due, ticket) = await WalkInCalledBeforeAnAppointmentAsync(app);
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(CountChimes);
            await SignInAsync(page, app.BaseUrl);
            await page.Button("Καλέστε τον επόμενο").ClickAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);

            app.Clock.SetUtcNow(Tue(9, 25));
            Assert.Equal("CheckedIn", await app.CheckInAsync(due));
            await Expect(page.Locator("#day tr", new() { HasText = Display(due) })).ToContainTextAsync("Έφτασε");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeEmptyAsync();

            // 09:30: the hub's clock tick is all that happens.
            var watch = Stopwatch.StartNew();
            app.Clock.SetUtcNow(Tue(9, 30, 1));
            var alert = page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync($"Το ραντεβού {Display(due)} (09:30) περιμένει", new() { Timeout = 5000 });
            Assert.True(watch.ElapsedMilliseconds < 5000, $"the alert took {watch.ElapsedMilliseconds} ms");
            await Expect(alert.GetByRole(AriaRole.Heading, new() { Name = "Προσοχή: επόμενο ραντεβού" })).ToBeVisibleAsync();
            await Expect(page.Button("Διακοπή για το επόμενο ραντεβού")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("button--warn"));
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^⚠"));
            Assert.Equal(1, await page.EvaluateAsync<int>("window.chimes"));
            await page.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("clerk-interruption.png"), FullPage = true });

            // The next minute reloads the day but does not chime again.
            await page.RunAndWaitForResponseAsync(() =>
            {
                app.Clock.SetUtcNow(Tue(9, 31, 1));
                return Task.CompletedTask;
            }, r => r.Url.Contains("/day", StringComparison.Ordinal));
            await Expect(alert).ToContainTextAsync($"Το ραντεβού {Display(due)} (09:30) περιμένει");
            Assert.Equal(1, await page.EvaluateAsync<int>("window.chimes"));

            // Interrupting clears the alert; the walk-in goes back to the front of the walk-in queue.
            await page.Button("Διακοπή για το επόμενο ραντεβού").ClickAsync();
            await Expect(alert).ToBeEmptyAsync();
            await Expect(page.Locator("#walkins li").First).ToContainTextAsync(ticket);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task DueAppointment_WhenTheClockTicksAreLost_TheScreensOwnTimerStillAlertsOnTime()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            var (due, ticket) = await WalkInCalledBeforeAnAppointmentAsync(app);
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(CountChimes);
            var dropped = 0;
            // The screen on the hub's JSON protocol, which it falls back to without the MessagePack script: a routed
            // WebSocket hands binary frames to the page as Blobs, which SignalR's MessagePack reader refuses.
            await page.RouteAsync("**/signalr-protocol-msgpack.min.js", r => r.AbortAsync());
            await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/queue"), ws => DropClockTicks(ws, () => dropped++));
            await SignInAsync(page, app.BaseUrl);
            await page.Button("Καλέστε τον επόμενο").ClickAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);

            // 09:29:57: the check-in is a queue change, so the screen learns the office's time with it.
            app.Clock.SetUtcNow(Tue(9, 29, 57));
            Assert.Equal("CheckedIn", await app.CheckInAsync(due));
            await Expect(page.Locator("#day tr", new() { HasText = Display(due) })).ToContainTextAsync("Έφτασε");
            Assert.True(dropped > 0, "the hub's clock ticks should have been dropped");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeEmptyAsync();

            // The server's clock passes 09:30; its tick is lost. The screen's own timer, set for 09:30, reloads the day.
            app.Clock.SetUtcNow(Tue(9, 30, 5));
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Το ραντεβού {Display(due)} (09:30) περιμένει", new() { Timeout = 10000 });
            Assert.Equal(1, await page.EvaluateAsync<int>("window.chimes"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// Books the 09:30 appointment; at 09:00 a 10′ walk-in takes a ticket; the clock stands at 09:10, when the walk-in
    /// fits the gap before 09:30 and "call next" calls it. Returns the booking's code and the ticket.
    /// </summary>
    static async Task<(string Due, string Ticket)> WalkInCalledBeforeAnAppointmentAsync(LiveApp app)
    {
        var due = await app.BookedAsync(await app.ServiceAsync("Driving licence renewal"), Tue(9, 30));
        app.Clock.SetUtcNow(Tue(9, 0));
        var ticket = await app.WalkInAsync(await app.ServiceAsync("Replace old paper licence"));
        app.Clock.SetUtcNow(Tue(9, 10));
        return (due, ticket);
    }

    /// <summary>
    /// Passes the hub's traffic both ways except the QueueClock messages (SignalR's JSON protocol: records ending in
    /// 0x1E, several to a frame): a tick lost on the way.
    /// </summary>
    static void DropClockTicks(IWebSocketRoute ws, Action onDrop)
    {
        var server = ws.ConnectToServer();
        ws.OnMessage(frame =>
        {
            if (frame.Text is { } text)
                server.Send(text);
            else
                server.Send(frame.Binary!);
        });
        server.OnMessage(frame =>
        {
            if (frame.Text is not { } text)
            {
                ws.Send(frame.Binary!);
                return;
            }
            var records = text.Split('\u001e', StringSplitOptions.RemoveEmptyEntries);
            var kept = records.Where(r => !r.Contains("\"target\":\"QueueClock\"", StringComparison.Ordinal)).ToList();
            if (kept.Count < records.Length)
                onDrop();
            if (kept.Count > 0)
                ws.Send(string.Concat(kept.Select(r => r + "\u001e")));
        });
    }

    static string Display(string code) => Core.Booking.BookingCode.Display(code);
}
