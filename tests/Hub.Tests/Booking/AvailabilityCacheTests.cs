using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Rantevou.Contracts.Booking;
using Rantevou.Hub.Tests.Admin;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// Each node keeps a day's taken desk time for availability. What changes a day through the office-day change unit on
/// this node shows at once; a booking made on another node within the configured seconds; an admin's change on any
/// node at once (the office's version, ADR 0016).
/// </summary>
public class AvailabilityCacheTests : AdminTest
{
    /// <summary>A second server over the test's database, with its own memory and clock.</summary>
    RantevouApp SecondNode() => new(App.DataDir, new FakeTimeProvider(RantevouApp.DefaultStart)) { KeepData = true };

    /// <summary>Books <paramref name="start"/> at every desk serving the service (until the office answers 409), so the time is gone.</summary>
    static async Task<List<BookingCreatedDto>> TakeEveryDeskAsync(HttpClient http, int serviceId, DateTimeOffset start)
    {
        var taken = new List<BookingCreatedDto>();
        for (var n = 0; n < 20; n++)
        {
            var answer = await http.BookAsync(serviceId, start, email: $"desk{n}@example.org", mobile: $"69400000{n:00}");
            if (answer.StatusCode == HttpStatusCode.Conflict)
                return taken;
            answer.EnsureSuccessStatusCode();
            taken.Add((await answer.Content.ReadFromJsonAsync<BookingCreatedDto>())!);
        }
        throw new InvalidOperationException("The time was never full.");
    }

    [Fact]
    public async Task BookingOnThisNode_LeavesTheDaysAvailabilityAtOnce()
    {
        var service = await ServiceAsync();
        var before = await Http.AvailabilityAsync(service.Id, Wednesday);
        await TakeEveryDeskAsync(Http, service.Id, before[0].Start);

        var after = await Http.AvailabilityAsync(service.Id, Wednesday);

        Assert.DoesNotContain(after, s => s.Start == before[0].Start);
        // The same as a node that never held the day computes.
        await using var fresh = SecondNode();
        Assert.Equal(await fresh.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).AvailabilityAsync(service.Id, Wednesday), after);
    }

    [Fact]
    public async Task CancellationOnThisNode_OffersTheTimeAgainAtOnce()
    {
        var service = await ServiceAsync();
        var before = await Http.AvailabilityAsync(service.Id, Wednesday);
        var booked = await TakeEveryDeskAsync(Http, service.Id, before[0].Start);
        Assert.DoesNotContain(await Http.AvailabilityAsync(service.Id, Wednesday), s => s.Start == before[0].Start);

        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(booked[0])).StatusCode);

        Assert.Equal(before, await Http.AvailabilityAsync(service.Id, Wednesday));
    }

    [Fact]
    public async Task BookingOnAnotherNode_LeavesAvailabilityHereOnceTheCacheSecondsPass()
    {
        var service = await ServiceAsync();
        var before = await Http.AvailabilityAsync(service.Id, Wednesday);
        await using var nodeB = SecondNode();
        await TakeEveryDeskAsync(nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }), service.Id, before[0].Start);

        App.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.DoesNotContain(await Http.AvailabilityAsync(service.Id, Wednesday), s => s.Start == before[0].Start);
    }

    [Fact]
    public async Task WithTheCacheOff_BookingOnAnotherNode_LeavesAvailabilityAtOnce()
    {
        await using var nodeA = new RantevouApp();
        nodeA.Settings["Rantevou:Availability:CacheSeconds"] = "0";
        var a = nodeA.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var service = (await a.ServicesAsync()).First();
        var before = await a.AvailabilityAsync(service.Id, Wednesday);
        await using var nodeB = new RantevouApp(nodeA.DataDir, new FakeTimeProvider(RantevouApp.DefaultStart)) { KeepData = true };
        await TakeEveryDeskAsync(nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }), service.Id, before[0].Start);

        Assert.DoesNotContain(await a.AvailabilityAsync(service.Id, Wednesday), s => s.Start == before[0].Start);
    }

    [Fact]
    public async Task ServiceTimeChangedOnAnotherNode_IsOfferedHereAtOnce()
    {
        var service = await ServiceAsync();
        await using var nodeB = SecondNode();
        var b = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var before = await b.AvailabilityAsync(service.Id, Wednesday);
        Assert.All(before, s => Assert.Equal(service.DurationMinutes, (s.End - s.Start).TotalMinutes));

        var edit = EditOf(await AdminServiceAsync(service.Id)) with { DurationMinutes = service.DurationMinutes + 10 };
        Assert.Equal(HttpStatusCode.OK, (await PutServiceAsync(service.Id, edit)).StatusCode);

        Assert.All(await b.AvailabilityAsync(service.Id, Wednesday), s => Assert.Equal(service.DurationMinutes + 10, (s.End - s.Start).TotalMinutes));
    }
}
