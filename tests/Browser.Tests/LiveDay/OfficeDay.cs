using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>One person of the day: what they booked and what they carry (the QR text, the manage link's token).</summary>
public sealed record Person(string Name, Guid Id, string Code, string Qr, string ManageToken, string Email)
{
    /// <summary>How screens show the code (ABCD-EFGH).</summary>
    public string Label => BookingCode.Display(Code);
}

/// <summary>
/// The office of the day-in-the-life test: a live server with the expiry scheduler on (R5 by itself as the clock
/// moves), a real SMTP server, and the people and screens of one Wednesday. Wednesday 2 December 2026, Athens (UTC+2).
/// </summary>
public sealed class OfficeDay(LiveApp app, SmtpTestServer smtp)
{
    int shot;
    int mailSeen;

    public LiveApp App { get; } = app;
    public SmtpTestServer Smtp { get; } = smtp;

    public static DateTimeOffset Wed(int hour, int minute) => new(2026, 12, 2, hour, minute, 0, TimeSpan.FromHours(2));

    /// <summary>The wall clock of the office moves; every screen hears it at the minute (R5, R13).</summary>
    public void At(int hour, int minute) => App.Clock.SetUtcNow(Wed(hour, minute));

    public void At(DateTimeOffset instant) => App.Clock.SetUtcNow(instant);

    /// <summary>
    /// The live screens joined to the server. A page opened just before the clock moves must have joined first: the
    /// minute's tick goes to the screens joined at that minute, and the fake clock gives no later one to catch up with.
    /// </summary>
    public int LiveScreens() => App.Services.GetRequiredService<Rantevou.Hub.Queue.LocalScreens>().ByOffice().Sum(o => o.Count());

    public async Task<int> ServiceAsync(string englishNameStart)
    {
        using var http = App.Http();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return (await http.ServicesAsync()).Single(s => s.Name.StartsWith(englishNameStart, StringComparison.Ordinal)).Id;
    }

    /// <summary>Only these desks work today, so each service's bookings and walk-ins land where the test expects.</summary>
    public Task OnlyDesksAsync(params int[] numbers) => App.WithDbAsync(db =>
        db.Desks.Where(d => !numbers.Contains(d.Number)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));

    /// <summary>Books online and confirms from the email link, as a citizen does the day before.</summary>
    public async Task<Person> BookAsync(int serviceId, DateTimeOffset start, string name)
    {
        using var http = App.Http();
        var email = $"{name.ToLowerInvariant()}@example.org";
        var response = await http.BookAsync(serviceId, start, fullName: $"{name} Παπαδάκη", email: email);
        Assert.True(response.IsSuccessStatusCode, $"{name} at {start:HH:mm}: {await response.Content.ReadAsStringAsync()}");
        var created = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        var id = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == created.Code).Select(b => b.Id).SingleAsync());
        (await http.PostAsync($"/api/bookings/{created.Code}/confirm?token={Uri.EscapeDataString(App.Tokens.Confirm(id))}", null))
            .EnsureSuccessStatusCode();
        return new Person(name, id, created.Code, App.Tokens.QrText(created.Code), App.Tokens.Manage(id), email);
    }

    public Task<BookingStatus> StatusAsync(Person p) =>
        App.WithDbAsync(db => db.Bookings.Where(b => b.Id == p.Id).Select(b => b.Status).SingleAsync());

    /// <summary>Sends the outbox as the job would and answers the mails that arrived over SMTP since the last look.</summary>
    public async Task<List<MimeMessage>> NewMailAsync()
    {
        var sent = await App.DispatchMailAsync();
        var all = await Smtp.WaitForAsync(mailSeen + sent, TimeSpan.FromSeconds(5));
        var fresh = all.Skip(mailSeen).ToList();
        mailSeen = all.Count;
        return fresh;
    }

    /// <summary>A screenshot of a key moment, in docs/screenshots/day/, numbered in the order of the day.</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        var path = DocsScreenshots.PathFor(Path.Combine("day", $"{++shot:00}-{name}.png"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
    }

    /// <summary>axe on every screen as it stands: no serious or critical violation.</summary>
    public static async Task AccessibleAsync(string moment, params IPage[] pages)
    {
        foreach (var page in pages)
            await Axe.AssertNoSeriousViolationsAsync(page, moment);
    }

    /// <summary>A clerk of another desk, working through the API with a bearer token.</summary>
    public async Task<HttpClient> ClerkApiAsync(string email) => await App.StaffAsync(email);

    public async Task<int> DeskIdAsync(int number)
    {
        using var http = App.Http();
        return (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!.Single(d => d.Number == number).Id;
    }
}
