namespace Rantevou.Contracts.Queue;

public sealed record CheckInRequest(string? Qr);

/// <summary>
/// The kiosk's answer (API.md). Status is one of: CheckedIn, Late, Deferred, Early, WrongDay, NotConfirmed,
/// Cancelled, Expired, Void, AlreadyCheckedIn, Unknown, Closed. Message is in the kiosk's language.
/// </summary>
public sealed record CheckInResult(
    string? Code,
    string Status,
    int? Desk,
    string Message,
    DateTimeOffset? ExpectedAt = null,
    bool? EndOfDayFits = null,
    DateTimeOffset? EndOfDayEstimate = null);

public sealed record WalkInRequest(int? ServiceId, string? Priority);

public sealed record WalkInResult(string Ticket, int Position, int EstimatedWaitMinutes, string Code, string LiveUrl);

/// <summary>A desk and the services it serves (GET /api/desks).</summary>
public sealed record DeskDto(int Id, int Number, string Name, IReadOnlyList<int> Services);

/// <summary>The person a clerk has in front of them (never shown on public screens).</summary>
public sealed record CalledPerson(
    string Code,
    bool WalkIn,
    string Label,
    int ServiceId,
    string ServiceName,
    int DurationMinutes,
    DateTimeOffset CalledAt,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? CheckedInAt,
    bool Late,
    string? FullName,
    IReadOnlyList<string> Documents);
