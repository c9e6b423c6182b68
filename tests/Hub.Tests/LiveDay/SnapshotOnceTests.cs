using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Queue;
using Rantevou.Core.LiveDay;
using Rantevou.Hub.Queue;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// A change reaches every screen with its state computed once: however many screens are connected, the office-day
/// snapshot is built once per version (and per minute for the clock), counted on the node's <see cref="SnapshotCache"/>.
/// Real SignalR clients that do what queue-live.js does: join, hear the event and the snapshot pushed after it, or ask
/// for the snapshot of that version.
/// </summary>
public sealed class SnapshotOnceTests : LiveDayTest
{
    const int Screens = 50;
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    readonly List<HubConnection> connections = [];

    public override async Task DisposeAsync()
    {
        foreach (var connection in connections)
            await connection.DisposeAsync();
        await base.DisposeAsync();
    }

    SnapshotCache Cache => App.Services.GetRequiredService<SnapshotCache>();

    async Task<List<(HubConnection Connection, TaskCompletionSource<QueueEvent> Heard, TaskCompletionSource<QueueSnapshot> Pushed)>> ScreensAsync()
    {
        var screens = await Task.WhenAll(Enumerable.Range(0, Screens).Select(async _ =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(App.Server.BaseAddress, HubPaths.Queue), o =>
                {
                    o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                })
                .Build();
            var heard = new TaskCompletionSource<QueueEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<QueueEvent>(nameof(IQueueClient.QueueChanged), e => heard.TrySetResult(e));
            var pushed = new TaskCompletionSource<QueueSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<QueueSnapshot>(nameof(IQueueClient.QueueState), s => pushed.TrySetResult(s));
            await connection.StartAsync().WaitAsync(Wait);
            await connection.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
            return (connection, heard, pushed);
        }));
        connections.AddRange(screens.Select(s => s.connection));
        return [.. screens];
    }

    static Task<QueueSnapshot[]> AllAskAsync(IEnumerable<HubConnection> screens, long version) =>
        Task.WhenAll(screens.Select(c => c.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.GetSnapshotAtLeast), (string?)null, version).WaitAsync(Wait)));

    /// <summary>A walk-in waits, fifty screens join, the clerk calls: the ticket, the screens, the build count before the call, the call's version.</summary>
    async Task<(string Ticket, List<(HubConnection Connection, TaskCompletionSource<QueueEvent> Heard, TaskCompletionSource<QueueSnapshot> Pushed)> Screens,
        long Before, long Version)> CallWithScreensAsync()
    {
        At(9, 0);
        var walkIn = await WalkInAsync(await ServiceAsync("Driving licence renewal"));
        var clerk = await ClerkAsync();
        var desk = await DeskIdAsync(1);
        var screens = await ScreensAsync();
        var before = Cache.Built;

        Assert.Equal(walkIn.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        var heard = await Task.WhenAll(screens.Select(s => s.Heard.Task.WaitAsync(Wait)));
        return (walkIn.Ticket, screens, before, Assert.Single(heard.Select(e => e.Version).Distinct()));
    }

    [Fact]
    public async Task CallNext_WithFiftyScreens_BuildsTheSnapshotOfTheNewVersion_AtMostTwice()
    {
        var (ticket, screens, before, version) = await CallWithScreensAsync();

        var snapshots = await AllAskAsync(screens.Select(s => s.Connection), version);

        Assert.All(snapshots, s => Assert.Equal(version, s.Version));
        Assert.All(snapshots, s => Assert.Contains(s.Serving, x => x.Code == ticket && x.DeskNumber == 1));
        Assert.InRange(Cache.Built - before, 1, 2);
    }

    [Fact]
    public async Task CallNext_PushesTheNewSnapshotToEveryScreen_BuiltOnce_WithoutAScreenAsking()
    {
        var (ticket, screens, before, version) = await CallWithScreensAsync();

        var pushed = await Task.WhenAll(screens.Select(s => s.Pushed.Task.WaitAsync(Wait)));

        Assert.All(pushed, s => Assert.Equal(version, s.Version));
        Assert.All(pushed, s => Assert.Contains(s.Serving, x => x.Code == ticket && x.DeskNumber == 1));
        Assert.Equal(1, Cache.Built - before);
    }

    [Fact]
    public async Task ClockTick_WithFiftyScreens_BuildsTheSnapshotOfTheNewMinute_AtMostTwice()
    {
        At(9, 0);
        var screens = await ScreensAsync();
        var version = await VersionAsync();
        // The node's own clock service ticks as soon as the minute turns, so count from before it turns.
        var before = Cache.Built;
        At(9, 1);

        await App.Services.GetRequiredService<QueueClock>().TickAsync(CancellationToken.None);
        var snapshots = await AllAskAsync(screens.Select(s => s.Connection), version);

        Assert.All(snapshots, s => Assert.Equal(Wed(9, 1), s.Now));
        Assert.InRange(Cache.Built - before, 1, 2);
    }
}
