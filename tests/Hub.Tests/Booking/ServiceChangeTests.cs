using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>R11: service times change as conditions require, and that never moves or corrupts a booking already made.</summary>
public sealed class ServiceChangeTests : AppTest
{
    [Theory]
    [InlineData(+20)]
    [InlineData(-5)]
    public async Task ServiceDurationChange_LeavesExistingBookingsEndAndClaims(int change)
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        var start = (await FreeStartsAsync(service.Id, Wednesday))[12];
        var created = await Http.BookOkAsync(service.Id, start);
        var before = await BookingAsync(created.Code);
        var claimsBefore = await ClaimsAsync(before.Id);

        await SetDurationAsync(service.Id, service.DurationMinutes + change);

        var after = await BookingAsync(created.Code);
        Assert.Equal(service.DurationMinutes, after.DurationMinutes);
        Assert.Equal(before.EndUtc, after.EndUtc);
        Assert.Equal(claimsBefore, await ClaimsAsync(before.Id));
        var dto = await Http.GetFromJsonAsync<BookingDto>($"/api/bookings/{created.Code}?token={created.ManageToken}");
        Assert.Equal(start.AddMinutes(service.DurationMinutes), dto!.End);

        // Free times follow the new duration but still respect the booking's own end.
        var slots = await Http.AvailabilityAsync(service.Id, Wednesday);
        Assert.All(slots, s => Assert.Equal(service.DurationMinutes + change, (s.End - s.Start).TotalMinutes));
        Assert.DoesNotContain(slots, s => s.Start < dto.End && s.End > dto.Start);
        Assert.Contains(slots, s => s.Start == dto.End);
    }

    [Fact]
    public async Task RescheduleAfterServiceChange_KeepsTheDurationItWasBookedWith()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        await SetDurationAsync(service.Id, service.DurationMinutes + 20);
        var target = (await FreeStartsAsync(service.Id, Wednesday.AddDays(1)))[6];

        var moved = await RescheduleAsync(created, target);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var booking = await BookingAsync(created.Code);
        Assert.Equal(target.UtcDateTime, booking.StartUtc);
        Assert.Equal(target.UtcDateTime.AddMinutes(service.DurationMinutes), booking.EndUtc);
        Assert.Equal(service.DurationMinutes / SlotClaim.UnitMinutes, (await ClaimsAsync(booking.Id)).Count);

        var fresh = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday.AddDays(2)))[0], "new@example.org");
        Assert.Equal(service.DurationMinutes + 20, (await BookingAsync(fresh.Code)).DurationMinutes);
    }

    /// <summary>As an admin's change does: the new time and the office's configuration version together (ADR 0016).</summary>
    Task SetDurationAsync(int serviceId, int minutes) => Db(async db =>
    {
        await db.Services.Where(s => s.Id == serviceId).ExecuteUpdateAsync(u => u.SetProperty(s => s.DurationMinutes, minutes));
        await db.Offices.ExecuteUpdateAsync(u => u.SetProperty(o => o.ConfigVersion, o => o.ConfigVersion + 1));
        return 0;
    });

    Task<List<(int, DateTime)>> ClaimsAsync(Guid bookingId) => Db(async db =>
        (await db.SlotClaims.Where(c => c.BookingId == bookingId).OrderBy(c => c.UnitStartUtc).ToListAsync())
        .Select(c => (c.DeskId, c.UnitStartUtc)).ToList());
}
