using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Browser.Tests.Accessibility;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Demo;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The demo's second office on a real morning: its citizen books from its own home page, checks in at its kiosk and is
/// called by its clerk. Its waiting-room display shows the call; the first office's display, open beside it, never
/// shows the person. Leaves docs/screenshots/display-second-office.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecondOfficeTests(BrowserFixture browser)
{
    static DateTimeOffset Tue(int hour, int minute) => new(2026, 12, 1, hour, minute, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task CallAtTheSecondOffice_ShowsOnItsDisplay_AndNeverOnTheFirstOfficesDisplay()
    {
        var server = LiveApp.At(Tue(7, 0)).Start();
        var screens = new Screens(browser.Browser, new() { ViewportSize = new() { Width = 1280, Height = 720 }, Locale = "el-GR" });
        try
        {
            // The home page of the second office names it and leads back to the other.
            var home = await screens.OpenAsync();
            await home.GotoAsync(server.BaseUrl + "/?office=demo-b");
            await Expect(home.Locator(".office-name")).ToHaveTextAsync("Γραφείο Μεταφορών Λαυρίου (επίδειξη)");
            await Expect(home.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Διεύθυνση Μεταφορών και Επικοινωνιών (επίδειξη)" })).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(home, "the second office's home page");

            var displayA = await screens.OpenAsync();
            await displayA.GotoAsync(server.BaseUrl + "/display");
            var displayB = await screens.OpenAsync();
            await displayB.GotoAsync(server.BaseUrl + "/display?office=demo-b");
            // Each waiting room names its office, so a branch's wall is never taken for the directorate's.
            await Expect(displayB.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Αίθουσα αναμονής Γραφείο Μεταφορών Λαυρίου (επίδειξη)");
            await Expect(displayA.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Αίθουσα αναμονής Διεύθυνση Μεταφορών και Επικοινωνιών (επίδειξη)");

            var code = await server.ConfirmedBookingAsync(Tue(9, 0), office: DemoSeeder.BranchSlug);
            var label = BookingCode.Display(code);
            var branch = await server.WithDbAsync(db => db.Offices.Where(o => o.Slug == DemoSeeder.BranchSlug).Select(o => o.Id).SingleAsync());
            using var kiosk = server.Http().AsDevice(await server.PairDeviceAsync(officeId: branch));
            server.Clock.SetUtcNow(Tue(8, 50));
            var checkIn = await kiosk.PostAsJsonAsync("/api/kiosk/checkin", new CheckInRequest(server.Tokens.QrText(code)));
            Assert.Equal("CheckedIn", (await checkIn.Content.ReadFromJsonAsync<CheckInResult>())!.Status);
            await Expect(displayB.Locator("#next")).ToContainTextAsync(label);

            server.Clock.SetUtcNow(Tue(9, 0));
            using var clerk = await server.StaffAsync("clerk-b1@example.org");
            var desks = (await clerk.GetFromJsonAsync<List<DeskDto>>($"/api/desks?office={DemoSeeder.BranchSlug}"))!;
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/desks/{desks.Single(d => d.Number == 1).Id}/call-next", null)).StatusCode);

            var desk1 = displayB.Locator(".desk", new() { Has = displayB.Locator(".desk-no", new() { HasTextRegex = new("^1$") }) });
            await Expect(desk1.Locator(".desk-code")).ToHaveTextAsync(label);
            await Expect(displayA.Locator("body")).Not.ToContainTextAsync(label);
            await Axe.AssertNoSeriousViolationsAsync(displayB, "the second office's display");
            await displayB.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("display-second-office.png") });
        }
        finally
        {
            await screens.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
