using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;

namespace Rantevou.Bench.Backend;

/// <summary>
/// Expiry precision (R5): 1,000 confirmed bookings whose deadlines (start + grace) fall at staggered sub-second instants
/// soon after the server starts. Lateness = the booking's ClosedUtc (written by the expiring update, from the server's
/// clock) minus its deadline; early = negative lateness. Baseline, same run: a second Hub on the load core with the
/// scheduler turned off, so only the minutely job expires (what the product did before).
/// </summary>
public static class ExpiryBench
{
    public static async Task<IEnumerable<Row>> RunAsync(string dir, bool quick)
    {
        var (count, lead, window) = quick ? (200, 12.0, 8.0) : (1000, 20.0, 20.0);
        var main = await Seeder.OfficeAsync(Path.Combine(dir, "scheduler"));
        var job = quick ? null : await Seeder.OfficeAsync(Path.Combine(dir, "minutely"));
        var first = DateTime.UtcNow.AddSeconds(lead);
        var rng = new Random(11);
        var deadlines = Enumerable.Range(0, count).Select(i => first.AddSeconds(window * (i + rng.NextDouble()) / count)).ToList();
        await PlantAsync(main, deadlines);
        if (job is not null)
            await PlantAsync(job, deadlines);

        var startedAt = DateTime.UtcNow;
        var servers = new List<Task<Server>> { Server.HubAsync(main.DataDir, Suite.ServerCore) };
        if (job is not null)
            servers.Add(Server.HubAsync(job.DataDir, Suite.LoadCore, new() { ["Rantevou__Expiry__Enabled"] = "false" }));
        var running = await Task.WhenAll(servers);
        var ready = DateTime.UtcNow;
        Lateness scheduler, minutely;
        try
        {
            scheduler = await WaitAsync(main, deadlines[^1].AddSeconds(15));
            minutely = job is null ? Lateness.None : await WaitAsync(job, deadlines[^1].AddSeconds(80));
        }
        finally
        {
            foreach (var s in running)
                await s.DisposeAsync();
        }
        var met = scheduler.Early == 0 && scheduler.Expired == count && scheduler.P99 <= 2;
        return
        [
            new Row("expiry lateness p99 (1,000 staggered deadlines)", "s", scheduler.P99,
                job is null ? null : "minutely job only (scheduler off), same bookings", job is null ? null : minutely.P99,
                "<= 2 s, 0 early", met,
                $"{scheduler.Expired}/{count} expired, {scheduler.Early} early; p50 {scheduler.P50 * 1000:0} ms, max {scheduler.Max * 1000:0} ms; "
                + $"deadlines over {window:0} s, servers ready {(ready - startedAt).TotalSeconds:0.0} s after start, {(first - ready).TotalSeconds:0.0} s before the first deadline"
                + (job is null ? "" : $"; baseline {minutely.Expired}/{count} expired, p50 {minutely.P50:0.0} s, max {minutely.Max:0.0} s")),
        ];
    }

    public sealed record Lateness(int Expired, int Early, double P50, double P99, double Max)
    {
        public static readonly Lateness None = new(0, 0, double.NaN, double.NaN, double.NaN);
    }

    /// <summary>Confirmed bookings that nobody will check in for, each starting one grace period before its deadline.</summary>
    static Task PlantAsync(Seeded seeded, List<DateTime> deadlines) => Seeder.WithDbAsync(seeded.DataDir, async db =>
    {
        var now = DateTime.UtcNow;
        for (var i = 0; i < deadlines.Count; i++)
        {
            var start = deadlines[i].AddMinutes(-seeded.GraceMinutes);
            db.Bookings.Add(new Booking
            {
                Id = Guid.CreateVersion7(),
                Code = BookingCode.New(),
                OfficeId = seeded.OfficeId,
                ServiceId = seeded.ServiceId,
                DeskId = seeded.DeskIds[i % seeded.DeskIds.Length],
                StartUtc = start,
                EndUtc = start.AddMinutes(seeded.DurationMinutes),
                DurationMinutes = seeded.DurationMinutes,
                Status = BookingStatus.Confirmed,
                FullName = "Πολίτης Δοκιμής",
                Email = $"e{i}@bench.example.org",
                Mobile = "6941234567",
                CreatedUtc = now,
                ConfirmedUtc = now,
                Version = 1,
            });
        }
        return await db.SaveChangesAsync();
    });

    static async Task<Lateness> WaitAsync(Seeded seeded, DateTime giveUp)
    {
        while (DateTime.UtcNow < giveUp
            && await Seeder.WithDbAsync(seeded.DataDir, db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed)) > 0)
            await Task.Delay(500);
        var rows = await Seeder.WithDbAsync(seeded.DataDir, db => db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Expired).Select(b => new { b.StartUtc, b.ClosedUtc }).ToListAsync());
        var late = rows.Select(r => (r.ClosedUtc!.Value - r.StartUtc.AddMinutes(seeded.GraceMinutes)).TotalSeconds).Order().ToList();
        return late.Count == 0
            ? Lateness.None
            : new Lateness(late.Count, late.Count(l => l < 0), Stats.Percentile(late, 50), Stats.Percentile(late, 99), late[^1]);
    }
}
