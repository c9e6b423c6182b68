namespace Rantevou.Core.Queue;

/// <summary>
/// The orders the queue applies, each total (ties end on the id), so that the same facts give the
/// same answer whatever order the caller lists them in.
/// </summary>
internal static class QueueOrder
{
    /// <summary>
    /// R13: an interrupted walk-in goes back to the front; R6: then priority tickets; then ticket
    /// order (the number, which the kiosk issues in sequence).
    /// </summary>
    public static IEnumerable<QueuedWalkIn> WalkIns(IEnumerable<QueuedWalkIn> tickets) =>
        tickets.OrderByDescending(t => t.Interrupted)
            .ThenByDescending(t => t.Priority)
            .ThenBy(t => t.Number)
            .ThenBy(t => t.IssuedUtc)
            .ThenBy(t => t.Id);

    /// <summary>True when <paramref name="a"/> goes before <paramref name="b"/> in <see cref="WalkIns"/>.</summary>
    public static bool Before(QueuedWalkIn a, QueuedWalkIn b) =>
        (a.Interrupted, b.Interrupted) switch
        {
            (true, false) => true,
            (false, true) => false,
            _ => (a.Priority, b.Priority) switch
            {
                (true, false) => true,
                (false, true) => false,
                _ => (a.Number, a.IssuedUtc, a.Id).CompareTo((b.Number, b.IssuedUtc, b.Id)) < 0,
            },
        };

    /// <summary>
    /// Due appointments of people in the room: who became ready first goes first. For people who came
    /// in time this is scheduled order (R3); a late person (R5) queues from their check-in, so being
    /// late never pushes back someone who came in time.
    /// </summary>
    public static IEnumerable<QueuedAppointment> Due(IEnumerable<QueuedAppointment> appointments) =>
        appointments.OrderBy(a => a.ReadyUtc).ThenBy(a => a.StartUtc).ThenBy(a => a.Id);

    /// <summary>R5: deferred appointments keep the order of their original times.</summary>
    public static IEnumerable<QueuedAppointment> Scheduled(IEnumerable<QueuedAppointment> appointments) =>
        appointments.OrderBy(a => a.StartUtc).ThenBy(a => a.Id);

    /// <summary>
    /// The desk's next appointment that has not started yet and is still to be served, leaving out
    /// <paramref name="except"/>. Appointments already due but not checked in do not hold the desk:
    /// R3 serves the one who arrives in time; if they come late, the kiosk asks <see cref="LateArrivalPolicy"/>.
    /// </summary>
    public static QueuedAppointment? NextStart(IEnumerable<QueuedAppointment> appointments, DateTime nowUtc, Guid? except = null) =>
        Scheduled(appointments.Where(a => a.IsLive && a.StartUtc > nowUtc && a.Id != except)).FirstOrDefault();

    public static bool Fits(DateTime startUtc, int serviceMinutes, DateTime limitUtc) =>
        startUtc.AddMinutes(serviceMinutes) <= limitUtc;

    public static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;

    public static DateTime Max(DateTime a, DateTime b) => a >= b ? a : b;

    /// <summary>Whole minutes, rounded down: "next appointment in X min" never promises more time than there is.</summary>
    public static int FloorMinutes(TimeSpan span) => (int)Math.Floor(span.TotalMinutes);

    /// <summary>Whole minutes, rounded up: a wait is never shown shorter than it is.</summary>
    public static int CeilMinutes(TimeSpan span) => (int)Math.Ceiling(span.TotalMinutes);
}
