namespace Rantevou.Core.Queue;

/// <summary>Why "call next" picked whom it picked, or nobody. The clerk screen localizes it (R4: the clerk decides).</summary>
public enum NextReason
{
    /// <summary>R3: an appointment whose time has come, its person in the room.</summary>
    DueAppointment,

    /// <summary>R6: a walk-in whose service fits before the desk's next appointment.</summary>
    WalkInInGap,

    /// <summary>A person checked in early, called in a gap no walk-in could use.</summary>
    EarlyAppointment,

    /// <summary>R5: after the last appointment, a deferred person whose service fits before closing.</summary>
    DeferredAfterLast,

    /// <summary>R6: after the last appointment, a walk-in whose service fits before closing.</summary>
    WalkInAfterLast,

    /// <summary>Nobody the desk could call now is waiting.</summary>
    NobodyWaiting,

    /// <summary>Walk-ins (or early arrivals) wait, but none fits before the next appointment.</summary>
    NothingFitsGap,

    /// <summary>
    /// R6: none fits the gap by the service times, but the clerk judged it long enough: the first walk-in in order whose
    /// service ends by closing. R13 then says when the next appointment falls due.
    /// </summary>
    WalkInJudgedByClerk,

    /// <summary>Only deferred people wait; R5 serves them after the last appointment.</summary>
    DeferredWaitForEndOfDay,

    /// <summary>After the last appointment, people wait but none fits before closing.</summary>
    NothingFitsBeforeClose,

    /// <summary>R3: an appointment is due and its person is here, but the service would end after closing; the clerk judges (R4).</summary>
    DueAppointmentPastClosing,

    /// <summary>The clerk's working hours are over.</summary>
    DeskClosed,
}

/// <summary>The person "call next" picked.</summary>
public sealed record PersonToCall(PersonKind Kind, Guid Id, int ServiceMinutes);

/// <summary>
/// The answer to "call next" with the numbers the clerk screen prints: the desk's next appointment
/// (after the one called, if it is an appointment) and the minutes to it, the minutes to closing, and
/// how many people ahead in the order were passed over because their service does not fit.
/// </summary>
public sealed record NextCall(
    NextReason Reason,
    PersonToCall? Person,
    DateTime? NextAppointmentUtc,
    int? MinutesToNextAppointment,
    int MinutesToClose,
    int SkippedNotFitting)
{
    public bool CallsSomeone => Person is not null;
}

/// <summary>R13: whether the next appointment is waiting for the desk or only due.</summary>
public enum InterruptionReason
{
    /// <summary>Its person checked in and waits: interrupt the current service.</summary>
    AppointmentWaiting,

    /// <summary>Its time came while serving, but its person has not checked in.</summary>
    AppointmentDueNotArrived,
}

/// <summary>
/// R13: an appointment fell due while someone else is at the desk, with how overdue it is and how
/// long the current service should still take, so the clerk can judge "depending on the time".
/// </summary>
public sealed record InterruptionAdvice(
    InterruptionReason Reason,
    Guid AppointmentId,
    DateTime DueUtc,
    int MinutesOverdue,
    PersonKind ServingKind,
    Guid ServingId,
    int ServingMinutesLeft);
