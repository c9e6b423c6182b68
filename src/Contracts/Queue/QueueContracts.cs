namespace Rantevou.Contracts.Queue;

public static class HubPaths
{
    public const string Queue = "/hubs/queue";
}

/// <summary>
/// What the hub pushes to displays, kiosks, clerk screens and citizens' live pages. Every change carries the office-day
/// version and the office's snapshot after it: a client that missed one (or reconnects) asks for
/// <see cref="IQueueHub.GetSnapshot"/>.
/// </summary>
public interface IQueueClient
{
    /// <summary>
    /// One committed change (or a burst of them) with the office's snapshot after it, in one message: built once and
    /// serialised once for every screen of the office, so a screen that gets it asks for nothing. Changes from several
    /// nodes may arrive out of order: a client keeps the newest snapshot it has.
    /// </summary>
    Task QueueChanged(QueueChange change);

    /// <summary>
    /// The office day's current version, sent now and then by the node the client is connected to (and at once when
    /// that node's backplane connection comes back): a client whose last version differs missed something and resyncs.
    /// </summary>
    Task QueueVersion(long version);

    /// <summary>
    /// The office's clock, at each office-local minute (R5, R13): the rules depend on time as well as on changes (an
    /// appointment falls due, a late arrival expires) without any event. It comes with the office's snapshot of that
    /// minute, built and serialised once for all the node's screens of the office (null if it could not be built: the
    /// screen then asks).
    /// </summary>
    Task QueueClock(DateTimeOffset now, QueueSnapshot? snapshot);
}

/// <summary>The methods clients call on the hub.</summary>
public interface IQueueHub
{
    /// <summary>Displays, kiosks and live pages join their office (slug, or null for the first office) and get the snapshot.</summary>
    Task<QueueSnapshot> JoinOffice(string? office);

    Task<QueueSnapshot> GetSnapshot(string? office);

    /// <summary>
    /// The snapshot after an event, a version beat or the clock: the server answers from the snapshot it already built
    /// for that version (or a newer one) in this minute, so a change costs one build however many screens ask.
    /// </summary>
    Task<QueueSnapshot> GetSnapshotAtLeast(string? office, long version);
}

public enum QueueEventKind
{
    CheckedIn,
    Deferred,
    WalkInIssued,
    Called,
    Recalled,
    Completed,
    NoShow,
    Interrupted,
    Expired,
    Voided,
    DayClosed,
    /// <summary>R11: an admin change (service off, day closed, desk off) cancelled the booking.</summary>
    CancelledByOffice,
    /// <summary>The holder or an agent booked, confirmed, cancelled or moved a booking of today, or its hold ran out.</summary>
    BookingChanged,
    /// <summary>An admin opened today again after closing it early: the screens stop showing the office closed.</summary>
    DayReopened,
    /// <summary>An admin added a desk, or switched one on or off (R11): displays show the office's desks as they now are.</summary>
    DesksChanged,
}

/// <summary>
/// What a change pushes: its events in the order they were committed, <paramref name="Version"/> the newest of them, and
/// the office's snapshot after them (its version at least <paramref name="Version"/>), or null when it could not be
/// built (the database was busy or down): the client then asks for it.
/// </summary>
public sealed record QueueChange(long Version, IReadOnlyList<QueueEvent> Events, QueueSnapshot? Snapshot);

/// <summary>One change of the office day. Codes, desks and times only: never names, emails or phones (principle 6).</summary>
public sealed record QueueEvent(
    long Version,
    QueueEventKind Kind,
    string? Code,
    int? DeskNumber,
    DateTimeOffset At);

/// <summary>
/// What a display shows (GET /api/queue/snapshot): who is served where, everyone waiting for an appointment in the order
/// they will be served (due and here first, then by time, then the deferred), and the walk-in order.
/// <paramref name="Desks"/>: the numbers of the office's active desks, busy or free, so a wall shows an idle desk too and
/// follows an admin adding or switching off one without being reloaded.
/// </summary>
public sealed record QueueSnapshot(
    long Version,
    string Office,
    DateOnly Day,
    DateTimeOffset Now,
    bool Closed,
    IReadOnlyList<ServingNow> Serving,
    IReadOnlyList<NextAppointment> Next,
    IReadOnlyList<WaitingWalkIn> Walkins,
    IReadOnlyList<int> Desks);

/// <summary>
/// The person a desk has called. <paramref name="Overdue"/>: called far longer ago than their service takes (twice its
/// time, and at least 15 minutes over it), most likely served without "complete": displays stop showing the code as
/// served now, and the clerk screen can ask the clerk to finish it.
/// </summary>
public sealed record ServingNow(int DeskNumber, string Code, bool WalkIn, DateTimeOffset CalledAt, bool Overdue = false);

/// <summary>
/// An appointment still to be served today. <paramref name="Due"/>: the person is here and their time has come (R3), or
/// they came late and may still be served (R5); <paramref name="Deferred"/>: served after the scheduled appointments
/// (R5 end of day, R13 interrupted).
/// </summary>
public sealed record NextAppointment(DateTimeOffset Time, string Code, int DeskNumber, bool CheckedIn, bool Due = false, bool Deferred = false);

/// <summary>
/// A waiting walk-in ticket, in the display's call order. Position is the ticket's place among the tickets waiting for
/// its own service's desks (1 = next there), as the kiosk and the ticket's page say it; the wait is -1 when not known.
/// </summary>
public sealed record WaitingWalkIn(string Ticket, int Position, bool Priority, int EstimatedWaitMinutes);
