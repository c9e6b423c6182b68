using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Notifications;
using Rantevou.Hub.Queue;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// R5 on time: the expiry scheduler runs in the server over the fake clock. Every test books a 09:00 appointment on
/// Tuesday 1 December (grace 10 minutes, so the deadline is 09:10) at the app's start, 08:00, and confirms it.
/// </summary>
public class ExpirySchedulerTests : IDisposable
{
    static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2));
    static readonly DateTimeOffset Deadline = Nine.AddMinutes(10);

    readonly RantevouApp app;

    public ExpirySchedulerTests()
    {
        app = new RantevouApp { Database = Database };
        app.Settings["Rantevou:Expiry:Enabled"] = "true";
    }

    /// <summary>The database of the test's server; <see cref="ExpirySchedulerTestsOnPostgres"/> runs the same tests on PostgreSQL.</summary>
    protected virtual TestDatabase Database => TestDatabase.Sqlite;

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ConfirmedBooking_ExpiresAtStartPlusGrace_NotASecondBefore()
    {
        var id = await BookAndConfirmAsync();

        await AtAsync(Deadline.AddSeconds(-1));
        Assert.Equal(Deadline.UtcDateTime, Scheduler.WaitingUntilUtc);
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(id));

        await AtAsync(Deadline);
        var row = await RowAsync(id);
        Assert.Equal(BookingStatus.Expired, row.Status);
        Assert.Equal(Deadline.UtcDateTime, row.ClosedUtc);
        Assert.Equal(1, await ExpiryMailsAsync(id));
        // R5: the mail says a new booking is needed, and that today the kiosk still offers the end of the day.
        var mime = await app.WithDbAsync(db => db.Outbox.Where(m => m.BookingId == id && m.Kind == nameof(MailKind.Expired)).Select(m => m.Mime).SingleAsync());
        var text = MimeKit.MimeMessage.Load(new MemoryStream(mime)).TextBody;
        Assert.Contains("Χρειάζεται νέο ραντεβού.", text, StringComparison.Ordinal);
        Assert.Contains("να επιλέξετε εξυπηρέτηση στο τέλος της ημέρας", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineBroughtForwardUnsignalled_AsByAnotherNode_IsCaughtWithinTheMaximumWait()
    {
        var id = await BookAndConfirmAsync();
        await AtAsync(Nine);
        var cap = Nine.AddSeconds(30).UtcDateTime;
        Assert.Equal(cap, Scheduler.WaitingUntilUtc);

        // Another node's administrator drops the grace to zero: nothing wakes this node, the deadline is already past.
        await app.WithDbAsync(db => db.Offices.ExecuteUpdateAsync(u => u.SetProperty(o => o.GraceMinutes, 0)));
        await AtAsync(Nine.AddSeconds(29));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(id));

        await AtAsync(Nine.AddSeconds(30));
        var row = await RowAsync(id);
        Assert.Equal(BookingStatus.Expired, row.Status);
        Assert.Equal(cap, row.ClosedUtc);
    }

    [Fact]
    public async Task ConfirmingABookingDueBeforeThePlannedWakeUp_WakesTheSchedulerEarly()
    {
        app.Settings["Rantevou:Expiry:MaxWaitSeconds"] = "10800";
        var threeHours = RantevouApp.DefaultStart.AddHours(3).UtcDateTime;
        await IdleAsync();
        Assert.Equal(threeHours, Scheduler.WaitingUntilUtc);

        var id = await BookAndConfirmAsync();
        await WaitForAsync(() => Scheduler.WaitingUntilUtc == Deadline.UtcDateTime);

        await AtAsync(Deadline);
        Assert.Equal(BookingStatus.Expired, await StatusAsync(id));
        Assert.Equal(Deadline.UtcDateTime, (await RowAsync(id)).ClosedUtc);
    }

    [Fact]
    public async Task TwoSchedulers_OnOneDatabase_ExpireTheBookingOnce_WithOneMail()
    {
        var id = await BookAndConfirmAsync();
        // A second node: its own scheduler and its own wake signal, over the same database.
        using var other = new ExpiryScheduler(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, new ExpiryWake(),
            Options.Create(new ExpiryOptions()), NullLogger<ExpiryScheduler>.Instance);
        await other.StartAsync(CancellationToken.None);
        await AtAsync(Deadline.AddSeconds(-1));
        await WaitForAsync(() => other.WaitingUntilUtc == Deadline.UtcDateTime);

        app.Clock.SetUtcNow(Deadline);
        await WaitForAsync(() => Scheduler.WaitingUntilUtc > Deadline.UtcDateTime && other.WaitingUntilUtc > Deadline.UtcDateTime);
        await other.StopAsync(CancellationToken.None);

        Assert.Equal(BookingStatus.Expired, await StatusAsync(id));
        Assert.Equal(1, await ExpiryMailsAsync(id));
        Assert.Equal(2, (await RowAsync(id)).Version); // confirmed (1), then expired once (2)
    }

    [Fact]
    public async Task NextDeadline_IsCountedFromThePassStart_SoADeadlineFallenDuringThePassIsNotLeftToTheMaximumWait()
    {
        app.Settings["Rantevou:Expiry:Enabled"] = "false";
        await BookAndConfirmAsync();
        // A pass began a second before the deadline and was still expiring others a second after it.
        app.Clock.SetUtcNow(Deadline.AddSeconds(1));
        await using var scope = app.Services.CreateAsyncScope();
        var closures = scope.ServiceProvider.GetRequiredService<BookingClosures>();

        Assert.Equal(Deadline.UtcDateTime, await closures.NextExpiryAsync(Deadline.AddSeconds(-1).UtcDateTime, CancellationToken.None));
        Assert.Null(await closures.NextExpiryAsync(Deadline.UtcDateTime, CancellationToken.None));
    }

    [Fact]
    public async Task ABacklogLargerThanAPage_IsExpiredInOnePass()
    {
        app.Settings["Rantevou:Expiry:Enabled"] = "false";
        var ids = new List<Guid>();
        for (var person = 1; person <= 5; person++)
            ids.Add(await BookAndConfirmAsync(person, minutesAfterNine: 30 * (person - 1)));
        // The server was down all morning: every one of them is late when it comes back.
        app.Clock.SetUtcNow(Nine.AddHours(3));
        await using var scope = app.Services.CreateAsyncScope();

        Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<BookingClosures>().ExpireLateAsync(2, CancellationToken.None));

        foreach (var id in ids)
            Assert.Equal(BookingStatus.Expired, await StatusAsync(id));
    }

    ExpiryScheduler Scheduler => app.Services.GetServices<IHostedService>().OfType<ExpiryScheduler>().Single();

    async Task<Guid> BookAndConfirmAsync(int person = 0, int minutesAfterNine = 0)
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var response = person == 0
            ? await http.BookAsync(service.Id, Nine)
            : await http.BookAsync(service.Id, Nine.AddMinutes(minutesAfterNine), email: $"late{person}@example.org", mobile: $"69400000{person:00}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!.Code;
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync());
        var confirm = await http.PostAsync($"/api/bookings/{code}/confirm?token={app.Tokens.Confirm(id)}", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        return id;
    }

    /// <summary>Moves the fake clock and waits until the scheduler has done what was due and sleeps again.</summary>
    async Task AtAsync(DateTimeOffset at)
    {
        app.Clock.SetUtcNow(at);
        await IdleAsync();
    }

    Task IdleAsync()
    {
        var scheduler = Scheduler;
        return WaitForAsync(() => scheduler.WaitingUntilUtc > app.Clock.GetUtcNow().UtcDateTime);
    }

    static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the scheduler did not get there within 15 s");
            await Task.Delay(10);
        }
    }

    Task<BookingStatus> StatusAsync(Guid id) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync());

    Task<Core.Booking.Booking> RowAsync(Guid id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    Task<int> ExpiryMailsAsync(Guid id) =>
        app.WithDbAsync(db => db.Outbox.CountAsync(m => m.BookingId == id && m.Kind == nameof(MailKind.Expired)));
}

/// <summary>The same expiry on time on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class ExpirySchedulerTestsOnPostgres : ExpirySchedulerTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
