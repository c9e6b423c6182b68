using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Tests.LiveDay;

public sealed partial class WholeDayTests
{
    async Task TooLate_IsOfferedTheEndOfDay_AndChoosingItDefersWithMail()
    {
        At(10, 7);
        // Seven minutes late for 15′: it would end 10:22, after F at 10:15, so it cannot be fitted in now (R5).
        var before = await StateAsync();
        var scan = await ScanAsync(e.Qr);
        Assert.Equal("Late", scan.Status);
        Assert.True(scan.EndOfDayFits);
        // After J (13:00–13:15), with everyone expected arriving on time.
        Assert.Equal(Wed(13, 15), scan.EndOfDayEstimate);
        Assert.False(scan.EndOfDaySoon);
        Assert.Contains("13:15", scan.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());

        var chosen = await EndOfDayAsync(e.Qr);
        Assert.Equal("Deferred", chosen.Status);
        Assert.Equal(Wed(13, 15), chosen.EndOfDayEstimate);
        Assert.Equal(BookingStatus.Deferred, await StatusAsync(e));
        var mail = Assert.Single(await MailAsync(1));
        Assert.Equal($"You will be served at the end of the day ({e.Label})", mail.Subject);
        Assert.Equal(e.Email, mail.To.Mailboxes.Single().Address);

        At(10, 10);
        Assert.Equal("CheckedIn", (await ScanAsync(f.Qr)).Status);
        At(10, 15);
        await clerk.ExpectNextAsync(desk, "DueAppointment", f.Label);
    }

    async Task LongerGap_TakesTheLongWalkIn()
    {
        At(10, 25);
        await clerk.ActAsync(desk, "complete");
        // 35′ to G at 11:00: 001's 20′ fits at last.
        await clerk.ExpectNextAsync(desk, "WalkInInGap", "001");
        At(10, 45);
        await clerk.ActAsync(desk, "complete");
        Assert.Empty((await SnapshotAsync()).Walkins);
    }

    async Task NeverCame_ExpiresAtStartPlusGrace_Once()
    {
        At(11, 9);
        Assert.Equal(0, await ExpireLateAsync());
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(g));

        At(11, 10);
        var version = await VersionAsync();
        Assert.Equal(1, await ExpireLateAsync());
        Assert.Equal(BookingStatus.Expired, await StatusAsync(g));
        Assert.Equal(version + 1, await VersionAsync());
        var mail = Assert.Single(await MailAsync(1));
        Assert.Equal($"Your appointment {g.Label} expired because of lateness", mail.Subject);
        Assert.Equal(g.Email, mail.To.Mailboxes.Single().Address);

        // The sweep runs every minute and at least once: again, nothing changes and nobody is mailed twice.
        var state = await StateAsync();
        Assert.Equal(0, await ExpireLateAsync());
        Assert.Equal(state, await StateAsync());
        Assert.Equal(0, await App.DispatchMailAsync());
        // Nobody to call before H: E, deferred, waits for the end of the day (R5).
        await clerk.ExpectNextAsync(desk, "DeferredWaitForEndOfDay", null);
    }

    async Task CalledButNotThere_IsANoShowWithMail()
    {
        At(11, 20);
        Assert.Equal("CheckedIn", (await ScanAsync(h.Qr)).Status);
        At(11, 30);
        await clerk.ExpectNextAsync(desk, "DueAppointment", h.Label);
        At(11, 33);
        await clerk.ActAsync(desk, "no-show");
        Assert.Equal(BookingStatus.NoShow, await StatusAsync(h));
        var mail = Assert.Single(await MailAsync(1));
        Assert.Equal($"You did not come when called ({h.Label})", mail.Subject);
        Assert.Equal(h.Email, mail.To.Mailboxes.Single().Address);
    }

    async Task ClerkDefers_AndDeferredPeopleWaitForTheLastAppointment()
    {
        At(11, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(i.Qr)).Status);
        At(12, 0);
        await clerk.ExpectNextAsync(desk, "DueAppointment", i.Label);
        At(12, 3);
        await clerk.ActAsync(desk, "defer");
        Assert.Equal(BookingStatus.Deferred, await StatusAsync(i));
        var mail = Assert.Single(await MailAsync(1));
        Assert.Equal($"You will be served at the end of the day ({i.Label})", mail.Subject);

        // R5: E and I wait for the last appointment (J at 13:00) even though the desk is free now.
        await clerk.ExpectNextAsync(desk, "DeferredWaitForEndOfDay", null);
        At(12, 50);
        Assert.Equal("CheckedIn", (await ScanAsync(j.Qr)).Status);
        At(13, 0);
        await clerk.ExpectNextAsync(desk, "DueAppointment", j.Label);
    }

    async Task AfterTheLastAppointment_DeferredAreServedInTheirOrder()
    {
        At(13, 15);
        await clerk.ActAsync(desk, "complete");
        // E (10:00) before I (12:00): deferred people keep the order of their original times.
        await clerk.ExpectNextAsync(desk, "DeferredAfterLast", e.Label);
        At(13, 30);
        await clerk.ActAsync(desk, "complete");
        Assert.Equal(BookingStatus.Served, await StatusAsync(e));

        At(13, 31);
        // I (15′) first, then the ticket: called at 13:46, done by 13:56, before closing.
        var ticket = await WalkInAsync(replacement);
        Assert.Equal(("004", 1, 15), (ticket.Ticket, ticket.Position, ticket.EstimatedWaitMinutes));
    }

    async Task Closing_ExpiresWaitingBookings_ClosesTickets_AndMarksTheDayClosed()
    {
        // The clerk served nobody more. Before closing, the end-of-day run does nothing.
        At(13, 59);
        Assert.Equal(0, await CloseDaysAsync());
        Assert.False((await SnapshotAsync()).Closed);

        At(14, 0);
        Assert.Equal(2, await CloseDaysAsync()); // both demo offices close their day
        Assert.Equal(BookingStatus.Expired, await StatusAsync(i));
        var mail = Assert.Single(await MailAsync(1));
        Assert.Equal($"You could not be served today ({i.Label})", mail.Subject);
        Assert.Equal(i.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal(TicketStatus.Closed, await App.WithDbAsync(db => Task.FromResult(db.WalkInTickets.Single(t => t.Number == 4).Status)));
        var snapshot = await SnapshotAsync();
        Assert.True(snapshot.Closed);
        Assert.Empty(snapshot.Walkins);
        Assert.Empty(snapshot.Serving);

        var state = await StateAsync();
        Assert.Equal(0, await CloseDaysAsync());
        Assert.Equal(state, await StateAsync());
        Assert.Equal(0, await App.DispatchMailAsync());

        var final = await App.WithDbAsync(db => Task.FromResult(db.Bookings.ToDictionary(x => x.Id, x => x.Status)));
        Assert.Equal(
            [BookingStatus.Served, BookingStatus.Served, BookingStatus.Served, BookingStatus.Served, BookingStatus.Served,
             BookingStatus.Served, BookingStatus.Expired, BookingStatus.NoShow, BookingStatus.Expired, BookingStatus.Served],
            new[] { a, b, c, d, e, f, g, h, i, j }.Select(x => final[x.Id]));
        Assert.Equal(25, Smtp.Messages.Count);
    }

    async Task<int> ExpireLateAsync()
    {
        await using var scope = App.Scope();
        return await scope.ServiceProvider.GetRequiredService<BookingClosures>().ExpireLateAsync(CancellationToken.None);
    }

    async Task<int> CloseDaysAsync()
    {
        await using var scope = App.Scope();
        return await scope.ServiceProvider.GetRequiredService<BookingClosures>().CloseDaysAsync(CancellationToken.None);
    }
}
