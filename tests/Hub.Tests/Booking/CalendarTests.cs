using System.Net;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>R1: free times follow the office's calendar in Europe/Athens: holidays, half days and daylight saving.</summary>
public sealed class CalendarTests : AppTest
{
    [Theory]
    [InlineData("2026-12-25")] // Christmas Day
    [InlineData("2026-12-26")] // Second day of Christmas, a Saturday anyway
    [InlineData("2026-12-06")] // Sunday
    [InlineData("2027-01-06")] // Epiphany
    [InlineData("2026-11-30")] // yesterday
    [InlineData("2027-03-01")] // beyond the 60-day horizon
    public async Task ClosedOrUnbookableDay_HasNoFreeTimes(string date)
    {
        var service = await ServiceAsync();
        Assert.Empty(await Http.AvailabilityAsync(service.Id, DateOnly.Parse(date)));
    }

    [Fact]
    public async Task ChristmasEve_ClosesAt1300()
    {
        var service = await ServiceAsync();
        var slots = await Http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 24));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 8, 0, 0, TimeSpan.FromHours(2)), slots[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 13, 0, 0, TimeSpan.FromHours(2)), slots.Max(s => s.End));
    }

    [Fact]
    public async Task Today_StartsAfterTheCutoff()
    {
        var service = await ServiceAsync();
        var slots = await Http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 1));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2)), slots[0].Start);
    }

    [Fact]
    public async Task AfterDaylightSavingStarts_DayStillOpensAt0800Local_AndBooksInLocalTime()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 22, 6, 0, 0, TimeSpan.Zero));
        var service = await ServiceAsync();
        var monday = new DateOnly(2027, 3, 29); // the day after the clocks go forward

        var slots = await Http.AvailabilityAsync(service.Id, monday);
        var booked = await Http.BookAsync(service.Id, new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.FromHours(3)));

        Assert.Equal(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.FromHours(3)), slots[0].Start);
        Assert.Equal(TimeSpan.FromHours(3), slots[0].Start.Offset);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 14, 0, 0, TimeSpan.FromHours(3)), slots.Max(s => s.End));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(new DateTime(2027, 3, 29, 5, 0, 0, DateTimeKind.Utc), (await Db(db => Task.FromResult(db.Bookings.Single()))).StartUtc);
    }

    [Fact]
    public async Task StartWithoutOffset_IsReadAsOfficeLocalTime()
    {
        var service = await ServiceAsync();
        var response = await Http.PostAsync("/api/bookings", System.Net.Http.Json.JsonContent.Create(
            new Contracts.Booking.CreateBookingRequest(service.Id, "2026-12-02T10:00", "Μαρία Παπαδοπούλου", "maria@example.org", "6941234567")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), (await Db(db => Task.FromResult(db.Bookings.Single()))).StartUtc);
    }
}
