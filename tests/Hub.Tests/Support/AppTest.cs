using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Data;
using Rantevou.TestKit;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Tests.Support;

/// <summary>One fresh server (own SQLite file or PostgreSQL database, own fake clock) and one real SMTP server per test.</summary>
public abstract class AppTest : IAsyncLifetime
{
    /// <summary>Wednesday 2 December 2026: a working day after the clock's start day.</summary>
    public static readonly DateOnly Wednesday = new(2026, 12, 2);

    protected SmtpTestServer Smtp { get; private set; } = null!;
    protected RantevouApp App { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    /// <summary>The database the test runs on; a class's <c>…OnPostgres</c> twin runs the same tests on PostgreSQL.</summary>
    protected virtual TestDatabase Database => TestDatabase.Sqlite;

    /// <summary>Identity's full password-hash cost (<see cref="RantevouApp.RealPasswordHashing"/>), for a class that times sign-ins.</summary>
    protected virtual bool RealPasswordHashing => false;

    public virtual Task InitializeAsync()
    {
        Smtp = SmtpTestServer.Start();
        App = new RantevouApp { Smtp = Smtp, Database = Database, RealPasswordHashing = RealPasswordHashing };
        Http = Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A client without cookies, so a language chosen by one request does not stick to the next.</summary>
    protected HttpClient Client() => App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    protected async Task<ServiceDto> ServiceAsync() => (await Http.ServicesAsync()).First();

    protected Task<BookingEntity> BookingAsync(string code) =>
        App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Code == code));

    protected async Task<Guid> IdOfAsync(string code) => (await BookingAsync(code)).Id;

    protected Task<List<int>> DesksServingAsync(int serviceId) =>
        App.WithDbAsync(db => db.DeskServices.Where(ds => ds.ServiceId == serviceId).Select(ds => ds.DeskId).OrderBy(d => d).ToListAsync());

    /// <summary>R11: an admin leaves one desk serving the service, so one booking fills a time.</summary>
    protected Task<int> ServeAtOneDeskAsync(int serviceId) => App.WithDbAsync(async db =>
    {
        var keep = await db.DeskServices.Where(ds => ds.ServiceId == serviceId).MinAsync(ds => ds.DeskId);
        await db.DeskServices.Where(ds => ds.ServiceId == serviceId && ds.DeskId != keep).ExecuteDeleteAsync();
        return keep;
    });

    protected async Task<List<DateTimeOffset>> FreeStartsAsync(int serviceId, DateOnly date) =>
        (await Http.AvailabilityAsync(serviceId, date)).Select(s => s.Start).ToList();

    protected Task<HttpResponseMessage> ConfirmAsync(string code, Guid id, HttpClient? http = null) =>
        (http ?? Http).PostAsync($"/api/bookings/{code}/confirm?token={App.Tokens.Confirm(id)}", null);

    protected Task<HttpResponseMessage> CancelAsync(BookingCreatedDto b) =>
        Http.PostAsync($"/api/bookings/{b.Code}/cancel?token={b.ManageToken}", null);

    protected Task<HttpResponseMessage> RescheduleAsync(BookingCreatedDto b, DateTimeOffset start, HttpClient? http = null) =>
        (http ?? Http).PostAsJsonAsync($"/api/bookings/{b.Code}/reschedule?token={b.ManageToken}", new RescheduleRequest(start.ToString("O")));

    protected Task<T> Db<T>(Func<RantevouDbContext, Task<T>> query) => App.WithDbAsync(query);

    /// <summary>Mail the outbox holds for a booking, oldest first (kinds: Created, Confirmed, …); tests advance the clock between changes.</summary>
    protected Task<List<string>> MailKindsAsync(Guid bookingId) =>
        Db(db => db.Outbox.Where(m => m.BookingId == bookingId).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).Select(m => m.Kind).ToListAsync());
}
