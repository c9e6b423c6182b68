using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rantevou.Browser.Tests.Accessibility;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// A busy morning on the waiting-room display (1920×1080): twelve appointments to come, sixteen walk-in tickets, a person
/// due and waiting, one interrupted (R13), a desk serving far too long. Everyone waiting is shown — page by page if they
/// do not fit — and no desk claims to be "now serving" someone for hours.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisplayFullMorningTests(BrowserFixture browser)
{
    static readonly TimeSpan Athens = TimeSpan.FromHours(2);

    static DateTimeOffset Tue(int hour, int minute) => new(2026, 12, 1, hour, minute, 0, Athens);

    [Fact]
    public async Task EveryoneWaiting_IsShownWithinOneRotation_DueAndInterruptedIncluded_OverdueDeskFlagged()
    {
        var server = LiveApp.At(Tue(7, 0)).Start();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "el-GR" });
        try
        {
            using var http = server.Http().AsDevice(await server.PairDeviceAsync());
            var desks = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!;
            var licence = desks.Single(d => d.Number == 1).Services[0];
            var vehicle = desks.Single(d => d.Number == 4).Services[0];
            var upcoming = new List<string>();
            foreach (var (h, m) in new[] { (10, 0), (10, 30), (11, 0), (11, 30) })
                for (var n = 0; n < 3; n++)
                    upcoming.Add(BookingCode.Display(await server.ConfirmedBookingAsync(Tue(h, m))));
            var interrupted = await server.ConfirmedBookingAsync(Tue(8, 15));
            var due = await server.ConfirmedBookingAsync(Tue(8, 30));

            server.Clock.SetUtcNow(Tue(8, 10));
            foreach (var code in new[] { interrupted, due })
                Assert.Equal("CheckedIn", (await CheckInAsync(http, server.Tokens.QrText(code))).Status);

            // 08:15: the first appointment is called, then interrupted (R13): it waits for the end of the day.
            server.Clock.SetUtcNow(Tue(8, 15));
            var deskOf = await server.WithDbAsync(db => db.Bookings.Where(b => b.Code == interrupted).Join(db.Desks, b => b.DeskId, d => d.Id, (b, d) => d.Number).SingleAsync());
            using (var clerk = await server.StaffAsync($"clerk{deskOf}@example.org"))
            {
                var deskId = desks.Single(d => d.Number == deskOf).Id;
                Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/desks/{deskId}/call-next", null)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/desks/{deskId}/interrupt", null)).StatusCode);
            }

            server.Clock.SetUtcNow(Tue(8, 16));
            for (var n = 0; n < 16; n++)
            {
                var walkIn = await http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(n % 2 == 0 ? vehicle : licence, n == 5 ? "Elderly" : null));
                Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
            }
            // Desk 4 calls a walk-in at 08:16 and never completes; desk 5 calls one at 09:40.
            using (var clerk4 = await server.StaffAsync("clerk4@example.org"))
                Assert.Equal(HttpStatusCode.OK, (await clerk4.PostAsync($"/api/desks/{desks.Single(d => d.Number == 4).Id}/call-next", null)).StatusCode);
            server.Clock.SetUtcNow(Tue(9, 40));
            using (var clerk5 = await server.StaffAsync("clerk5@example.org"))
                Assert.Equal(HttpStatusCode.OK, (await clerk5.PostAsync($"/api/desks/{desks.Single(d => d.Number == 5).Id}/call-next", null)).StatusCode);

            // The snapshot: the due and the interrupted person are there, in serving order; desk 4 is flagged; no personal data.
            var raw = await http.GetStringAsync("/api/queue/snapshot");
            Assert.DoesNotContain("example.org", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("Μαρία", raw, StringComparison.Ordinal);
            var snapshot = (await http.GetFromJsonAsync<QueueSnapshot>("/api/queue/snapshot"))!;
            Assert.Equal(BookingCode.Display(due), snapshot.Next[0].Code);
            Assert.True(snapshot.Next[0].Due);
            Assert.Equal(BookingCode.Display(interrupted), snapshot.Next[^1].Code);
            Assert.True(snapshot.Next[^1].Deferred);
            Assert.Equal(upcoming.Order(), snapshot.Next.Skip(1).SkipLast(1).Select(n => n.Code).Order());
            Assert.Equal(14, snapshot.Walkins.Count);
            Assert.True(snapshot.Serving.Single(s => s.DeskNumber == 4).Overdue);
            Assert.False(snapshot.Serving.Single(s => s.DeskNumber == 5).Overdue);

            var display = await context.NewPageAsync();
            // The screen speaks the hub's MessagePack protocol (its script loaded), and reads the same day from it.
            var handshakes = new List<string>();
            display.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => handshakes.Add(frame.Text ?? "");
            await display.GotoAsync(server.BaseUrl + "/display?pageSeconds=2");
            await Expect(display.Locator("#next")).ToContainTextAsync(BookingCode.Display(due));
            Assert.Contains(handshakes, h => h.StartsWith("{\"protocol\":\"messagepack\"", StringComparison.Ordinal));

            // Within one rotation every code and every ticket has been on screen, whole, not cut off.
            var expected = snapshot.Next.Select(n => n.Code).Concat(snapshot.Walkins.Select(w => w.Ticket)).ToHashSet();
            var seen = new HashSet<string>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!seen.IsSupersetOf(expected) && watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                seen.UnionWith(await display.EvaluateAsync<string[]>(ShownWhole));
                await display.WaitForTimeoutAsync(200);
            }
            Assert.True(seen.IsSupersetOf(expected), "never shown: " + string.Join(", ", expected.Except(seen)));

            var dueRow = display.Locator("#next tr", new() { HasTextString = BookingCode.Display(due) });
            await Expect(dueRow).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdue\b"));
            await Expect(dueRow).ToContainTextAsync("σε αναμονή");
            var deferredRow = display.Locator("#next tr", new() { HasTextString = BookingCode.Display(interrupted) });
            await Expect(deferredRow).ToContainTextAsync("μετά τα ραντεβού");

            var desk4 = display.Locator(".desk", new() { Has = display.Locator(".desk-no", new() { HasTextRegex = new("^4$") }) });
            await Expect(desk4).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boverdue\b"));
            await Expect(desk4).ToContainTextAsync("Απασχολημένη");
            await Expect(desk4.Locator(".desk-code")).Not.ToHaveTextAsync(snapshot.Serving.Single(s => s.DeskNumber == 4).Code);
            var desk5 = display.Locator(".desk", new() { Has = display.Locator(".desk-no", new() { HasTextRegex = new("^5$") }) });
            await Expect(desk5.Locator(".desk-code")).ToHaveTextAsync(snapshot.Serving.Single(s => s.DeskNumber == 5).Code);

            // A ticket whose service has a free desk is "σε λίγο", as the kiosk says it, not "about 0 minutes".
            var soon = snapshot.Walkins.First(w => w.EstimatedWaitMinutes == 0);
            var waiting = snapshot.Walkins.First(w => w.EstimatedWaitMinutes > 0);
            await Expect(display.Locator("#walkins li", new() { HasTextString = soon.Ticket })).ToContainTextAsync("σε λίγο");
            await Expect(display.Locator("#walkins li", new() { HasTextString = waiting.Ticket }))
                .ToContainTextAsync($"περίπου {waiting.EstimatedWaitMinutes} λεπτά");

            await Axe.AssertNoSeriousViolationsAsync(display, "display, a full morning");
            await display.WaitForFunctionAsync("() => ['next-page', 'walkins-page'].every((id) => { const p = document.getElementById(id); return p.hidden || p.textContent.endsWith(' 1/2'); })");
            await display.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("display-full-morning.png") });
        }
        finally
        {
            await context.CloseAsync();
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// The codes (with their whole row: time, code, desk) and tickets on screen now, each whole: inside the window and
    /// inside every box that clips it.
    /// </summary>
    const string ShownWhole = """
        () => {
          const whole = (e) => {
            const r = e.getBoundingClientRect();
            if (!r.width || !r.height || r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) return false;
            for (let p = e.parentElement; p; p = p.parentElement) {
              const s = getComputedStyle(p);
              if (s.visibility === 'hidden' || s.display === 'none') return false;
              if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
                const q = p.getBoundingClientRect();
                if (r.top < q.top - 0.5 || r.bottom > q.bottom + 0.5 || r.left < q.left - 0.5 || r.right > q.right + 0.5) return false;
              }
            }
            return true;
          };
          const codes = [...document.querySelectorAll('#next tr')].filter((row) => [...row.cells].every(whole))
            .map((row) => row.querySelector('td.code').firstChild.textContent.trim());
          const tickets = [...document.querySelectorAll('#walkins li b')].filter(whole).map((e) => e.textContent.trim());
          return codes.concat(tickets);
        }
        """;

    static async Task<CheckInResult> CheckInAsync(HttpClient http, string qr)
    {
        var response = await http.PostAsJsonAsync("/api/kiosk/checkin", new CheckInRequest(qr));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CheckInResult>())!;
    }
}
