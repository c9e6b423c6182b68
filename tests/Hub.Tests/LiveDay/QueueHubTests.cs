using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Queue;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>A real SignalR client on /hubs/queue (long polling over the test server): what displays and clerk screens hear.</summary>
public sealed class QueueHubTests : LiveDayTest
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    readonly List<HubConnection> connections = [];

    async Task<HubConnection> ConnectAsync(string? token = null, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            });
        if (messagePack)
            builder.AddMessagePackProtocol(o => o.SerializerOptions = Queue.QueueWire.MessagePack);
        var connection = builder.Build();
        connections.Add(connection);
        await connection.StartAsync().WaitAsync(Wait);
        return connection;
    }

    /// <summary>Every QueueChanged payload as the raw JSON the client received.</summary>
    static ChannelReader<JsonElement> Listen(HubConnection connection)
    {
        var changes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>(nameof(IQueueClient.QueueChanged), c => changes.Writer.TryWrite(c));
        return changes.Reader;
    }

    /// <summary>The next change, which must hold one event and the office's snapshot after it.</summary>
    static async Task<(QueueEvent Event, QueueSnapshot Snapshot, string Json)> NextAsync(ChannelReader<JsonElement> changes)
    {
        var json = await changes.ReadAsync().AsTask().WaitAsync(Wait);
        var change = json.Deserialize<QueueChange>(JsonSerializerOptions.Web);
        Assert.NotNull(change?.Snapshot);
        var e = Assert.Single(change.Events);
        Assert.Equal(e.Version, change.Version);
        Assert.Equal(e.Version, change.Snapshot.Version);
        return (e, change.Snapshot, json.GetRawText());
    }

    [Fact]
    public async Task Display_JoinsOffice_AndHearsEachChange_WithConsecutiveVersions_AndNoPersonalData()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 0), "signal");
        At(8, 50);
        var clerk = await ClerkAsync();
        var desk = await DeskIdAsync(1);

        var display = await ConnectAsync();
        var events = Listen(display);
        var joined = await display.InvokeAsync<JsonElement>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
        var snapshot = joined.Deserialize<QueueSnapshot>(JsonSerializerOptions.Web)!;
        Assert.Equal("demo", snapshot.Office);
        Assert.Contains(snapshot.Next, n => n.Code == booked.Label && !n.CheckedIn);
        var payloads = new List<string> { joined.GetRawText() };

        Assert.Equal("CheckedIn", (await ScanAsync(booked.Qr)).Status);
        var (checkedIn, afterCheckIn, json) = await NextAsync(events);
        payloads.Add(json);
        Assert.Equal((snapshot.Version + 1, QueueEventKind.CheckedIn, booked.Label), (checkedIn.Version, checkedIn.Kind, checkedIn.Code));
        Assert.Contains(afterCheckIn.Next, n => n.Code == booked.Label && n.CheckedIn);

        At(9, 0);
        Assert.Equal(booked.Label, (await clerk.CallNextAsync(desk))!.Label);
        var (called, afterCall, calledJson) = await NextAsync(events);
        payloads.Add(calledJson);
        Assert.Equal((snapshot.Version + 2, QueueEventKind.Called, booked.Label, 1), (called.Version, called.Kind, called.Code, called.DeskNumber));
        Assert.Contains(afterCall.Serving, x => x.Code == booked.Label && x.DeskNumber == 1);

        var resync = await display.InvokeAsync<JsonElement>(nameof(IQueueHub.GetSnapshot), (string?)null).WaitAsync(Wait);
        payloads.Add(resync.GetRawText());
        Assert.Equal(called.Version, resync.Deserialize<QueueSnapshot>(JsonSerializerOptions.Web)!.Version);

        foreach (var payload in payloads)
        {
            Assert.DoesNotContain(booked.FullName, payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("signal", payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("6941234567", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("@", payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Screens_HearTheOfficeClock_EachMinute_WithThatMinutesSnapshot_WithoutAnyChange()
    {
        At(9, 0);
        var display = await ConnectAsync();
        var ticks = Channel.CreateUnbounded<(DateTimeOffset Now, QueueSnapshot? Snapshot)>();
        display.On<DateTimeOffset, QueueSnapshot?>(nameof(IQueueClient.QueueClock), (now, snapshot) => ticks.Writer.TryWrite((now, snapshot)));
        await display.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
        var version = await VersionAsync();

        // R13: time moves on to 09:14 with nobody changing anything; the screen hears the time, and the office as it is then.
        App.Clock.SetUtcNow(Wed(9, 14).AddSeconds(1));
        var (tick, snapshot) = await ticks.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(TimeSpan.FromHours(2), tick.Offset);
        Assert.Equal(Wed(9, 14).AddSeconds(1), tick);
        Assert.Equal(tick, snapshot?.Now);
        Assert.Equal(version, snapshot?.Version);
        Assert.Equal(version, await VersionAsync());
    }

    [Fact]
    public async Task AScreenOnMessagePack_HearsTheSameChange_WithTimesAndTheDayAsIsoText()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 0), "packed");
        At(8, 50);
        var display = await ConnectAsync(messagePack: true);
        var changes = Channel.CreateUnbounded<Dictionary<object, object?>>();
        display.On<Dictionary<object, object?>>(nameof(IQueueClient.QueueChanged), c => changes.Writer.TryWrite(c));
        var joined = await display.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
        Assert.Contains(joined.Next, n => n.Code == booked.Label && !n.CheckedIn);

        Assert.Equal("CheckedIn", (await ScanAsync(booked.Qr)).Status);

        // As the browser's decoder sees it (queue-live.js): maps with the C# names, the kind by name, and every time and
        // the day as the JSON protocol writes them.
        var change = await changes.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(joined.Version + 1, Convert.ToInt64(change["Version"], CultureInfo.InvariantCulture));
        var e = (Dictionary<object, object?>)Assert.Single((object?[])change["Events"]!)!;
        Assert.Equal(("CheckedIn", booked.Label), (e["Kind"], e["Code"]));
        var snapshot = (Dictionary<object, object?>)change["Snapshot"]!;
        Assert.Equal("2026-12-02", snapshot["Day"]);
        Assert.Equal(Wed(8, 50), DateTimeOffset.Parse((string)snapshot["Now"]!, CultureInfo.InvariantCulture));
        Assert.Matches(@"^2026-12-02T08:50:00\.000\+02:00$", (string)snapshot["Now"]!);
        var next = ((object?[])snapshot["Next"]!).Cast<Dictionary<object, object?>>().Single(n => (string?)n["Code"] == booked.Label);
        Assert.Equal((true, "2026-12-02T09:00:00.000+02:00"), (next["CheckedIn"], next["Time"]));
    }

    [Fact]
    public async Task ADeskAddedOrSwitchedOffByAnAdmin_ReachesTheDisplays_WithTheOfficesDesksInTheSnapshot()
    {
        At(9, 0);
        var admin = (await ClerkAsync("admin@example.org")).Http;
        var display = await ConnectAsync();
        var events = Listen(display);
        var joined = await display.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
        Assert.Equal([1, 2, 3, 4, 5, 6], joined.Desks);

        // R11: a seventh desk, switched on as it is added, and the display's idle desks take it without a reload.
        var added = await admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit("Θυρίδα 7", "Desk 7", true, []));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var (addedEvent, afterAdding, _) = await NextAsync(events);
        Assert.Equal((joined.Version + 1, QueueEventKind.DesksChanged), (addedEvent.Version, addedEvent.Kind));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], afterAdding.Desks);

        // Switched off: its card leaves the wall. A rename alone changes nothing a display shows, so it tells nothing.
        var desk2 = await DeskIdAsync(2);
        var services = (await admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Id == desk2).ServiceIds;
        var renamed = await admin.PutAsJsonAsync($"/api/admin/desks/{desk2}", new DeskEdit("Θυρίδα Β", "Desk B", true, services));
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        var off = await admin.PutAsJsonAsync($"/api/admin/desks/{desk2}?confirm=true", new DeskEdit("Θυρίδα Β", "Desk B", false, services));
        Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());
        var (offEvent, afterOff, _) = await NextAsync(events);
        Assert.Equal((afterAdding.Version + 1, QueueEventKind.DesksChanged), (offEvent.Version, offEvent.Kind));
        Assert.Equal([1, 3, 4, 5, 6, 7], afterOff.Desks);
        Assert.Equal(afterOff.Version, await VersionAsync());
    }

    public override async Task DisposeAsync()
    {
        foreach (var c in connections)
            await c.DisposeAsync();
        await base.DisposeAsync();
    }
}
