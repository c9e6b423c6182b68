using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Queue;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>The booking's own page follows it on its day: estimate while waiting, the desk once called (R3).</summary>
public sealed class BookingLiveTests : LiveDayTest
{
    [Fact]
    public async Task BookingLive_ShowsEstimateWhileWaiting_ThenTheDeskWhenCalled_OnlyToTheTokenHolder()
    {
        await OnlyDesksAsync(1);
        var service = await ServiceAsync("Driving licence renewal");
        var first = await BookAsync(service, Wed(9, 0), "first");
        var second = await BookAsync(service, Wed(9, 15), "second");

        var before = await LiveAsync(second);
        Assert.False(before.Today);
        Assert.Null(before.EstimatedCallAt);

        At(8, 50);
        await ScanAsync(first.Qr);
        await ScanAsync(second.Qr);
        At(9, 0);
        var waiting = await LiveAsync(second);
        Assert.Equal(("CheckedIn", true, 1), (waiting.Status, waiting.Today, waiting.Ahead));
        Assert.Equal(Wed(9, 15), waiting.EstimatedCallAt);

        var clerk = await ClerkAsync();
        await clerk.CallNextAsync(await DeskIdAsync(1));
        await clerk.ActAsync(await DeskIdAsync(1), "complete");
        At(9, 15);
        await clerk.CallNextAsync(await DeskIdAsync(1));
        var called = await LiveAsync(second);
        Assert.Equal(("Called", 1), (called.Status, called.Desk));

        var wrong = await Http.GetAsync($"/api/bookings/{second.Code}/live?token=nope");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    [Fact]
    public async Task BookingLive_OfALatePersonNotYetHere_SaysUntilWhenTheKioskTakesIt()
    {
        await OnlyDesksAsync(1);
        var booked = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(9, 0), "late");

        At(8, 59);
        var early = await LiveAsync(booked);
        Assert.Equal((Wed(9, 0), (DateTimeOffset?)null), (early.Start, early.CheckInBy));

        // R5: the office's grace is 10 minutes; no estimate of a call for someone not in the room.
        At(9, 3);
        var late = await LiveAsync(booked);
        Assert.Equal(("Confirmed", Wed(9, 10)), (late.Status, late.CheckInBy));
        Assert.Null(late.EstimatedCallAt);

        await ScanAsync(booked.Qr);
        Assert.Null((await LiveAsync(booked)).CheckInBy);
    }

    async Task<BookingLive> LiveAsync(Booked b) =>
        (await Http.GetFromJsonAsync<BookingLive>($"/api/bookings/{b.Code}/live?token={App.Tokens.Manage(b.Id)}"))!;
}
