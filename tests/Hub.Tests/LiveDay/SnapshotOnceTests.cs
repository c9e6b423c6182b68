using System.Threading.Channels;
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
/// Real SignalR clients that do what queue-live.js does: join, hear each change with the snapshot after it, or ask for
/// the snapshot of that version.
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

    /// <summary>A screen joined to the office, every change it hears, and the snapshot of each clock tick.</summary>
    async Task<(HubConnection Connection, ChannelReader<QueueChange> Heard, ChannelReader<QueueSnapshot?> Ticks)> ScreenAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        lock (connections)
            connections.Add(connection);
        var heard = Channel.CreateUnbounded<QueueChange>();
        connection.On<QueueChange>(nameof(IQueueClient.QueueChanged), c => heard.Writer.TryWrite(c));
        var ticks = Channel.CreateUnbounded<QueueSnapshot?>();
        connection.On<DateTimeOffset, QueueSnapshot?>(nameof(IQueueClient.QueueClock), (_, s) => ticks.Writer.TryWrite(s));
        await connection.StartAsync().WaitAsync(Wait);
        await connection.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
        return (connection, heard.Reader, ticks.Reader);
    }

    async Task<List<(HubConnection Connection, ChannelReader<QueueChange> Heard, ChannelReader<QueueSnapshot?> Ticks)>> ScreensAsync() =>
        [.. await Task.WhenAll(Enumerable.Range(0, Screens).Select(_ => ScreenAsync()))];

    static Task<QueueSnapshot[]> AllAskAsync(IEnumerable<HubConnection> screens, long version) =>
        Task.WhenAll(screens.Select(c => c.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.GetSnapshotAtLeast), (string?)null, version).WaitAsync(Wait)));

    /// <summary>
    /// A walk-in waits, fifty screens join, the clerk calls: the ticket, the screens, the build count before the call, and
    /// the change each screen heard (all of one version).
    /// </summary>
    async Task<(string Ticket, List<HubConnection> Screens, long Before, QueueChange[] Heard)> CallWithScreensAsync()
    {
        At(9, 0);
        var walkIn = await WalkInAsync(await ServiceAsync("Driving licence renewal"));
        var clerk = await ClerkAsync();
        var desk = await DeskIdAsync(1);
        var screens = await ScreensAsync();
        var before = Cache.Built;

        Assert.Equal(walkIn.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        var heard = await Task.WhenAll(screens.Select(s => s.Heard.ReadAsync().AsTask().WaitAsync(Wait)));
        Assert.Single(heard.Select(c => c.Version).Distinct());
        return (walkIn.Ticket, [.. screens.Select(s => s.Connection)], before, heard);
    }

    [Fact]
    public async Task CallNext_WithFiftyScreens_BuildsTheSnapshotOfTheNewVersion_AtMostTwice()
    {
        var (ticket, screens, before, heard) = await CallWithScreensAsync();
        var version = heard[0].Version;

        var snapshots = await AllAskAsync(screens, version);

        Assert.All(snapshots, s => Assert.Equal(version, s.Version));
        Assert.All(snapshots, s => Assert.Contains(s.Serving, x => x.Code == ticket && x.DeskNumber == 1));
        Assert.InRange(Cache.Built - before, 1, 2);
    }

    [Fact]
    public async Task CallNext_PushesTheNewSnapshotToEveryScreen_BuiltOnce_WithoutAScreenAsking()
    {
        var (ticket, _, before, heard) = await CallWithScreensAsync();

        Assert.All(heard, c => Assert.Equal(c.Version, c.Snapshot?.Version));
        Assert.All(heard, c => Assert.Contains(c.Snapshot?.Serving ?? [], x => x.Code == ticket && x.DeskNumber == 1));
        Assert.Equal(1, Cache.Built - before);
    }

    [Fact]
    public async Task TenChangesAtOnce_ReachAScreen_EachEventOnce_AndTheLastSnapshotHoldsThemAll()
    {
        At(9, 0);
        var service = await ServiceAsync("Driving licence renewal");
        var (_, heard, _) = await ScreenAsync();
        var version = await VersionAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => WalkInAsync(service)));

        // A burst goes out as few messages (one per snapshot build), each with every event committed meanwhile.
        var changes = new List<QueueChange>();
        while (changes.Sum(c => c.Events.Count) < 10)
            changes.Add(await heard.ReadAsync().AsTask().WaitAsync(Wait));
        var events = changes.SelectMany(c => c.Events).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => version + i), events.Select(e => e.Version).Order());
        Assert.All(events, e => Assert.Equal(QueueEventKind.WalkInIssued, e.Kind));
        Assert.All(changes, c => Assert.True(c.Snapshot?.Version >= c.Version));
        Assert.Equal(version + 10, changes[^1].Snapshot?.Version);
        Assert.Equal(10, changes[^1].Snapshot?.Walkins.Count);
        Assert.False(heard.TryRead(out _));
    }

    [Fact]
    public async Task ClockTick_WithFiftyScreens_PushesTheNewMinutesSnapshotToEach_BuiltAtMostTwice()
    {
        At(9, 0);
        var screens = await ScreensAsync();
        var version = await VersionAsync();
        // The node's own clock service ticks as soon as the minute turns, so count from before it turns.
        var before = Cache.Built;
        At(9, 1);

        await App.Services.GetRequiredService<QueueClock>().TickAsync(CancellationToken.None);

        // A tick of 09:00 may still be on its way: each screen's first tick of 09:01 carries that minute's snapshot.
        foreach (var (_, _, ticks) in screens)
        {
            using var timeout = new CancellationTokenSource(Wait);
            QueueSnapshot? pushed;
            do
                pushed = await ticks.ReadAsync(timeout.Token);
            while (pushed?.Now != Wed(9, 1));
            Assert.Equal(version, pushed.Version);
        }
        var asked = await AllAskAsync(screens.Select(s => s.Connection), version);
        Assert.All(asked, s => Assert.Equal(Wed(9, 1), s.Now));
        Assert.InRange(Cache.Built - before, 1, 2);
    }
}
