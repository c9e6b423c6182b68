using Rantevou.Core.Booking;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Tests.Booking;

/// <summary>
/// R7: until when a citizen may confirm a booking an agent made for them. An unconfirmed time goes back while others can
/// still book it (the office's 60-minute cutoff before the start), yet the citizen always has the office's 30-minute
/// hold, and never past the start.
/// </summary>
public sealed class CitizenConfirmByTests
{
    static readonly Office Office = new() { Slug = "t", NameEl = "t", NameEn = "t", BookingCutoffMinutes = 60, HoldMinutes = 30 };
    static readonly DateTime Now = new(2026, 12, 2, 6, 53, 0, DateTimeKind.Utc);

    [Theory]
    // Booked the day before, 24 hours to confirm: not 7 minutes before the start, but when others can last book it.
    [InlineData(24 * 60 + 7, 24 * 60, 24 * 60 + 7 - 60)]
    // Far ahead: the configured day.
    [InlineData(7 * 24 * 60, 24 * 60, 24 * 60)]
    // Short notice: the hold time, not a minute.
    [InlineData(65, 24 * 60, 30)]
    // A configured time shorter than the hold stands.
    [InlineData(7 * 24 * 60, 10, 10)]
    public void TheCitizenConfirmsBy(int startInMinutes, int confirmMinutes, int expectedInMinutes) =>
        Assert.Equal(Now.AddMinutes(expectedInMinutes),
            BookingService.CitizenConfirmBy(Now, Now.AddMinutes(startInMinutes), Office, confirmMinutes));

    [Fact]
    public void NeverPastTheStart() =>
        Assert.Equal(Now.AddMinutes(20), BookingService.CitizenConfirmBy(Now, Now.AddMinutes(20), Office, 24 * 60));
}
