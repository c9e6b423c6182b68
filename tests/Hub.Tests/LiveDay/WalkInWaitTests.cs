using System.Net.Http.Json;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// R6: the wait a walk-in is told. Before the day's first call every desk counts (the office's plan); once desks have
/// started calling, a desk that has called nobody is not counted on: in a walk through the office, vehicle walk-ins were
/// told "soon" for an hour and a half while nobody sat at the vehicle desks. Their place in the queue still counts.
/// </summary>
public sealed class WalkInWaitTests : LiveDayTest
{
    [Fact]
    public async Task OnceDesksAreCalling_AWalkInOnlyUncalledDesksServe_IsNotPromisedSoon_UntilOneOfThemCalls()
    {
        var renewal = await ServiceAsync("Driving licence renewal"); // desks 1–3
        var transfer = await ServiceAsync("Transfer of ownership"); // desks 4–6
        At(8, 0);
        var early = await WalkInAsync(transfer);
        Assert.Equal(0, early.EstimatedWaitMinutes); // nobody called yet: the free vehicle desks count

        var licence = await WalkInAsync(renewal);
        var clerk = await ClerkAsync();
        Assert.Equal(licence.Ticket, (await clerk.CallNextAsync(await DeskIdAsync(1)))!.Label);
        At(8, 10);
        var later = await WalkInAsync(transfer);

        Assert.Equal(-1, later.EstimatedWaitMinutes);
        Assert.Equal(2, later.Position);
        Assert.All((await SnapshotAsync()).Walkins, w => Assert.Equal(-1, w.EstimatedWaitMinutes));

        Assert.Equal(early.Ticket, (await clerk.CallNextAsync(await DeskIdAsync(4)))!.Label);
        var waiting = Assert.Single((await SnapshotAsync()).Walkins);
        Assert.Equal((later.Ticket, 1), (waiting.Ticket, waiting.Position));
        Assert.True(waiting.EstimatedWaitMinutes > 0, $"desk 4 calls now: a wait is promised ({waiting.EstimatedWaitMinutes})");
    }

    [Fact]
    public async Task AWalkInsPlace_IsTheSameAtTheKioskOnItsPageAndInTheSnapshot_CountingOnlyTicketsForItsDesks()
    {
        var renewal = await ServiceAsync("Driving licence renewal"); // desks 1–3
        var transfer = await ServiceAsync("Transfer of ownership"); // desks 4–6
        At(8, 0);
        var vehicle1 = await WalkInAsync(transfer);
        var vehicle2 = await WalkInAsync(transfer);
        var licence = await WalkInAsync(renewal);

        // Two tickets before it on the display's list, but none waiting for the licence desks: it is first there.
        Assert.Equal((1, 1, 2), (licence.Position, vehicle1.Position, vehicle2.Position));
        var page = await Http.GetFromJsonAsync<Contracts.Queue.WalkInStatus>($"/api/walkins/{licence.Code}");
        Assert.Equal(1, page!.Position);
        var listed = (await SnapshotAsync()).Walkins;
        Assert.Equal([(vehicle1.Ticket, 1), (vehicle2.Ticket, 2), (licence.Ticket, 1)], listed.Select(w => (w.Ticket, w.Position)));
    }
}
