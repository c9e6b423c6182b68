using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>Principle 2: races are decided by the slot-claim key in the database; a lost race is a 409, never a 500.</summary>
public class ConcurrencyTests : AppTest
{
    [Fact]
    public async Task ConcurrentBookings_ForOneTime_EachDeskServingTheServiceWinsOnce_RestGet409()
    {
        var service = await ServiceAsync();
        var desks = await DesksServingAsync(service.Id);
        Assert.True(desks.Count > 1, "the demo serves each service at several desks");
        var start = (await FreeStartsAsync(service.Id, Wednesday))[6];

        var answers = await AllAtOnceAsync(200, i => Http.BookAsync(service.Id, start, email: $"person{i}@example.org"));

        Assert.Equal(desks.Count, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Equal(MessageKeys.SlotTaken, a.Code);
        });
        var active = await ActiveBookingsAsync();
        Assert.Equal(desks, active.Select(b => b.DeskId).Order().ToList());
        Assert.All(active, b => Assert.Equal(start.UtcDateTime, b.StartUtc));
        await AssertNoOverlapOnAnyDeskAsync();
    }

    [Fact]
    public async Task ConcurrentBookings_AtOverlappingTimesAndServices_NeverOverlapOnADesk()
    {
        var services = (await Http.ServicesAsync()).Take(4).ToList();
        var starts = (await FreeStartsAsync(services[0].Id, Wednesday)).Take(8).ToList();

        var answers = await AllAtOnceAsync(200, i =>
            Http.BookAsync(services[i % services.Count].Id, starts[i / services.Count % starts.Count], email: $"p{i}@example.org"));

        Assert.DoesNotContain(answers, a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        var won = answers.Count(a => a.Status == HttpStatusCode.Created);
        Assert.InRange(won, 2, 199);
        Assert.Equal(won, (await ActiveBookingsAsync()).Count);
        await AssertNoOverlapOnAnyDeskAsync();
    }

    [Fact]
    public async Task RescheduleAndNewBooking_RaceForOneDesksTime_ExactlyOneWins_OtherGets409()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        var thursday = Wednesday.AddDays(1);
        var unitsPerBooking = service.DurationMinutes / SlotClaim.UnitMinutes;
        var targets = (await FreeStartsAsync(service.Id, thursday)).Where((_, i) => i % unitsPerBooking == 0).Take(8).ToList();
        var moving = new List<BookingCreatedDto>();
        foreach (var _ in targets)
            moving.Add(await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "mover@example.org"));

        // Each pair races for one target time: a booking moving there and a new booking for it.
        var answers = await AllAtOnceAsync(targets.Count * 2, i => i % 2 == 0
            ? RescheduleAsync(moving[i / 2], targets[i / 2])
            : Http.BookAsync(service.Id, targets[i / 2], email: $"newcomer{i}@example.org"));

        for (var pair = 0; pair < targets.Count; pair++)
        {
            var (move, book) = (answers[pair * 2], answers[pair * 2 + 1]);
            Assert.True(move.Status == HttpStatusCode.OK ^ book.Status == HttpStatusCode.Created, $"pair {pair}: {move.Status} / {book.Status}");
            Assert.Equal(HttpStatusCode.Conflict, move.Status == HttpStatusCode.OK ? book.Status : move.Status);
            var atTarget = await Db(db => db.Bookings.Where(b => b.StartUtc == targets[pair].UtcDateTime).ToListAsync());
            Assert.Single(atTarget, b => b.IsActive);
            var mover = await BookingAsync(moving[pair].Code);
            Assert.True(mover.IsActive);
            Assert.Equal(move.Status == HttpStatusCode.OK, mover.StartUtc == targets[pair].UtcDateTime);
        }
        await AssertNoOverlapOnAnyDeskAsync();
    }

    [Fact]
    public async Task ConcurrentChangesToOneBooking_ApplyOneAtATime_EachTold_LosersGet409()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        var targets = (await FreeStartsAsync(service.Id, Wednesday.AddDays(1))).Take(6).ToList();
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var answers = await AllAtOnceAsync(12, i => i < targets.Count ? RescheduleAsync(created, targets[i]) : CancelAsync(created));

        // Changes that read the same version: one applies, the others are told it changed meanwhile.
        // A change that read after another applied may apply too: the outcome is some serial order.
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains(a.Code, new[] { MessageKeys.ChangedMeanwhile, MessageKeys.NotChangeable });
        });
        var applied = answers.Select((a, i) => (a, i)).Where(x => x.a.Status == HttpStatusCode.OK).Select(x => x.i).ToList();
        Assert.NotEmpty(applied);
        Assert.True(applied.Count(i => i >= targets.Count) <= 1, "cancelled twice");
        var kinds = await MailKindsAsync(await IdOfAsync(created.Code));
        Assert.Equal(applied.Count + 1, kinds.Count);
        Assert.Equal(applied.Count(i => i < targets.Count), kinds.Count(k => k == "Rescheduled"));
        var booking = await BookingAsync(created.Code);
        if (applied.Any(i => i >= targets.Count))
            Assert.Equal(BookingStatus.Cancelled, booking.Status);
        else
            Assert.Contains(booking.StartUtc, applied.Select(i => targets[i].UtcDateTime));
        await AssertNoOverlapOnAnyDeskAsync();
    }

    sealed record Answer(HttpStatusCode Status, string? Code);

    /// <summary>Starts every request together (a gate, not a timer) and reads each answer's status and problem code.</summary>
    static async Task<List<Answer>> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> request)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            using var response = await request(i);
            string? code = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                code = (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Extensions["code"]?.ToString();
            return new Answer(response.StatusCode, code);
        })).ToList();
        gate.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }

    Task<List<Core.Booking.Booking>> ActiveBookingsAsync() =>
        Db(db => db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed).ToListAsync());

    /// <summary>No two active bookings share a moment at one desk, and every active booking holds exactly its own time units.</summary>
    async Task AssertNoOverlapOnAnyDeskAsync()
    {
        var active = await ActiveBookingsAsync();
        foreach (var desk in active.GroupBy(b => b.DeskId))
        {
            var ordered = desk.OrderBy(b => b.StartUtc).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i - 1].EndUtc <= ordered[i].StartUtc, $"desk {desk.Key}: {ordered[i - 1].Code} overlaps {ordered[i].Code}");
        }
        var claims = await Db(db => db.SlotClaims.AsNoTracking().ToListAsync());
        Assert.Equal(active.Sum(b => b.DurationMinutes / SlotClaim.UnitMinutes), claims.Count);
        Assert.All(active, b => Assert.Equal(
            SlotClaim.For(b).Select(c => (c.DeskId, c.UnitStartUtc)).ToHashSet(),
            claims.Where(c => c.BookingId == b.Id).Select(c => (c.DeskId, c.UnitStartUtc)).ToHashSet()));
    }
}

/// <summary>The same races on PostgreSQL: row locks and serializable transactions instead of SQLite's single writer.</summary>
[Trait("Database", "PostgreSql")]
public sealed class ConcurrencyTestsOnPostgres : ConcurrencyTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
