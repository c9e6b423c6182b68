using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// Every change to today's office day, from any path, bumps its version and reaches the screens (principle 1 and 3):
/// the holder's own confirm, cancel and reschedule, an agent's booking, and a hold running out.
/// </summary>
public class DayChangeTests : LiveDayTest
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    HubConnection? display;

    /// <summary>A display joined to the office, and what it hears.</summary>
    async Task<ChannelReader<QueueEvent>> DisplayAsync()
    {
        display = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var events = Channel.CreateUnbounded<QueueEvent>();
        display.On<QueueChange>(nameof(IQueueClient.QueueChanged), c =>
        {
            foreach (var e in c.Events)
                events.Writer.TryWrite(e);
        });
        await display.StartAsync().WaitAsync(Wait);
        await display.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), (string?)null).WaitAsync(Wait);
        return events.Reader;
    }

    static async Task<QueueEvent> HeardAsync(ChannelReader<QueueEvent> events) => await events.ReadAsync().AsTask().WaitAsync(Wait);

    /// <summary>A confirmed booking made on the morning of the same Wednesday (same-day booking, before the cut-off).</summary>
    async Task<Booked> TodayAsync(DateTimeOffset start, string who)
    {
        At(8, 0);
        return await BookAsync(await ServiceAsync("Driving licence renewal"), start, who);
    }

    string Manage(Booked b) => Uri.EscapeDataString(App.Tokens.Manage(b.Id));

    [Fact]
    public async Task HolderCancelsTodaysBooking_DisplayHearsIt_AndItLeavesTheSnapshot()
    {
        var booked = await TodayAsync(Wed(11, 0), "cancel-today");
        Assert.Contains((await SnapshotAsync()).Next, n => n.Code == booked.Label);
        var events = await DisplayAsync();
        var version = await VersionAsync();

        var cancel = await Http.PostAsync($"/api/bookings/{booked.Code}/cancel?token={Manage(booked)}", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var heard = await HeardAsync(events);
        Assert.Equal((version + 1, QueueEventKind.BookingChanged, booked.Label), (heard.Version, heard.Kind, heard.Code));
        var snapshot = await SnapshotAsync();
        Assert.Equal(version + 1, snapshot.Version);
        Assert.DoesNotContain(snapshot.Next, n => n.Code == booked.Label);
    }

    [Fact]
    public async Task HolderMovesTodaysBooking_DisplayShowsTheNewTime()
    {
        var booked = await TodayAsync(Wed(11, 0), "move-today");
        var events = await DisplayAsync();
        var version = await VersionAsync();

        var moved = await Http.PostAsJsonAsync($"/api/bookings/{booked.Code}/reschedule?token={Manage(booked)}",
            new { start = Wed(12, 30).ToString("yyyy-MM-ddTHH:mm:sszzz") });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(QueueEventKind.BookingChanged, (await HeardAsync(events)).Kind);
        var next = Assert.Single((await SnapshotAsync()).Next, n => n.Code == booked.Label);
        Assert.Equal(Wed(12, 30), next.Time);
        Assert.Equal(version + 1, await VersionAsync());
    }

    [Fact]
    public async Task ConfirmingTodaysBooking_PutsItOnTheDisplay()
    {
        At(8, 0);
        var events = await DisplayAsync();
        var response = await Http.BookAsync(await ServiceAsync("Driving licence renewal"), Wed(11, 0), email: "confirm-today@example.org");
        var created = (await response.Content.ReadFromJsonAsync<Contracts.Booking.BookingCreatedDto>())!;
        Assert.Equal(QueueEventKind.BookingChanged, (await HeardAsync(events)).Kind);
        Assert.DoesNotContain((await SnapshotAsync()).Next, n => n.Code == BookingCode.Display(created.Code));

        var id = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == created.Code).Select(b => b.Id).SingleAsync());
        await Http.PostAsync($"/api/bookings/{created.Code}/confirm?token={App.Tokens.Confirm(id)}", null);

        Assert.Equal(QueueEventKind.BookingChanged, (await HeardAsync(events)).Kind);
        Assert.Contains((await SnapshotAsync()).Next, n => n.Code == BookingCode.Display(created.Code));
    }

    [Fact]
    public async Task ChangesToAnotherDay_LeaveTodaysVersionAlone()
    {
        At(8, 0);
        var version = await VersionAsync();
        var booked = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(11, 0).AddDays(1), "tomorrow");
        var cancel = await Http.PostAsync($"/api/bookings/{booked.Code}/cancel?token={Manage(booked)}", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(version, await VersionAsync());
    }

    [Fact]
    public async Task HoldRunningOut_OnABookingOfToday_TellsTheScreens()
    {
        At(8, 0);
        var events = await DisplayAsync();
        var response = await Http.BookAsync(await ServiceAsync("Driving licence renewal"), Wed(12, 0), email: "hold-today@example.org");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(QueueEventKind.BookingChanged, (await HeardAsync(events)).Kind);

        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await App.ReleaseHoldsAsync());

        Assert.Equal(QueueEventKind.BookingChanged, (await HeardAsync(events)).Kind);
    }

    public override async Task DisposeAsync()
    {
        if (display is not null)
            await display.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The same day changes on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class DayChangeTestsOnPostgres : DayChangeTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
