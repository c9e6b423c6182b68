namespace Rantevou.Contracts.Queue;

public sealed record CheckInRequest(string? Qr);

/// <summary>
/// The kiosk's answer (API.md). Status is one of: CheckedIn, Late, Deferred, Early, WrongDay, NotConfirmed,
/// Cancelled, Expired, Void, AlreadyCheckedIn, Unknown, Closed. Message is in the kiosk's language.
/// EndOfDaySoon: the end-of-day estimate falls within the next minute (the kiosk says "in a few minutes", not a time).
/// </summary>
public sealed record CheckInResult(
    string? Code,
    string Status,
    int? Desk,
    string Message,
    DateTimeOffset? ExpectedAt = null,
    bool? EndOfDayFits = null,
    DateTimeOffset? EndOfDayEstimate = null,
    bool? EndOfDaySoon = null);

public sealed record WalkInRequest(int? ServiceId, string? Priority);

/// <summary>Whether the kiosk issues walk-in tickets now; when not, when the office opens (office time) and why, in words.</summary>
public sealed record WalkInHoursResult(bool Open, DateTimeOffset? OpensAt, string? Message);

public sealed record WalkInResult(string Ticket, int Position, int EstimatedWaitMinutes, string Code, string LiveUrl);

/// <summary>A desk and the services it serves (GET /api/desks).</summary>
public sealed record DeskDto(int Id, int Number, string Name, IReadOnlyList<int> Services);

/// <summary>The person a clerk has in front of them (never shown on public screens); the note is the booking agent's (R7).</summary>
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
    IReadOnlyList<string> Documents,
    string? Note = null);

public sealed record VoidRequest(string? Reason);

/// <summary>A desk's day as the clerk screen shows it (R4: the screen advises, the clerk decides).</summary>
public sealed record DeskDay(
    int DeskId,
    int Number,
    string Name,
    long Version,
    CalledPerson? Current,
    DeskAdvice Advice,
    DeskInterruption? Interruption,
    IReadOnlyList<DeskAppointment> Appointments,
    IReadOnlyList<DeskWalkIn> Walkins,
    IReadOnlyList<DeskWaitingElsewhere>? WaitingElsewhere = null);

/// <summary>
/// R3: a due appointment whose person is here, booked at a desk nobody is working; this desk serves its service and may
/// call it with <c>call-next?code=</c>.
/// </summary>
public sealed record DeskWaitingElsewhere(string Code, DateTimeOffset Start, int DeskNumber, string ServiceName);

/// <summary>What "call next" would do now, in words and numbers ("next appointment in X min, this service takes about Y min").</summary>
/// <param name="IfClerkJudgesGap">R6: nobody fits the gap by the service times; the walk-in "call next" with <c>?gap=judged</c> calls.</param>
public sealed record DeskAdvice(string Reason, string Message, string? NextLabel, int? NextServiceMinutes, int? MinutesToNextAppointment, int MinutesToClose,
    string? IfClerkJudgesGap = null);

/// <summary>R13: the next appointment is due while someone else is served.</summary>
public sealed record DeskInterruption(string Reason, string Message, int MinutesOverdue, int ServingMinutesLeft);

/// <param name="CheckInBy">R5: for an appointment whose time has come with nobody checked in, until when the kiosk still takes them.</param>
public sealed record DeskAppointment(string Code, DateTimeOffset Start, int DurationMinutes, string Status, bool Late, string FullName, string ServiceName, DateTimeOffset? CheckedInAt, string? Note = null,
    DateTimeOffset? CheckInBy = null);

public sealed record DeskWalkIn(string Ticket, int Position, bool Priority, string ServiceName, int DurationMinutes, int EstimatedWaitMinutes);

/// <summary>
/// A walk-in ticket as its live page shows it (GET /api/walkins/{code}, R6). Status: Waiting, Called, Served, NoShow, Closed.
/// Position and estimate while waiting (estimate -1 when not expected today); the desk once called. No personal data.
/// </summary>
public sealed record WalkInStatus(
    string Ticket,
    string Status,
    string Office,
    string ServiceName,
    DateTimeOffset IssuedAt,
    int? Position,
    int? EstimatedWaitMinutes,
    int? Desk,
    DateTimeOffset? CalledAt);

/// <summary>
/// A booking's live state for its own page <c>/b/{code}</c>: where it stands today, the desk once called, and an
/// estimate of when it will be called with how many go first. <paramref name="CheckInBy"/>: its time has passed and
/// nobody checked in; after this instant it expires (R5).
/// </summary>
public sealed record BookingLive(
    string Status,
    bool Today,
    string Office,
    int? Desk,
    DateTimeOffset? CalledAt,
    DateTimeOffset? EstimatedCallAt,
    int? Ahead,
    DateTimeOffset Start,
    DateTimeOffset? CheckInBy);
