using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>Principle 2: simultaneous clerks and scans never serve one person twice and never answer 5xx.</summary>
public class RaceTests : LiveDayTest
{
    [Fact]
    public async Task TwoClerks_HundredSimultaneousCallNext_NobodyIsCalledTwice()
    {
        // Desks 1 and 2 share the licence services and so the walk-in queue; each has four appointments.
        await OnlyDesksAsync(1, 2);
        var (desk1, desk2) = (await DeskIdAsync(1), await DeskIdAsync(2));
        var duplicate = await ServiceAsync("Duplicate driving licence");
        var booked = new List<Booked>();
        for (var n = 0; n < 8; n++)
            booked.Add(await BookAsync(duplicate, Wed(8, 10 * (n / 2)), $"person{(char)('a' + n)}"));
        var desks = await App.WithDbAsync(db => Task.FromResult(db.Bookings.Select(b => b.DeskId).ToList()));
        Assert.Equal(4, desks.Count(id => id == desk1));

        At(7, 30);
        foreach (var b in booked)
            Assert.Equal("CheckedIn", (await ScanAsync(b.Qr)).Status);
        At(8, 45);
        var tickets = new List<string>();
        for (var n = 0; n < 10; n++)
            tickets.Add((await WalkInAsync(duplicate)).Ticket);
        At(9, 0);
        var clerks = new[] { (Clerk: await ClerkAsync("clerk1@example.org"), Desk: desk1), (Clerk: await ClerkAsync("clerk2@example.org"), Desk: desk2) };

        var statuses = new ConcurrentBag<HttpStatusCode>();
        var called = new ConcurrentBag<string>();
        for (var round = 0; round < 10; round++)
        {
            var calls = clerks.SelectMany(c => Enumerable.Range(0, 5).Select(async _ =>
            {
                var response = await c.Clerk.PostAsync(c.Desk, "call-next");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                    called.Add((await response.Content.ReadFromJsonAsync<CalledPerson>())!.Label);
            }));
            await Task.WhenAll(calls);
            foreach (var (clerk, desk) in clerks)
            {
                var complete = await clerk.PostAsync(desk, "complete");
                Assert.Contains(complete.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            }
        }

        Assert.Equal(100, statuses.Count);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Conflict }));
        Assert.Equal(called.Count, called.Distinct().Count());
        Assert.Equal(booked.Select(b => b.Label).Concat(tickets).Order(), called.Order());
        foreach (var b in booked)
            Assert.Equal(BookingStatus.Served, await StatusAsync(b));
    }

    [Fact]
    public async Task FiftySimultaneousScansOfOneQr_CheckInOnce()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 0), "scanner");
        At(8, 50);
        var version = await VersionAsync();
        var rowVersion = (await RowAsync(booked)).Version;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => await PostScanAsync(booked.Qr)));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var statuses = await Task.WhenAll(answers.Select(async r => (await r.Content.ReadFromJsonAsync<CheckInResult>())!.Status));
        Assert.Single(statuses, "CheckedIn");
        Assert.Equal(49, statuses.Count(s => s == "AlreadyCheckedIn"));
        Assert.Equal(version + 1, await VersionAsync());
        var row = await RowAsync(booked);
        Assert.Equal((BookingStatus.CheckedIn, rowVersion + 1), (row.Status, row.Version));
    }
}

/// <summary>The same live-day races on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class RaceTestsOnPostgres : RaceTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
