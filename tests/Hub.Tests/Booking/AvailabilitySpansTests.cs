using System.Net;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// A day's claims are read as spans: a unit right after its desk's last span extends it. Bookings back to back on every
/// desk, then a gap, then bookings again: the time of the bookings is gone, and the gap is offered exactly where the
/// service fits in it (R1).
/// </summary>
public class AvailabilitySpansTests : AppTest
{
    [Fact]
    public async Task BackToBackBookingsAndAGap_LeaveOnlyTheGapsStartsFree()
    {
        var service = await ServiceAsync();
        var before = await Http.AvailabilityAsync(service.Id, Wednesday);
        var (first, length) = (before[0].Start, before[0].End - before[0].Start);
        // Every desk: [first, first + 2 lengths) taken back to back, [first + 2, first + 3) free, then taken again.
        foreach (var start in new[] { first, first + length, first + 3 * length })
            await TakeEveryDeskAsync(service.Id, start);

        var after = (await Http.AvailabilityAsync(service.Id, Wednesday)).Select(s => s.Start).ToList();

        var gap = first + 2 * length;
        Assert.Contains(gap, after);
        Assert.DoesNotContain(after, s => s >= first && s < gap);
        Assert.DoesNotContain(after, s => s > gap && s < first + 4 * length);
        // Outside the bookings the day is as it was.
        Assert.Equal(before.Select(s => s.Start).Where(s => s >= first + 4 * length), after.Where(s => s >= first + 4 * length));
    }

    async Task TakeEveryDeskAsync(int serviceId, DateTimeOffset start)
    {
        for (var n = 0; n < 20; n++)
        {
            var answer = await Http.BookAsync(serviceId, start, email: $"s{start:HHmm}d{n}@example.org", mobile: $"694{start:HHmm}{n:000}");
            if (answer.StatusCode == HttpStatusCode.Conflict)
                return;
            answer.EnsureSuccessStatusCode();
        }
        throw new InvalidOperationException("The time was never full.");
    }
}
