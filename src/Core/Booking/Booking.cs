namespace Rantevou.Core.Booking;

public enum BookingStatus
{
    /// <summary>Made, waiting for the person to confirm from the email link (R7).</summary>
    Pending,
    Confirmed,
    Cancelled,
    /// <summary>Never confirmed within the hold time; the slot went back.</summary>
    Released,
    /// <summary>R5: too late to be served; cancelled automatically.</summary>
    Expired,
    /// <summary>R9: missing or wrong details; not served.</summary>
    Void,
}

public sealed class Booking
{
    public Guid Id { get; set; }

    /// <summary>Public, unguessable code (shown on the display, encoded in the QR).</summary>
    public required string Code { get; set; }

    public int OfficeId { get; set; }
    public int ServiceId { get; set; }
    public int DeskId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    /// <summary>The service time when booked (R11: later changes to the service do not move bookings).</summary>
    public int DurationMinutes { get; set; }

    public BookingStatus Status { get; set; }
    public required string FullName { get; set; }
    public required string Email { get; set; }
    public required string Mobile { get; set; }

    /// <summary>The language the person booked in; emails follow it.</summary>
    public string Culture { get; set; } = "el";

    public DateTime CreatedUtc { get; set; }
    public DateTime? HoldUntilUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public string? StatusReason { get; set; }

    /// <summary>Bumped on every change; conditional updates compare it.</summary>
    public int Version { get; set; }

    public static bool OccupiesSlot(BookingStatus s) => s is BookingStatus.Pending or BookingStatus.Confirmed;
    public bool IsActive => OccupiesSlot(Status);
}

/// <summary>
/// One base time unit of one desk taken by a booking. The primary key (desk, unit start)
/// is what makes a double booking impossible in the database itself, on every provider.
/// Rows are deleted when the booking stops occupying its time.
/// </summary>
public sealed class SlotClaim
{
    public const int UnitMinutes = 5;

    public int DeskId { get; set; }
    public DateTime UnitStartUtc { get; set; }
    public Guid BookingId { get; set; }

    public static IEnumerable<SlotClaim> For(Booking b)
    {
        for (var t = b.StartUtc; t < b.EndUtc; t = t.AddMinutes(UnitMinutes))
            yield return new SlotClaim { DeskId = b.DeskId, UnitStartUtc = t, BookingId = b.Id };
    }
}
