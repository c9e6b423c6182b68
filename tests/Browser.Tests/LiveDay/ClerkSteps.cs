using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Demo;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The clerk screen's day on Tuesday 1 December 2026 (Athens, UTC+2), set up through the API as a citizen and the
/// kiosk would: desk 1 is the only licence desk working, so every licence booking and walk-in lands there.
/// </summary>
public static class ClerkSteps
{
    public static readonly TimeSpan Athens = TimeSpan.FromHours(2);

    public static DateTimeOffset Tue(int hour, int minute, int second = 0) => new(2026, 12, 1, hour, minute, second, Athens);

    /// <summary>An app at 07:30 with only desk 1 (licences) and the vehicle desks working.</summary>
    public static async Task<LiveApp> DeskOneDayAsync()
    {
        var app = LiveApp.At(Tue(7, 30)).Start();
        await app.WithDbAsync(db => db.Desks.Where(d => db.Offices.Any(o => o.Id == d.OfficeId && o.Slug == DemoSeeder.OfficeSlug) && (d.Number == 2 || d.Number == 3)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));
        return app;
    }

    public static async Task<int> ServiceAsync(this LiveApp app, string englishNameStart)
    {
        using var http = app.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return (await http.ServicesAsync()).Single(s => s.Name.StartsWith(englishNameStart, StringComparison.Ordinal)).Id;
    }

    /// <summary>A confirmed booking; returns its code as stored.</summary>
    public static async Task<string> BookedAsync(this LiveApp app, int serviceId, DateTimeOffset start)
    {
        using var http = app.Http();
        var code = BookingCode.Normalize((await http.BookOkAsync(serviceId, start)).Code)!;
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync());
        (await http.PostAsync($"/api/bookings/{code}/confirm?token={Uri.EscapeDataString(app.Tokens.Confirm(id))}", null)).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>The kiosk scans the booking's QR code.</summary>
    public static async Task<string> CheckInAsync(this LiveApp app, string code)
    {
        using var http = app.Http().AsDevice(await app.PairDeviceAsync());
        var response = await http.PostAsJsonAsync("/api/kiosk/checkin", new CheckInRequest(app.Tokens.QrText(code)));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CheckInResult>())!.Status;
    }

    /// <summary>A walk-in ticket from the kiosk; returns its label (001, …).</summary>
    public static async Task<string> WalkInAsync(this LiveApp app, int serviceId)
    {
        using var http = app.Http().AsDevice(await app.PairDeviceAsync());
        var response = await http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(serviceId, null));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WalkInResult>())!.Ticket;
    }

    /// <summary>Signs in on /clerk as <paramref name="email"/> and waits for desk 1's screen and its first load.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email = "clerk1@example.org")
    {
        await page.GotoAsync(baseUrl + "/clerk");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Θυρίδα 1", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#advice")).Not.ToBeEmptyAsync();
    }

    /// <summary>09:00 at desk 1: a 09:00 appointment, here since 08:55, called by clerk1 on a new page of <paramref name="context"/>.</summary>
    public static async Task<(IPage Page, string Code)> CallNineOClockAsync(this LiveApp app, IBrowserContext context)
    {
        var code = await app.BookedAsync(await app.ServiceAsync("Driving licence renewal"), Tue(9, 0));
        app.Clock.SetUtcNow(Tue(8, 55));
        Assert.Equal("CheckedIn", await app.CheckInAsync(code));
        app.Clock.SetUtcNow(Tue(9, 0));
        var page = await context.NewPageAsync();
        await SignInAsync(page, app.BaseUrl);
        await page.Button("Καλέστε τον επόμενο").ClickAsync();
        return (page, code);
    }

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
