using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>A booking made and confirmed through the API, with what the kiosk scans.</summary>
public sealed record Booked(Guid Id, string Code, string Qr, string Email, string FullName)
{
    /// <summary>How screens show the code (ABCD-EFGH).</summary>
    public string Label => BookingCode.Display(Code);
}

/// <summary>
/// The server over a temp SQLite file with a fake clock and a real SMTP server, plus the steps of a live day as a
/// kiosk, a citizen and a clerk take them. Bookings are made on Tuesday 1 December 2026 at 08:00 (the app's start)
/// for Wednesday 2 December, so the cutoff never gets in the way; then the clock moves to Wednesday.
/// </summary>
public abstract class LiveDayTest(SharedOffice? shared = null) : IAsyncLifetime
{
    /// <summary>The class's shared server, or null when each test has its own.</summary>
    protected SharedOffice? Shared { get; } = shared;

    protected SmtpTestServer Smtp { get; private set; } = null!;
    protected RantevouApp App { get; private set; } = null!;

    /// <summary>
    /// In English, carrying a paired kiosk's cookie: the kiosk and the citizens (their bookings, hence their mails, are
    /// in English). The citizens' calls need no credential; the kiosk's do (ADR 0015).
    /// </summary>
    protected HttpClient Http { get; private set; } = null!;

    int mailSeen;

    /// <summary>The database of a test's own server; a class's <c>…OnPostgres</c> twin runs the same tests on PostgreSQL.</summary>
    protected virtual TestDatabase Database => TestDatabase.Sqlite;

    public virtual async Task InitializeAsync()
    {
        Smtp = Shared?.Smtp ?? SmtpTestServer.Start();
        App = Shared?.App ?? new RantevouApp { Smtp = Smtp, Database = Database };
        Http = English(App.CreateClient()).AsDevice(await App.PairDeviceAsync());
    }

    public virtual async Task DisposeAsync()
    {
        if (Shared is not null)
            return;
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public static HttpClient English(HttpClient http)
    {
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return http;
    }

    /// <summary>Wednesday 2 December 2026 at hh:mm in Athens (UTC+2 in winter).</summary>
    protected static DateTimeOffset Wed(int hour, int minute) => new(2026, 12, 2, hour, minute, 0, TimeSpan.FromHours(2));

    protected void At(int hour, int minute) => App.Clock.SetUtcNow(Wed(hour, minute));

    protected async Task<int> ServiceAsync(string englishNameStart) =>
        (await Http.ServicesAsync()).Single(s => s.Name.StartsWith(englishNameStart, StringComparison.Ordinal)).Id;

    protected async Task<int> DeskIdAsync(int number) =>
        (await Http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!.Single(d => d.Number == number).Id;

    /// <summary>Leaves only these desks working, so bookings and walk-ins of their services land on them.</summary>
    protected Task OnlyDesksAsync(params int[] numbers) =>
        App.WithDbAsync(db => db.Desks.Where(d => !numbers.Contains(d.Number)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));

    protected async Task<Booked> BookAsync(int serviceId, DateTimeOffset start, string who)
    {
        var email = $"{who}@example.org";
        var name = $"Πολίτης {who}";
        var response = await Http.BookAsync(serviceId, start, fullName: name, email: email, mobile: "6941234567");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        var id = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == created.Code).Select(b => b.Id).SingleAsync());
        var confirm = await Http.PostAsync($"/api/bookings/{created.Code}/confirm?token={App.Tokens.Confirm(id)}", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        return new Booked(id, created.Code, App.Tokens.QrText(created.Code), email, name);
    }

    protected Task<HttpResponseMessage> PostScanAsync(string? qr, string path = "/api/kiosk/checkin") =>
        Http.PostAsJsonAsync(path, new CheckInRequest(qr));

    protected async Task<CheckInResult> ScanAsync(string qr) => await OkAsync<CheckInResult>(await PostScanAsync(qr));

    protected async Task<CheckInResult> EndOfDayAsync(string qr) =>
        await OkAsync<CheckInResult>(await PostScanAsync(qr, "/api/kiosk/checkin/end-of-day"));

    protected async Task<WalkInResult> WalkInAsync(int serviceId)
    {
        var response = await Http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(serviceId, null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WalkInResult>())!;
    }

    protected async Task<QueueSnapshot> SnapshotAsync() => (await Http.GetFromJsonAsync<QueueSnapshot>("/api/queue/snapshot"))!;

    protected Task<BookingStatus> StatusAsync(Booked b) =>
        App.WithDbAsync(db => db.Bookings.Where(x => x.Id == b.Id).Select(x => x.Status).SingleAsync());

    protected Task<Core.Booking.Booking> RowAsync(Booked b) =>
        App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(x => x.Id == b.Id));

    /// <summary>Every booking's status and version, and every office day's version: what "no state change" compares.</summary>
    protected Task<string> StateAsync() => App.WithDbAsync(async db =>
    {
        var bookings = await db.Bookings.AsNoTracking().OrderBy(b => b.Id)
            .Select(b => $"{b.Code}:{b.Status}:{b.Version}:{b.CheckedInUtc}:{b.Late}").ToListAsync();
        var days = await db.OfficeDays.AsNoTracking().OrderBy(d => d.Day).Select(d => $"{d.Day}:{d.Version}:{d.LastTicket}").ToListAsync();
        return string.Join('\n', bookings.Concat(days));
    });

    /// <summary>The version of the office's current day (0 before its first change).</summary>
    protected Task<long> VersionAsync() => App.WithDbAsync(db =>
        db.OfficeDays.Where(d => d.Day == DateOnly.FromDateTime(App.Clock.GetUtcNow().AddHours(2).DateTime))
            .Select(d => d.Version).FirstOrDefaultAsync());

    /// <summary>Sends the outbox as the job would, expects exactly <paramref name="count"/> mails, and returns them as received over SMTP.</summary>
    protected async Task<List<MimeMessage>> MailAsync(int count)
    {
        Assert.Equal(count, await App.DispatchMailAsync());
        var all = await Smtp.WaitForAsync(mailSeen + count, TimeSpan.FromSeconds(10));
        var fresh = all.Skip(mailSeen).ToList();
        mailSeen += count;
        Assert.Equal(count, fresh.Count);
        return fresh;
    }

    protected Task<Clerk> ClerkAsync(string email = "clerk1@example.org") => Clerk.LoginAsync(App, email);

    protected static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}

/// <summary>
/// One server for the tests of a class whose tests only read or change their own bookings (xunit runs them one at a
/// time, in no promised order): it saves a start-up per test. The day is prepared once, by whichever test comes first.
/// </summary>
public sealed class SharedOffice : IAsyncLifetime
{
    readonly SemaphoreSlim gate = new(1, 1);
    object? prepared;

    public SmtpTestServer Smtp { get; } = SmtpTestServer.Start();
    public RantevouApp App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = new RantevouApp { Smtp = Smtp };
        return Task.CompletedTask;
    }

    public async Task<T> OnceAsync<T>(Func<Task<T>> prepare)
        where T : class
    {
        await gate.WaitAsync();
        try
        {
            return (T)(prepared ??= await prepare());
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
