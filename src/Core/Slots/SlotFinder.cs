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
        var desks = deskIds as int[] ?? [.. deskIds];
        var (spans, odd) = DisjointSpans(desks, busy);

        // Starts only grow, and each desk's spans are disjoint and sorted, so each desk keeps a cursor that only moves
        // forward: the whole day costs O(starts × desks + spans), not a scan of every span for every start.
        var cursor = new int[desks.Length];
        var free = new int[desks.Length];
        var slots = new List<Slot>();
        var first = AlignUp(openUtc > notBeforeUtc ? openUtc : notBeforeUtc, step);
        for (var start = first; start + duration <= closeUtc; start += step)
        {
            var end = start + duration;
            var count = 0;
            for (var i = 0; i < desks.Length; i++)
            {
                var own = spans[i];
                ref var at = ref cursor[i];
                while (at < own.Count && own[at].End <= start)
                    at++;
                if ((at == own.Count || own[at].Start >= end) && !OverlapsAny(odd[i], start, end))
                    free[count++] = desks[i];
            }
            if (count > 0)
                slots.Add(new Slot(start, end, free.AsSpan(0, count).ToArray()));
        }
        return slots;
    }

    /// <summary>
    /// Per desk (same order as <paramref name="desks"/>), its busy spans merged into sorted, disjoint ones; spans that
    /// end no later than they start (never written by the product) are kept apart and checked one by one.
    /// </summary>
    static (List<(DateTime Start, DateTime End)>[] Spans, List<Busy>[] Odd) DisjointSpans(int[] desks, IEnumerable<Busy> busy)
    {
        var index = new Dictionary<int, int>(desks.Length);
        var spans = new List<(DateTime Start, DateTime End)>[desks.Length];
        var odd = new List<Busy>[desks.Length];
        for (var i = 0; i < desks.Length; i++)
        {
            // A desk listed twice shares its lists, so both entries see its busy spans.
            var first = index.TryAdd(desks[i], i);
            spans[i] = first ? [] : spans[index[desks[i]]];
            odd[i] = first ? [] : odd[index[desks[i]]];
        }
        foreach (var b in busy)
            if (index.TryGetValue(b.DeskId, out var at))
            {
                if (b.EndUtc > b.StartUtc)
                    spans[at].Add((b.StartUtc, b.EndUtc));
                else
                    odd[at].Add(b);
            }
        foreach (var i in index.Values)
        {
            var own = spans[i];
            if (own.Count < 2)
                continue;
            own.Sort((x, y) => x.Start.CompareTo(y.Start));
            var merged = 0;
            for (var j = 1; j < own.Count; j++)
            {
                if (own[j].Start <= own[merged].End)
                    own[merged] = (own[merged].Start, own[j].End > own[merged].End ? own[j].End : own[merged].End);
                else
                    own[++merged] = own[j];
            }
            own.RemoveRange(merged + 1, own.Count - merged - 1);
        }
        return (spans, odd);
    }

    static bool OverlapsAny(List<Busy> spans, DateTime start, DateTime end)
    {
        foreach (var s in spans)
            if (s.StartUtc < end && s.EndUtc > start)
                return true;
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
