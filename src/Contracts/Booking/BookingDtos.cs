namespace Rantevou.Contracts.Booking;

/// <summary>A bookable service as the home page and <c>GET /api/services</c> show it (R1, R10).</summary>
public sealed record ServiceDto(int Id, string Name, string Group, int DurationMinutes, IReadOnlyList<string> Documents);

/// <summary>A free start time, in office local time with its offset.</summary>
public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Body of <c>POST /api/bookings</c>. Start is ISO 8601; without an offset it is office local time.</summary>
public sealed record CreateBookingRequest(int? ServiceId, string? Start, string? FullName, string? Email, string? Mobile);

/// <summary>201 answer of <c>POST /api/bookings</c>. The confirmation token is never here: it travels only by email.</summary>
public sealed record BookingCreatedDto(string Code, string Status, DateTimeOffset Start, int DeskId, string ManageToken);

public sealed record RescheduleRequest(string? Start);

/// <summary>A booking as its holder sees it.</summary>
public sealed record BookingDto(
    string Code,
    string Status,
    int ServiceId,
    string ServiceName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int DeskId,
    string DeskName,
    string FullName,
    string Email,
    string Mobile,
    DateTimeOffset? HoldUntil);
