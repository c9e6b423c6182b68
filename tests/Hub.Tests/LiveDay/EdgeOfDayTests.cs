using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>The edges of the office day: too late for anything today, and the morning after a desk was left serving.</summary>
public sealed class EdgeOfDayTests : LiveDayTest
{
    [Fact]
    public async Task EndOfDayChoice_WhenNothingCanEndByClosing_IsRefused_AndChangesNothing()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(13, 30), "toolate");
        await MailAsync(2);

        // 20 minutes late for a 15′ service at 13:50: it could not end by 14:00 even with nobody ahead (R5: book again).
        At(13, 50);
        var scan = await ScanAsync(booked.Qr);
        Assert.Equal(("Late", false, null), (scan.Status, scan.EndOfDayFits, scan.EndOfDayEstimate));
        var before = await StateAsync();
        var choice = await EndOfDayAsync(booked.Qr);
        Assert.Equal(("Late", false), (choice.Status, choice.EndOfDayFits));
        Assert.Equal(before, await StateAsync());

        // Expired by the sweep, or after closing: still nothing to promise.
        Assert.Equal(1, await RunAsync(c => c.ExpireLateAsync(CancellationToken.None)));
        await MailAsync(1);
        // No choice is offered that could not be kept (R5), and the kiosk says why.
        var expired = await ScanAsync(booked.Qr);
        Assert.Equal(("Expired", false), (expired.Status, expired.EndOfDayFits));
        Assert.Contains("no time is left today", expired.Message, StringComparison.Ordinal);
        At(14, 5);
        before = await StateAsync();
        Assert.NotEqual("Deferred", (await EndOfDayAsync(booked.Qr)).Status);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(BookingStatus.Expired, await StatusAsync(booked));
        Assert.Equal(0, await App.DispatchMailAsync());
    }

    [Fact]
    public async Task ExpiredByTheSweep_BeforeThePersonArrives_StillOffersTheEndOfTheDay_R5()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 0), "sweptlate");
        await MailAsync(2);
        At(9, 30);
        Assert.Equal(1, await RunAsync(c => c.ExpireLateAsync(CancellationToken.None)));
        await MailAsync(1);

        At(9, 40);
        var scan = await ScanAsync(booked.Qr);
        Assert.Equal(("Expired", true), (scan.Status, scan.EndOfDayFits));
        Assert.NotNull(scan.EndOfDayEstimate);
        var choice = await EndOfDayAsync(booked.Qr);

        Assert.Equal("Deferred", choice.Status);
        // Nothing else is left at the desk: served in a few minutes, not "at about 09:40" read at 09:40.
        Assert.Equal((Wed(9, 40), true), (choice.EndOfDayEstimate, choice.EndOfDaySoon));
        Assert.Equal($"You will be served within a few minutes ({booked.Label}). Please watch the display.", choice.Message);
        Assert.Equal(BookingStatus.Deferred, await StatusAsync(booked));
        Assert.Contains(booked.Label, (await MailAsync(1))[0].TextBody, StringComparison.Ordinal);
        Assert.Equal("AlreadyCheckedIn", (await ScanAsync(booked.Qr)).Status);
    }

    [Fact]
    public async Task DeskLeftServingAtClosing_WorksNormallyTheNextMorning()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var wednesday = await BookAsync(renewal, Wed(13, 30), "wednesday");
        var thursday = await BookAsync(renewal, Wed(9, 0).AddDays(1), "thursday");

        At(13, 25);
        Assert.Equal("CheckedIn", (await ScanAsync(wednesday.Qr)).Status);
        At(13, 30);
        var clerk = await ClerkAsync();
        Assert.Equal(wednesday.Label, (await clerk.CallNextAsync(desk))!.Label);
        // The clerk goes home without completing; closing leaves the person at the desk alone.
        At(14, 0);
        Assert.Equal(2, await RunAsync(c => c.CloseDaysAsync(CancellationToken.None))); // both demo offices close their day
        Assert.Equal(BookingStatus.Called, await StatusAsync(wednesday));

        App.Clock.SetUtcNow(Wed(8, 55).AddDays(1));
        Assert.Equal("CheckedIn", (await ScanAsync(thursday.Qr)).Status);
        App.Clock.SetUtcNow(Wed(9, 0).AddDays(1));
        clerk = await ClerkAsync();
        var day = await clerk.DayAsync(desk);
        Assert.Null(day.Current);
        Assert.Equal("DueAppointment", day.Advice.Reason);
        Assert.Equal(thursday.Label, (await clerk.CallNextAsync(desk))!.Label);
        Assert.Equal(thursday.Label, (await clerk.ActAsync(desk, "complete")).Label);
        Assert.Equal(BookingStatus.Served, await StatusAsync(thursday));
        Assert.Equal(BookingStatus.Called, await StatusAsync(wednesday));
    }

    [Fact]
    public async Task CheckedInButNotServedBeforeClosing_IsToldTheOfficeClosed()
    {
        var booked = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(13, 30), "closed");
        At(13, 20);
        Assert.Equal("CheckedIn", (await ScanAsync(booked.Qr)).Status);
        At(14, 0);
        Assert.Equal(2, await RunAsync(c => c.CloseDaysAsync(CancellationToken.None))); // both demo offices close their day
        var en = await ScanAsync(booked.Qr);
        Assert.Equal(("Expired", false), (en.Status, en.EndOfDayFits));
        Assert.Equal($"The appointment ({booked.Label}) could not be served before the office closed. Please book a new appointment.", en.Message);
        Assert.Equal($"Το ραντεβού ({booked.Label}) δεν εξυπηρετήθηκε πριν κλείσει το γραφείο. Κλείστε νέο ραντεβού.", (await GreekScanAsync(booked.Qr)).Message);
    }

    async Task<Contracts.Queue.CheckInResult> GreekScanAsync(string qr)
    {
        using var http = await App.KioskClientAsync();
        return await OkAsync<Contracts.Queue.CheckInResult>(await http.PostAsJsonAsync("/api/kiosk/checkin", new Contracts.Queue.CheckInRequest(qr)));
    }

    async Task<int> RunAsync(Func<BookingClosures, Task<int>> job)
    {
        await using var scope = App.Scope();
        return await job(scope.ServiceProvider.GetRequiredService<BookingClosures>());
    }
}
