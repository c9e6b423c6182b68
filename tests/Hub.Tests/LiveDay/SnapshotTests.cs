using System.Net.Http.Json;
using Rantevou.Contracts.Queue;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// What the waiting-room display is given: everyone waiting for an appointment, in the order they will be served, and
/// which desk has been "serving" one person far too long (codes, desks and times only, principle 6).
/// </summary>
public sealed class SnapshotTests : LiveDayTest
{
    [Fact]
    public async Task Next_ListsEveryoneWaiting_DueFirst_ThenByTime_ThenTheDeferred()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var interrupted = await BookAsync(renewal, Wed(8, 30), "interrupted");
        var first = await BookAsync(renewal, Wed(9, 0), "first");
        var second = await BookAsync(renewal, Wed(9, 15), "second");
        var absent = await BookAsync(renewal, Wed(9, 30), "absent");
        var later = await BookAsync(renewal, Wed(10, 0), "later");
        var early = await BookAsync(renewal, Wed(11, 0), "early");

        At(8, 25);
        Assert.Equal("CheckedIn", (await ScanAsync(interrupted.Qr)).Status);
        At(8, 30);
        var clerk = await ClerkAsync();
        Assert.Equal(interrupted.Label, (await clerk.CallNextAsync(desk))!.Label);
        await clerk.ActAsync(desk, "interrupt"); // R13: now after the scheduled appointments
        At(8, 55);
        foreach (var b in new[] { second, first })
            Assert.Equal("CheckedIn", (await ScanAsync(b.Qr)).Status);
        At(10, 5);
        Assert.Equal("CheckedIn", (await ScanAsync(early.Qr)).Status);

        // 10:05, nobody called since 08:30: 09:00 and 09:15 are here and due, 11:00 is here early, 09:30 and 10:00 never came.
        var next = (await SnapshotAsync()).Next;
        Assert.Equal(
            [(first.Label, true, false), (second.Label, true, false), (early.Label, false, false), (interrupted.Label, false, true)],
            next.Select(n => (n.Code, n.Due, n.Deferred)));
        Assert.All(next, n => Assert.True(n.CheckedIn || n.Deferred));
        Assert.DoesNotContain(next, n => n.Code == later.Label || n.Code == absent.Label);
    }

    [Fact]
    public async Task Serving_IsFlaggedOverdue_OnlyWhenFarPastTheServiceTime()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var minutes = (await Http.ServicesAsync()).Single(s => s.Id == renewal).DurationMinutes;
        At(9, 0);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(renewal, null))).StatusCode);
        var clerk = await ClerkAsync();
        Assert.NotNull(await clerk.CallNextAsync(desk));

        // Twice the service time and at least 15 minutes over it: until then the display still shows the code.
        var threshold = minutes + Math.Max(minutes, 15);
        App.Clock.SetUtcNow(Wed(9, 0).AddMinutes(threshold));
        Assert.False((await SnapshotAsync()).Serving.Single().Overdue);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var serving = (await SnapshotAsync()).Serving.Single();
        Assert.Equal((1, true), (serving.DeskNumber, serving.Overdue));
    }
}
