using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>One desk, one time, 200 people at once: the database lets exactly one through.</summary>
public class OneSlotRaceTests : IDisposable
{
    readonly RantevouApp app;

    public OneSlotRaceTests()
        : this(TestDatabase.Sqlite)
    {
    }

    protected OneSlotRaceTests(TestDatabase database) => app = new RantevouApp { Database = database };

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TwoHundredConcurrentBookings_ForTheOnlyDesksSlot_ExactlyOne201_Rest409_No5xx()
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        // Only desk 1 stays open, so the time is one desk's slot.
        await app.WithDbAsync(db => db.Desks.Where(d => d.Number != 1).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));
        var start = (await http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2)))[6].Start.ToString("O");

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            http.PostAsJsonAsync("/api/bookings", new CreateBookingRequest(service.Id, start, "Πολίτης Δοκιμής", $"p{i}@example.org", "6941234567"))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(199, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).Take(5))
            Assert.Equal("SlotTaken", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync()));
    }
}

/// <summary>The same race on PostgreSQL, where the serializable booking transactions also lose to each other and are retried.</summary>
[Trait("Database", "PostgreSql")]
public sealed class OneSlotRaceTestsOnPostgres() : OneSlotRaceTests(TestDatabase.PostgreSql);
