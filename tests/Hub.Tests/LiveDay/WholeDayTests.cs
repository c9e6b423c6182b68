using System.Net;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// One office day at desk 1 (the only licence desk left working), hour by hour on the fake clock: every decision the
/// queue takes (status, whom call next picks and why) and every mail it sends over SMTP. Wednesday, local time:
/// A 08:00 renewal (15′) · B 08:30 duplicate (10′) · C 09:00 replacement (10′) · D 09:30 replacement (late, fits) ·
/// E 10:00 renewal (too late → end of day) · F 10:15 duplicate · G 11:00 renewal (never comes) · H 11:30 duplicate
/// (no-show) · I 12:00 renewal (deferred by the clerk, not reached) · J 13:00 renewal (the last appointment).
/// Walk-ins: 001 foreign licence exchange (20′), 002 and 003 replacement (10′), 004 replacement late in the day.
/// </summary>
public sealed partial class WholeDayTests : LiveDayTest
{
    Booked a = null!, b = null!, c = null!, d = null!, e = null!, f = null!, g = null!, h = null!, i = null!, j = null!;
    Clerk clerk = null!;
    int desk;
    int renewal, duplicate, replacement, exchange;

    [Fact]
    public async Task OfficeDay_FromFirstCheckInToClosing_DecidesAndMailsEachStep()
    {
        await BookingsMadeTheDayBefore_AreConfirmedByMail();
        await OnTimeCheckIn_IsCalledAtItsTime();
        await ShortGap_CallsTheWalkInThatFits_AndSkipsTheLongOne();
        await GapTooShortForAnyone_CallsNobody();
        await WalkInRunningOver_IsInterruptedForTheDueAppointment();
        await InterruptedWalkIn_IsServedInTheNextGap();
        await LateButServable_IsCheckedInWithTheLateFlag();
        await TooLate_IsOfferedTheEndOfDay_AndChoosingItDefersWithMail();
        await LongerGap_TakesTheLongWalkIn();
        await NeverCame_ExpiresAtStartPlusGrace_Once();
        await CalledButNotThere_IsANoShowWithMail();
        await ClerkDefers_AndDeferredPeopleWaitForTheLastAppointment();
        await AfterTheLastAppointment_DeferredAreServedInTheirOrder();
        await Closing_ExpiresWaitingBookings_ClosesTickets_AndMarksTheDayClosed();
    }

    async Task BookingsMadeTheDayBefore_AreConfirmedByMail()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        desk = await DeskIdAsync(1);
        renewal = await ServiceAsync("Driving licence renewal");
        duplicate = await ServiceAsync("Duplicate driving licence");
        replacement = await ServiceAsync("Replace old paper licence");
        exchange = await ServiceAsync("Exchange of a foreign driving licence");
        a = await BookAsync(renewal, Wed(8, 0), "alpha");
        b = await BookAsync(duplicate, Wed(8, 30), "beta");
        c = await BookAsync(replacement, Wed(9, 0), "gamma");
        d = await BookAsync(replacement, Wed(9, 30), "delta");
        e = await BookAsync(renewal, Wed(10, 0), "epsilon");
        f = await BookAsync(duplicate, Wed(10, 15), "zeta");
        g = await BookAsync(renewal, Wed(11, 0), "eta");
        h = await BookAsync(duplicate, Wed(11, 30), "theta");
        i = await BookAsync(renewal, Wed(12, 0), "iota");
        j = await BookAsync(renewal, Wed(13, 0), "kappa");
        var mails = await MailAsync(20);
        Assert.Equal(10, mails.Count(m => m.Subject!.StartsWith("Please confirm", StringComparison.Ordinal)));
        Assert.Equal(10, mails.Count(m => m.Subject!.EndsWith("is confirmed", StringComparison.Ordinal)));
        Assert.All(await App.WithDbAsync(db => Task.FromResult(db.Bookings.Select(x => x.DeskId).ToList())), id => Assert.Equal(desk, id));

        At(7, 50);
        clerk = await ClerkAsync();
    }

    async Task OnTimeCheckIn_IsCalledAtItsTime()
    {
        var scan = await ScanAsync(a.Qr);
        Assert.Equal("CheckedIn", scan.Status);
        Assert.Equal(1, scan.Desk);
        Assert.Equal(a.Label, scan.Code);
        Assert.Contains("checked in", scan.Message, StringComparison.Ordinal);
        var row = await RowAsync(a);
        Assert.Equal((BookingStatus.CheckedIn, false), (row.Status, row.Late));

        At(8, 0);
        var called = await clerk.ExpectNextAsync(desk, "DueAppointment", a.Label);
        Assert.False(called!.WalkIn);
        Assert.Equal(BookingStatus.Called, await StatusAsync(a));
    }

    async Task ShortGap_CallsTheWalkInThatFits_AndSkipsTheLongOne()
    {
        At(8, 5);
        Assert.Equal(("001", 1), Ticket(await WalkInAsync(exchange)));
        At(8, 6);
        Assert.Equal(("002", 2), Ticket(await WalkInAsync(replacement)));
        At(8, 7);
        Assert.Equal(("003", 3), Ticket(await WalkInAsync(replacement)));

        At(8, 15);
        await clerk.ActAsync(desk, "complete");
        Assert.Equal(BookingStatus.Served, await StatusAsync(a));
        // 15′ to B at 08:30: 001 needs 20′ and is passed over, not reordered (R6).
        var called = await clerk.ExpectNextAsync(desk, "WalkInInGap", "002");
        Assert.True(called!.WalkIn);
        Assert.Equal(["001", "003"], (await SnapshotAsync()).Walkins.Select(w => w.Ticket));
    }

    async Task GapTooShortForAnyone_CallsNobody()
    {
        At(8, 25);
        await clerk.ActAsync(desk, "complete");
        // 5′ to B: neither 001 (20′) nor 003 (10′) fits.
        await clerk.ExpectNextAsync(desk, "NothingFitsGap", null);

        At(8, 26);
        Assert.Equal("CheckedIn", (await ScanAsync(b.Qr)).Status);
        At(8, 30);
        await clerk.ExpectNextAsync(desk, "DueAppointment", b.Label);
        At(8, 42);
        await clerk.ActAsync(desk, "complete");
        // 18′ to C at 09:00: 001 (20′) is skipped again, 003 fits.
        await clerk.ExpectNextAsync(desk, "WalkInInGap", "003");
    }

    async Task WalkInRunningOver_IsInterruptedForTheDueAppointment()
    {
        At(8, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(c.Qr)).Status);
        At(9, 2);
        var day = await clerk.DayAsync(desk);
        Assert.Equal("003", day.Current!.Label);
        Assert.NotNull(day.Interruption);
        Assert.Equal("AppointmentWaiting", day.Interruption.Reason);
        Assert.Equal(2, day.Interruption.MinutesOverdue);
        Assert.Equal(0, day.Interruption.ServingMinutesLeft);

        var back = await clerk.ActAsync(desk, "interrupt");
        Assert.Equal("003", back.Label);
        // R13: back at the front of the walk-in queue, ahead of 001's lower number.
        var snapshot = await SnapshotAsync();
        Assert.Equal(["003", "001"], snapshot.Walkins.Select(w => w.Ticket));
        Assert.Empty(snapshot.Serving);
        await clerk.ExpectNextAsync(desk, "DueAppointment", c.Label);
    }

    async Task InterruptedWalkIn_IsServedInTheNextGap()
    {
        At(9, 12);
        await clerk.ActAsync(desk, "complete");
        await clerk.ExpectNextAsync(desk, "WalkInInGap", "003");
        At(9, 22);
        await clerk.ActAsync(desk, "complete");
        Assert.Equal(TicketStatus.Served, await App.WithDbAsync(db => Task.FromResult(db.WalkInTickets.Single(t => t.Number == 3).Status)));
    }

    async Task LateButServable_IsCheckedInWithTheLateFlag()
    {
        At(9, 36);
        // Six minutes late; 10′ from now ends 09:46, before E at 10:00 (R5 "can still be served").
        var scan = await ScanAsync(d.Qr);
        Assert.Equal("CheckedIn", scan.Status);
        Assert.Contains("late", scan.Message, StringComparison.Ordinal);
        var row = await RowAsync(d);
        Assert.Equal((BookingStatus.CheckedIn, true), (row.Status, row.Late));
        var called = await clerk.ExpectNextAsync(desk, "DueAppointment", d.Label);
        Assert.True(called!.Late);
        At(9, 46);
        await clerk.ActAsync(desk, "complete");
    }

    static (string, int) Ticket(Contracts.Queue.WalkInResult w) => (w.Ticket, w.Position);
}
