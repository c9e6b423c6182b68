namespace Rantevou.Core.Queue;

/// <summary>Whether a new walk-in can expect to be called today (R6).</summary>
public enum WalkInOutlook
{
    /// <summary>A desk is expected to call them before closing.</summary>
    Today,

    /// <summary>As things stand, no desk has a gap or end-of-day time their service fits in.</summary>
    NotToday,
}

/// <summary>
/// What the kiosk prints on a new walk-in ticket: its place in the walk-in queue (1 = first) and,
/// when <see cref="WalkInOutlook.Today"/>, when and at which desk it is expected to be called and
/// the wait in whole minutes, rounded up.
/// </summary>
public sealed record WalkInEstimate(
    int Position,
    WalkInOutlook Outlook,
    DateTime? EstimatedCallUtc,
    int? WaitMinutes,
    int? DeskId);

/// <summary>R6 at the kiosk: how long a new walk-in should expect to wait.</summary>
public static class WalkInEstimator
{
    /// <summary>
    /// Estimates <paramref name="ticket"/> over <paramref name="desks"/>, the desks that serve its
    /// service, by playing <see cref="QueuePolicy.Next"/> forward on all of them at once with one shared
    /// walk-in queue (assumptions in <see cref="QueueSimulation"/>). The ticket is added to every desk's
    /// walk-ins (replacing it if already there). The position counts the distinct tickets of these desks
    /// ahead of it in queue order (R13 interrupted, then R6 priority, then ticket number); tickets of
    /// services the ticket does not share still count when they wait for the same desks, because the
    /// desks serve them in that same order.
    /// </summary>
    public static WalkInEstimate Estimate(IReadOnlyList<DeskFacts> desks, QueuedWalkIn ticket, DateTime nowUtc)
    {
        var position = Position(desks, ticket);
        var withTicket = desks
            .Select(d => d with { WalkIns = [.. d.WalkIns.Where(t => t.Id != ticket.Id), ticket] })
            .ToList();
        if (QueueSimulation.Until(withTicket, nowUtc, ticket.Id) is not { } call)
            return new WalkInEstimate(position, WalkInOutlook.NotToday, null, null, null);
        var wait = Math.Max(0, QueueOrder.CeilMinutes(call.StartUtc - nowUtc));
        return new WalkInEstimate(position, WalkInOutlook.Today, call.StartUtc, wait, call.DeskId);
    }

    /// <summary>1 + the distinct tickets waiting for these desks that come before <paramref name="ticket"/> in queue order.</summary>
    public static int Position(IReadOnlyList<DeskFacts> desks, QueuedWalkIn ticket) =>
        1 + desks.SelectMany(d => d.WalkIns).Where(t => t.Id != ticket.Id).DistinctBy(t => t.Id).Count(t => QueueOrder.Before(t, ticket));
}
