namespace Rantevou.Core.Queue;

/// <summary>Where one appointment of the day stands, as the queue sees it.</summary>
public enum AppointmentState
{
    /// <summary>Booked for today, not checked in yet.</summary>
    Expected,

    /// <summary>R3: checked in at the kiosk at or before its start.</summary>
    CheckedIn,

    /// <summary>R5: checked in after its start, and the kiosk judged the desk could still fit it.</summary>
    Late,

    /// <summary>R5, R13: to be served after all scheduled appointments and before closing, as the person chose.</summary>
    Deferred,

    /// <summary>At the desk now.</summary>
    Serving,

    Served,

    /// <summary>Never came.</summary>
    NoShow,

    /// <summary>R5: too late to be served; cancelled automatically.</summary>
    Expired,
}

/// <summary>Whether a person in the queue holds an appointment or a walk-in ticket (R6).</summary>
public enum PersonKind
{
    Appointment,
    WalkIn,
}

/// <summary>
/// One appointment of one desk for the day. <paramref name="ServiceMinutes"/> is the time the
/// service takes (R4), which may be shorter than the booked slot
/// [<paramref name="StartUtc"/>, <paramref name="EndUtc"/>).
/// </summary>
public sealed record QueuedAppointment(
    Guid Id,
    DateTime StartUtc,
    DateTime EndUtc,
    int ServiceMinutes,
    AppointmentState State,
    DateTime? CheckedInUtc = null)
{
    /// <summary>Still to be served at its time: it holds the desk from its start.</summary>
    internal bool IsLive => State is AppointmentState.Expected or AppointmentState.CheckedIn or AppointmentState.Late;

    /// <summary>In the waiting room and entitled to its slot.</summary>
    internal bool IsPresent => State is AppointmentState.CheckedIn or AppointmentState.Late;

    /// <summary>
    /// When the person became ready to be served: the start for someone who came in time, the
    /// check-in for someone late (R3: arriving in time is what earns the slot).
    /// </summary>
    internal DateTime ReadyUtc =>
        State == AppointmentState.Late && CheckedInUtc is { } c && c > StartUtc ? c : StartUtc;
}

/// <summary>
/// A walk-in ticket from the kiosk (R6). <paramref name="Priority"/> marks people the office serves
/// first (disability, pregnancy, elderly). <paramref name="Interrupted"/> is set when serving the
/// person was interrupted for an appointment (R13); they go back to the front of the walk-in queue.
/// </summary>
public sealed record QueuedWalkIn(
    Guid Id,
    int Number,
    bool Priority,
    int ServiceMinutes,
    DateTime IssuedUtc,
    bool Interrupted = false);

/// <summary>The person at the desk now, with when their service began and how long it should take.</summary>
public sealed record NowServing(PersonKind Kind, Guid Id, DateTime StartedUtc, int ExpectedMinutes)
{
    public DateTime ExpectedEndUtc => StartedUtc.AddMinutes(ExpectedMinutes);
}

/// <summary>
/// The facts of one desk for one day: its appointments, the walk-in tickets for the services it
/// serves (the walk-in queue is per office; the caller passes the tickets this desk may take),
/// the end of the clerk's working hours, and who is at the desk now. All instants are UTC.
/// </summary>
public sealed record DeskFacts(
    int DeskId,
    DateTime CloseUtc,
    IReadOnlyList<QueuedAppointment> Appointments,
    IReadOnlyList<QueuedWalkIn> WalkIns,
    NowServing? Serving = null);
