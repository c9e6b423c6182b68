namespace Rantevou.Core.Queue;

/// <summary>
/// The queue policy of one desk at one instant (R3–R6, R13): pure, no database, no clock. The
/// caller brings the facts and <c>now</c>; the answers are advice the clerk may overrule (R4).
/// </summary>
public static class QueuePolicy
{
    /// <summary>
    /// Whom "call next" picks. The desk is taken to be free at <paramref name="nowUtc"/> (the clerk
    /// asks after finishing or interrupting the current person), so <see cref="DeskFacts.Serving"/>
    /// is not consulted. Nothing is ever picked whose service would end after closing. In order:
    /// <list type="number">
    /// <item>R3: a due appointment whose person is here, in the order they became ready
    /// (<see cref="QueueOrder.Due"/>). While one is due nobody else is called, even if none of them
    /// fits before closing (then nobody, and the clerk judges).</item>
    /// <item>R6: before the desk's next appointment, the first walk-in in queue order whose service
    /// ends by that appointment's start; walk-ins that do not fit are passed over, not reordered.</item>
    /// <item>In such a gap no walk-in fits: a person checked in early for a later appointment, if their
    /// service ends before the appointment after theirs. Walk-ins come first because R6 gives them the
    /// gaps, and the early person keeps their booked time anyway.</item>
    /// <item>R5, R6: after the last appointment, deferred people in their original order, then
    /// walk-ins in queue order, each only if the service ends by closing. Deferred people wait for
    /// this even if a gap would fit them: R5 serves them after all scheduled appointments, and they
    /// hold a booking, which R1 makes the normal way in.</item>
    /// </list>
    /// R6 leaves the gap to the clerk's judgement: <paramref name="clerkJudgesGap"/> is the clerk saying a gap none of the
    /// waiting fits is long enough, and then the first walk-in in order whose service ends by closing is called.
    /// </summary>
    public static NextCall Next(DeskFacts desk, DateTime nowUtc, bool clerkJudgesGap = false)
    {
        var close = desk.CloseUtc;
        var following = QueueOrder.NextStart(desk.Appointments, nowUtc);
        if (nowUtc >= close)
            return Nobody(NextReason.DeskClosed, following, nowUtc, close, 0);

        var due = QueueOrder.Due(desk.Appointments.Where(a => a.IsPresent && a.StartUtc <= nowUtc)).ToList();
        if (due.Count > 0)
        {
            var i = due.FindIndex(a => QueueOrder.Fits(nowUtc, a.ServiceMinutes, close));
            return i < 0
                ? Nobody(NextReason.DueAppointmentPastClosing, following, nowUtc, close, due.Count)
                : Call(NextReason.DueAppointment, PersonKind.Appointment, due[i].Id, due[i].ServiceMinutes, following, nowUtc, close, i);
        }

        var walkIns = QueueOrder.WalkIns(desk.WalkIns).ToList();
        if (following is not null)
            return InGap(desk, nowUtc, following, walkIns, clerkJudgesGap);

        var deferred = QueueOrder.Scheduled(desk.Appointments.Where(a => a.State == AppointmentState.Deferred)).ToList();
        var d = deferred.FindIndex(a => QueueOrder.Fits(nowUtc, a.ServiceMinutes, close));
        if (d >= 0)
            return Call(NextReason.DeferredAfterLast, PersonKind.Appointment, deferred[d].Id, deferred[d].ServiceMinutes, null, nowUtc, close, d);
        var w = walkIns.FindIndex(t => QueueOrder.Fits(nowUtc, t.ServiceMinutes, close));
        if (w >= 0)
            return Call(NextReason.WalkInAfterLast, PersonKind.WalkIn, walkIns[w].Id, walkIns[w].ServiceMinutes, null, nowUtc, close, deferred.Count + w);
        return deferred.Count + walkIns.Count == 0
            ? Nobody(NextReason.NobodyWaiting, null, nowUtc, close, 0)
            : Nobody(NextReason.NothingFitsBeforeClose, null, nowUtc, close, deferred.Count + walkIns.Count);
    }

    static NextCall InGap(DeskFacts desk, DateTime nowUtc, QueuedAppointment following, List<QueuedWalkIn> walkIns, bool clerkJudgesGap)
    {
        var close = desk.CloseUtc;
        var limit = QueueOrder.Min(following.StartUtc, close);
        var w = walkIns.FindIndex(t => QueueOrder.Fits(nowUtc, t.ServiceMinutes, limit));
        if (w >= 0)
            return Call(NextReason.WalkInInGap, PersonKind.WalkIn, walkIns[w].Id, walkIns[w].ServiceMinutes, following, nowUtc, close, w);

        var early = QueueOrder.Scheduled(desk.Appointments.Where(a => a.State == AppointmentState.CheckedIn && a.StartUtc > nowUtc)).ToList();
        for (var i = 0; i < early.Count; i++)
        {
            var e = early[i];
            var after = QueueOrder.NextStart(desk.Appointments, nowUtc, except: e.Id);
            var earlyLimit = after is null ? close : QueueOrder.Min(after.StartUtc, close);
            if (QueueOrder.Fits(nowUtc, e.ServiceMinutes, earlyLimit))
                return Call(NextReason.EarlyAppointment, PersonKind.Appointment, e.Id, e.ServiceMinutes, after, nowUtc, close, walkIns.Count + i);
        }

        var judged = clerkJudgesGap ? walkIns.FindIndex(t => QueueOrder.Fits(nowUtc, t.ServiceMinutes, close)) : -1;
        if (judged >= 0)
            return Call(NextReason.WalkInJudgedByClerk, PersonKind.WalkIn, walkIns[judged].Id, walkIns[judged].ServiceMinutes, following, nowUtc,
                close, judged);
        if (walkIns.Count + early.Count > 0)
            return Nobody(NextReason.NothingFitsGap, following, nowUtc, close, walkIns.Count + early.Count);
        return desk.Appointments.Any(a => a.State == AppointmentState.Deferred)
            ? Nobody(NextReason.DeferredWaitForEndOfDay, following, nowUtc, close, 0)
            : Nobody(NextReason.NobodyWaiting, following, nowUtc, close, 0);
    }

    /// <summary>
    /// R13: when an appointment falls due while someone else is at the desk, say so. "In any case"
    /// covers whoever is served: a walk-in, a deferred person, or an appointment running over. A due
    /// appointment whose person is here comes first (earliest ready). One not checked in is reported
    /// only if it fell due after the current service began: one already overdue then was passed over by
    /// the clerk's own judgement (R4) and will meet <see cref="LateArrivalPolicy"/> if the person comes.
    /// Null when nobody is served or nothing is due.
    /// </summary>
    public static InterruptionAdvice? Interruption(DeskFacts desk, DateTime nowUtc)
    {
        if (desk.Serving is not { } serving)
            return null;
        var others = desk.Appointments.Where(a => a.Id != serving.Id && a.IsLive && a.StartUtc <= nowUtc).ToList();
        var waiting = QueueOrder.Due(others.Where(a => a.IsPresent)).FirstOrDefault();
        var absent = QueueOrder.Scheduled(others.Where(a => a.State == AppointmentState.Expected && a.StartUtc > serving.StartedUtc)).FirstOrDefault();
        var due = waiting ?? absent;
        if (due is null)
            return null;
        return new InterruptionAdvice(
            waiting is not null ? InterruptionReason.AppointmentWaiting : InterruptionReason.AppointmentDueNotArrived,
            due.Id,
            due.StartUtc,
            QueueOrder.FloorMinutes(nowUtc - due.StartUtc),
            serving.Kind,
            serving.Id,
            Math.Max(0, QueueOrder.CeilMinutes(serving.ExpectedEndUtc - nowUtc)));
    }

    static NextCall Call(NextReason reason, PersonKind kind, Guid id, int minutes, QueuedAppointment? following, DateTime nowUtc, DateTime close, int skipped)
    {
        var nobody = Nobody(reason, following, nowUtc, close, skipped);
        return nobody with { Person = new PersonToCall(kind, id, minutes) };
    }

    static NextCall Nobody(NextReason reason, QueuedAppointment? following, DateTime nowUtc, DateTime close, int skipped) =>
        new(reason, null, following?.StartUtc,
            following is null ? null : QueueOrder.FloorMinutes(following.StartUtc - nowUtc),
            Math.Max(0, QueueOrder.FloorMinutes(close - nowUtc)), skipped);
}
