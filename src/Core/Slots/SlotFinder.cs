using Rantevou.Core.Booking;

namespace Rantevou.Core.Slots;

/// <summary>A bookable start time and the desks free for the whole service time.</summary>
public sealed record Slot(DateTime StartUtc, DateTime EndUtc, IReadOnlyList<int> DeskIds);

/// <summary>A span of a desk's time already taken.</summary>
public readonly record struct Busy(int DeskId, DateTime StartUtc, DateTime EndUtc);

/// <summary>Pure slot computation (R1): no database, no clock; the caller brings the day's facts.</summary>
public static class SlotFinder
{
    /// <summary>
    /// Start times inside [<paramref name="openUtc"/>, <paramref name="closeUtc"/>), on the
    /// <see cref="SlotClaim.UnitMinutes"/> grid, not before <paramref name="notBeforeUtc"/>, where the
    /// service fits before closing and at least one of <paramref name="deskIds"/> has no busy span overlapping it.
    /// </summary>
    public static IReadOnlyList<Slot> Free(
        DateTime openUtc, DateTime closeUtc, int durationMinutes,
        IReadOnlyCollection<int> deskIds, IEnumerable<Busy> busy, DateTime notBeforeUtc)
    {
        if (durationMinutes <= 0 || deskIds.Count == 0)
            return [];
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var step = TimeSpan.FromMinutes(SlotClaim.UnitMinutes);
        var byDesk = busy.Where(b => deskIds.Contains(b.DeskId))
            .GroupBy(b => b.DeskId)
            .ToDictionary(g => g.Key, g => g.OrderBy(b => b.StartUtc).ToArray());

        var slots = new List<Slot>();
        for (var start = AlignUp(openUtc, step); start + duration <= closeUtc; start += step)
        {
            if (start < notBeforeUtc)
                continue;
            var end = start + duration;
            var free = deskIds.Where(d => !byDesk.TryGetValue(d, out var spans) || !Overlaps(spans, start, end)).ToArray();
            if (free.Length > 0)
                slots.Add(new Slot(start, end, free));
        }
        return slots;
    }

    static bool Overlaps(Busy[] spans, DateTime start, DateTime end)
    {
        foreach (var s in spans)
        {
            if (s.StartUtc >= end)
                return false;
            if (s.EndUtc > start)
                return true;
        }
        return false;
    }

    /// <summary>The grid is anchored at midnight UTC, so it is the same on every day and desk.</summary>
    public static DateTime AlignUp(DateTime t, TimeSpan step)
    {
        var rem = t.Ticks % step.Ticks;
        return rem == 0 ? t : t.AddTicks(step.Ticks - rem);
    }

    public static bool OnGrid(DateTime t) => t.Ticks % TimeSpan.FromMinutes(SlotClaim.UnitMinutes).Ticks == 0;
}
