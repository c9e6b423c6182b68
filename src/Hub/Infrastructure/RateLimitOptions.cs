using System.ComponentModel.DataAnnotations;

namespace Rantevou.Hub.Infrastructure;

/// <summary>Per-client request limits, with defaults in code (section Rantevou:RateLimits).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Bookings made or changed per client address per minute.</summary>
    [Range(1, int.MaxValue)]
    public int BookingPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per client address per minute (on top of the account lockout).</summary>
    [Range(1, int.MaxValue)]
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>Kiosk calls per client address per minute: a kiosk in a busy lobby scans a lot.</summary>
    [Range(1, int.MaxValue)]
    public int KioskPerMinute { get; set; } = 300;

    /// <summary>R6: walk-in tickets per registered kiosk per minute — about what a lobby's receipt printer prints.</summary>
    [Range(1, int.MaxValue)]
    public int TicketsPerKioskPerMinute { get; set; } = 6;
}
