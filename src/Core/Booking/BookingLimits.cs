using System.ComponentModel.DataAnnotations;

namespace Rantevou.Core.Booking;

/// <summary>
/// R12: how much one person (by email or mobile) may book (section Rantevou:Limits): the values a new office starts with
/// (<see cref="Offices.OfficeDefaults"/>); the office's own settings decide after that.
/// </summary>
public sealed class BookingLimits
{
    /// <summary>Upcoming bookings of one service one person may hold at once.</summary>
    [Range(1, 1000000)]
    public int ActivePerService { get; set; } = 1;

    /// <summary>Bookings one person may hold for one day, over all services.</summary>
    [Range(1, 1000000)]
    public int PerDay { get; set; } = 3;

    /// <summary>R12: after this many no-shows within <see cref="NoShowWindowDays"/>, a person cannot book online (0: never).</summary>
    [Range(0, 1000)]
    public int NoShowLimit { get; set; } = 3;

    [Range(1, 3650)]
    public int NoShowWindowDays { get; set; } = 90;
}
