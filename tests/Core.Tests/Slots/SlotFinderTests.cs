using CsCheck;
using Rantevou.Core.Slots;

namespace Rantevou.Core.Tests.Slots;

public class SlotFinderTests
{
    const int Iterations = 3000;

    /// <summary>A day's facts as SlotFinder gets them; times are deliberately not always on the grid.</summary>
    public sealed record Day(DateTime Open, DateTime Close, int Duration, int[] Desks, Busy[] Busy, DateTime NotBefore)
    {
        public IReadOnlyList<Slot> Slots() => SlotFinder.Free(Open, Close, Duration, Desks, Busy, NotBefore);

        public override string ToString() =>
            $"open {Open:O}, close {Close:O}, {Duration} min, desks [{string.Join(",", Desks)}], notBefore {NotBefore:O}, busy [" +
            string.Join("; ", Busy.Select(b => $"{b.DeskId}:{b.StartUtc:HH:mm:ss}-{b.EndUtc:HH:mm:ss}")) + "]";
    }

    static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    static readonly Gen<Day> GenDay =
        from day in Gen.Int[0, 730]
        from openSecond in Gen.Int[0, 20 * 3600]
        from lengthMinutes in Gen.Int[0, 10 * 60]
        from duration in Gen.Int[5, 60]
        from desks in Gen.Int[1, 12].ArrayUnique[1, 5]
        from busy in Gen.Select(Gen.Int[1, 14], Gen.Int[-90, 11 * 60], Gen.Int[0, 120], Gen.Int[0, 59])
            .Array[0, 20]
        from notBeforeMinutes in Gen.Int[-300, 10 * 60]
        let open = Epoch.AddDays(day).AddSeconds(openSecond)
        select new Day(
            open,
            open.AddMinutes(lengthMinutes),
            duration,
            desks,
            busy.Select(b => new Busy(b.Item1, open.AddMinutes(b.Item2).AddSeconds(b.Item4), open.AddMinutes(b.Item2 + b.Item3))).ToArray(),
            open.AddMinutes(notBeforeMinutes));

    static bool Overlaps(Busy b, DateTime start, DateTime end) => b.StartUtc < end && b.EndUtc > start;

    /// <summary>Brute force: every grid point from midnight UTC, every desk, every busy span.</summary>
    static List<(DateTime Start, DateTime End, int[] Desks)> Oracle(Day d)
    {
        var expected = new List<(DateTime, DateTime, int[])>();
        for (var t = d.Open.Date; t <= d.Close; t = t.AddMinutes(5))
        {
            var end = t.AddMinutes(d.Duration);
            if (t < d.Open || end > d.Close || t < d.NotBefore)
                continue;
            var free = d.Desks.Where(desk => !d.Busy.Any(b => b.DeskId == desk && Overlaps(b, t, end))).ToArray();
            if (free.Length > 0)
                expected.Add((t, end, free));
        }
        return expected;
    }

    [Fact]
    public void Free_NeverListsADesk_WhoseBusySpanOverlapsTheSlot() =>
        GenDay.Sample(d =>
        {
            foreach (var slot in d.Slots())
                foreach (var desk in slot.DeskIds)
                    Assert.DoesNotContain(d.Busy, b => b.DeskId == desk && Overlaps(b, slot.StartUtc, slot.EndUtc));
        }, iter: Iterations);

    [Fact]
    public void Free_SlotsLieInsideOpeningHours_AndLastTheServiceTime() =>
        GenDay.Sample(d =>
        {
            foreach (var slot in d.Slots())
            {
                Assert.True(slot.StartUtc >= d.Open, $"{slot.StartUtc:O} before opening");
                Assert.True(slot.EndUtc <= d.Close, $"{slot.EndUtc:O} after closing");
                Assert.Equal(TimeSpan.FromMinutes(d.Duration), slot.EndUtc - slot.StartUtc);
            }
        }, iter: Iterations);

    [Fact]
    public void Free_SlotsStartOnTheFiveMinuteGrid_NotBeforeNotBefore_InOrder_WithDesksFromTheRequest() =>
        GenDay.Sample(d =>
        {
            var slots = d.Slots();
            foreach (var slot in slots)
            {
                Assert.Equal(0, slot.StartUtc.Ticks % TimeSpan.FromMinutes(5).Ticks);
                Assert.True(SlotFinder.OnGrid(slot.StartUtc));
                Assert.True(slot.StartUtc >= d.NotBefore, $"{slot.StartUtc:O} before {d.NotBefore:O}");
                Assert.NotEmpty(slot.DeskIds);
                Assert.Subset(d.Desks.ToHashSet(), slot.DeskIds.ToHashSet());
                Assert.Equal(slot.DeskIds.Count, slot.DeskIds.Distinct().Count());
            }
            Assert.True(slots.Zip(slots.Skip(1)).All(p => p.First.StartUtc < p.Second.StartUtc));
        }, iter: Iterations);

    [Fact]
    public void Free_MissesNoFreeDeskAndTime_ComparedWithBruteForce() =>
        GenDay.Sample(d =>
        {
            var expected = Oracle(d).Select(s => $"{s.Start:O} {s.End:O} [{string.Join(",", s.Desks.Order())}]");
            var actual = d.Slots().Select(s => $"{s.StartUtc:O} {s.EndUtc:O} [{string.Join(",", s.DeskIds.Order())}]");
            Assert.Equal(expected, actual);
        }, iter: Iterations);

    [Fact]
    public void Free_BruteForceOracle_FindsSlotsInMostGeneratedDays()
    {
        // Guards the properties above against a generator that only produces empty days.
        var days = GenDay.Array[200].Single();
        var withSlots = days.Count(d => Oracle(d).Count > 0);
        Assert.True(withSlots > 80, $"only {withSlots} of 200 days have a free slot");
        Assert.Contains(days, d => Oracle(d).Any(s => s.Desks.Length < d.Desks.Length));
    }

    [Fact]
    public void Free_BusySpanEndingAtTheStart_DoesNotBlock_ButOneMinuteMoreDoes()
    {
        var open = new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
        var close = open.AddHours(1);
        Busy[] busy = [new(1, open, open.AddMinutes(15))];

        var slots = SlotFinder.Free(open, close, 15, [1], busy, DateTime.MinValue);
        Assert.Equal(open.AddMinutes(15), slots[0].StartUtc);
        Assert.Equal([open.AddMinutes(15), open.AddMinutes(20), open.AddMinutes(25), open.AddMinutes(30), open.AddMinutes(35),
            open.AddMinutes(40), open.AddMinutes(45)], slots.Select(s => s.StartUtc));

        Busy[] longer = [new(1, open, open.AddMinutes(16))];
        Assert.Equal(open.AddMinutes(20), SlotFinder.Free(open, close, 15, [1], longer, DateTime.MinValue)[0].StartUtc);
    }

    [Fact]
    public void Free_ListsOnlyTheDesksThatAreFree_AndIgnoresBusySpansOfOtherDesks()
    {
        var open = new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
        Busy[] busy = [new(2, open, open.AddMinutes(30)), new(9, open, open.AddHours(6))];

        var slots = SlotFinder.Free(open, open.AddHours(1), 10, [1, 2], busy, DateTime.MinValue);

        Assert.Equal([1], slots.First(s => s.StartUtc == open).DeskIds);
        Assert.Equal([1, 2], slots.First(s => s.StartUtc == open.AddMinutes(30)).DeskIds);
    }

    [Fact]
    public void Free_OffGridOpening_StartsAtTheNextGridPoint()
    {
        var open = new DateTime(2026, 12, 1, 6, 2, 30, DateTimeKind.Utc);
        var slots = SlotFinder.Free(open, open.AddMinutes(30), 20, [1], [], DateTime.MinValue);
        Assert.Equal([open.AddSeconds(150), open.AddSeconds(450)], slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void Free_NoDesksOrNoDuration_GivesNoSlots()
    {
        var open = new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
        Assert.Empty(SlotFinder.Free(open, open.AddHours(6), 15, [], [], DateTime.MinValue));
        Assert.Empty(SlotFinder.Free(open, open.AddHours(6), 0, [1], [], DateTime.MinValue));
        Assert.Empty(SlotFinder.Free(open, open.AddMinutes(10), 15, [1], [], DateTime.MinValue));
    }
}
