namespace Rantevou.Core.Queue;

/// <summary>What the kiosk offers a person who checks in (R3, R5).</summary>
public enum LateArrivalOutcome
{
    /// <summary>Not late: check in as usual.</summary>
    OnTime,

    /// <summary>R5: late, but the desk can still serve them before its next appointment and before closing.</summary>
    CheckInLate,

    /// <summary>R5: too late for now; the person may choose to be served after all appointments, before closing.</summary>
    EndOfDay,

    /// <summary>R5: nothing fits today; the appointment is cancelled and a new one must be booked.</summary>
    BookAgain,
}

/// <summary>
/// The kiosk's answer with its numbers. <paramref name="EstimatedStartUtc"/> is when the desk would
/// call the person (for <see cref="LateArrivalOutcome.EndOfDay"/>, even if that is after closing);
/// <paramref name="Fits"/> says whether their service would end by closing on that estimate.
/// </summary>
public sealed record LateArrivalAdvice(
    LateArrivalOutcome Outcome,
    int MinutesLate,
    int ServiceMinutes,
    DateTime? EstimatedStartUtc,
    bool Fits);

/// <summary>R5 at the kiosk: what a person who checks in after their appointment's start may do.</summary>
public static class LateArrivalPolicy
{
    /// <summary>
    /// Judges the appointment <paramref name="appointmentId"/> of <paramref name="desk"/> (state
    /// <see cref="AppointmentState.Expected"/>) checking in at <paramref name="nowUtc"/>, using
    /// <see cref="QueueSimulation"/>'s assumptions:
    /// <list type="bullet">
    /// <item><see cref="LateArrivalOutcome.CheckInLate"/> when, queued as late (after everyone due and
    /// here, and after the person at the desk), the service ends by the desk's next appointment and by
    /// closing: the rest of its own slot or the gap after it covers the service (R3), and nobody who came
    /// in time is pushed back.</item>
    /// <item>Otherwise <see cref="LateArrivalOutcome.EndOfDay"/> with the start the desk would reach it,
    /// deferred behind the people already deferred with an earlier original time (R5) and ahead of
    /// walk-ins (<see cref="QueuePolicy.Next"/>); <c>Fits</c> false when that start leaves too little
    /// time before closing, so the person chooses knowing it (R5 "if the person chooses").</item>
    /// <item><see cref="LateArrivalOutcome.BookAgain"/> when even with no one deferred ahead the service
    /// could not end by closing.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">The appointment is not on the desk, or is not expected (checked in, served or closed already).</exception>
    public static LateArrivalAdvice Judge(DeskFacts desk, Guid appointmentId, DateTime nowUtc)
    {
        var appointment = desk.Appointments.FirstOrDefault(a => a.Id == appointmentId)
            ?? throw new ArgumentException("The appointment is not on this desk.", nameof(appointmentId));
        if (appointment.State != AppointmentState.Expected)
            throw new ArgumentException($"Only an expected appointment checks in; this one is {appointment.State}.", nameof(appointmentId));

        var minutes = appointment.ServiceMinutes;
        if (nowUtc <= appointment.StartUtc)
            return new LateArrivalAdvice(LateArrivalOutcome.OnTime, 0, minutes, null, QueueOrder.Fits(appointment.StartUtc, minutes, desk.CloseUtc));
        var late = QueueOrder.FloorMinutes(nowUtc - appointment.StartUtc);

        var asLate = Start(desk, appointment with { State = AppointmentState.Late, CheckedInUtc = nowUtc }, nowUtc);
        var following = QueueOrder.NextStart(desk.Appointments, nowUtc, except: appointmentId);
        var limit = following is null ? desk.CloseUtc : QueueOrder.Min(following.StartUtc, desk.CloseUtc);
        if (asLate is { } s && QueueOrder.Fits(s, minutes, limit))
            return new LateArrivalAdvice(LateArrivalOutcome.CheckInLate, late, minutes, s, true);

        var deferred = appointment with { State = AppointmentState.Deferred, CheckedInUtc = nowUtc };
        if (Start(desk, deferred, nowUtc) is { } today)
            return new LateArrivalAdvice(LateArrivalOutcome.EndOfDay, late, minutes, today, true);

        // Past closing: the same queue, with the desk open until whoever is ahead has been served.
        var longDay = desk with { CloseUtc = desk.CloseUtc.AddDays(1) };
        var alone = longDay with { Appointments = [.. longDay.Appointments.Where(a => a.State != AppointmentState.Deferred)] };
        if (Start(alone, deferred, nowUtc) is not { } bare || !QueueOrder.Fits(bare, minutes, desk.CloseUtc))
            return new LateArrivalAdvice(LateArrivalOutcome.BookAgain, late, minutes, null, false);
        return new LateArrivalAdvice(LateArrivalOutcome.EndOfDay, late, minutes, Start(longDay, deferred, nowUtc), false);
    }

    static DateTime? Start(DeskFacts desk, QueuedAppointment replaced, DateTime nowUtc)
    {
        var facts = desk with { Appointments = [.. desk.Appointments.Select(a => a.Id == replaced.Id ? replaced : a)] };
        return QueueSimulation.Until([facts], nowUtc, replaced.Id)?.StartUtc;
    }
}
