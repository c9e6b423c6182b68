using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Offices;

namespace Rantevou.Bench.Backend;

/// <summary>
/// Availability latency: one service, 20 desks, 60 days ahead already about 60% booked; GET
/// /api/services/{id}/availability for each of the next 30 days, one request at a time, many rounds. Baseline: the raw
/// SQLite query that reads the same slot-claim range for the same days (what any implementation must read).
/// </summary>
public static class AvailabilityBench
{
    public static async Task<IEnumerable<Row>> RunAsync(string dir, bool quick)
    {
        // 50 rounds of 30 days: 1,500 looks each way, so that p99 is the 15th slowest look, not the 6th (600 looks), and
        // one pause of the server's one core moves it less.
        var rounds = quick ? 3 : 50;
        var warmUp = TimeSpan.FromSeconds(quick ? 2 : 10);
        var seeded = await Seeder.OfficeAsync(dir);
        var days = await FillAsync(seeded, 60);
        var queried = days.Take(30).ToList();

        // Citizens look at the same days over and over: the product answers them from each day's copy (DayClaimsCache).
        // The same looks with the copy off (every look reads the day) show what a look at a day just changed costs.
        var hub = await LooksAsync(seeded, queried, rounds, warmUp, null);
        var uncached = await LooksAsync(seeded, queried, rounds, warmUp, new() { ["Rantevou__Availability__CacheSeconds"] = "0" });

        List<double> raw;
        await using (var c = new SqliteConnection(seeded.ConnectionString))
        {
            await c.OpenAsync();
            var desks = string.Join(",", seeded.DeskIds);
            raw = await TimedAsync(queried, rounds, warmUp, async day =>
            {
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT DeskId, UnitStartUtc FROM SlotClaims WHERE DeskId IN ({desks}) AND UnitStartUtc >= $a AND UnitStartUtc < $b";
                cmd.Parameters.AddWithValue("$a", day.Open.OpenUtc.Ticks);
                cmd.Parameters.AddWithValue("$b", day.Open.CloseUtc.Ticks);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    _ = (reader.GetInt32(0), reader.GetInt64(1));
            });
        }
        var p99 = Stats.Percentile(hub, 99);
        var missP99 = Stats.Percentile(uncached, 99);
        return
        [
            new Row("availability p99 (HTTP, 30 days x 20 desks, 60 days booked)", "ms", p99, "raw SQLite read of the same slot claims",
                Stats.Percentile(raw, 99), "<= 5 ms", p99 <= 5,
                $"p50 {Stats.Percentile(hub, 50):0.00} ms, max {hub[^1]:0.00} ms over {hub.Count} requests; baseline p50 {Stats.Percentile(raw, 50):0.00} ms; "
                + $"{days.Sum(d => d.Bookings)} bookings over {days.Count} open days"),
            new Row("availability p99, every look reads the day (cache off)", "ms", missP99, "raw SQLite read of the same slot claims",
                Stats.Percentile(raw, 99), "<= 5 ms", missP99 <= 5,
                $"p50 {Stats.Percentile(uncached, 50):0.00} ms, max {uncached[^1]:0.00} ms; what a look at a day just changed costs"),
        ];
    }

    /// <summary>Every queried day in turn, one request at a time. Sorted milliseconds.</summary>
    static async Task<List<double>> LooksAsync(Seeded seeded, List<Day> queried, int rounds, TimeSpan warmUp, Dictionary<string, string>? settings)
    {
        await using var server = await Server.HubAsync(seeded.DataDir, Suite.ServerCore, settings);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        return await TimedAsync(queried, rounds, warmUp, async day =>
        {
            using var response = await http.GetAsync($"/api/services/{seeded.ServiceId}/availability?date={day.Date:yyyy-MM-dd}");
            response.EnsureSuccessStatusCode();
            await response.Content.LoadIntoBufferAsync();
        });
    }

    /// <summary>
    /// Rounds over every queried day, timed one look at a time, after looks for <paramref name="warmUp"/> (at least one
    /// round): a server runs all day, and what counts is its speed once the runtime has optimised the code in use.
    /// Sorted milliseconds.
    /// </summary>
    static async Task<List<double>> TimedAsync(List<Day> queried, int rounds, TimeSpan warmUp, Func<Day, Task> look)
    {
        var warming = Stopwatch.StartNew();
        do
            foreach (var day in queried)
                await look(day);
        while (warming.Elapsed < warmUp);
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
            foreach (var day in queried)
            {
                var t = Stopwatch.StartNew();
                await look(day);
                times.Add(t.Elapsed.TotalMilliseconds);
            }
        times.Sort();
        return times;
    }

    public sealed record Day(DateOnly Date, OfficeCalendar.OpenInterval Open, int Bookings);

    /// <summary>Confirmed bookings (with their slot claims) on about 60% of every desk's times for the next open days.</summary>
    static async Task<List<Day>> FillAsync(Seeded seeded, int dayCount)
    {
        var office = await Seeder.WithDbAsync(seeded.DataDir, db =>
            db.Offices.AsNoTracking().Include(o => o.Hours).Include(o => o.SpecialDays).SingleAsync());
        var zone = office.TimeZone;
        var today = OfficeCalendar.LocalDate(DateTime.UtcNow, zone);
        var rng = new Random(7);
        var days = new List<Day>();
        await using var c = new SqliteConnection(seeded.ConnectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        var booking = Db.Command(c, """
            INSERT INTO Bookings (Id, Code, OfficeId, ServiceId, DeskId, StartUtc, EndUtc, DurationMinutes, Status, FullName, Email, Mobile,
                Culture, CreatedUtc, ConfirmedUtc, Late, Version)
            VALUES ($id, $code, $office, $service, $desk, $start, $end, $duration, 'Confirmed', 'Πολίτης Δοκιμής', $email, '6941234567', 'el', $now, $now, 0, 1)
            """, "$id", "$code", "$office", "$service", "$desk", "$start", "$end", "$duration", "$email", "$now");
        var claim = Db.Command(c, "INSERT INTO SlotClaims (DeskId, UnitStartUtc, BookingId) VALUES ($desk, $unit, $booking)", "$desk", "$unit", "$booking");
        var now = Db.Text(DateTime.UtcNow);
        var n = 0;
        for (var date = today.AddDays(1); days.Count < dayCount; date = date.AddDays(1))
        {
            if (OfficeCalendar.OpenOn(date, zone, office.Hours, office.SpecialDays) is not { } open)
                continue;
            var made = 0;
            foreach (var desk in seeded.DeskIds)
                for (var t = open.OpenUtc; t.AddMinutes(seeded.DurationMinutes) <= open.CloseUtc; t = t.AddMinutes(seeded.DurationMinutes))
                {
                    if (rng.NextDouble() >= 0.6)
                        continue;
                    var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
                    Db.Set(booking, id, BookingCode.New(), office.Id, seeded.ServiceId, desk, Db.Text(t), Db.Text(t.AddMinutes(seeded.DurationMinutes)),
                        seeded.DurationMinutes, $"a{n++}@bench.example.org", now);
                    await booking.ExecuteNonQueryAsync();
                    for (var u = t; u < t.AddMinutes(seeded.DurationMinutes); u = u.AddMinutes(SlotClaim.UnitMinutes))
                    {
                        Db.Set(claim, desk, u.Ticks, id);
                        await claim.ExecuteNonQueryAsync();
                    }
                    made++;
                }
            days.Add(new Day(date, open, made));
        }
        await tx.CommitAsync();
        // The raw rows must read back through the app's own model (same text forms), or the benchmark measures nothing.
        var (from, to) = (days[0].Open.OpenUtc, days[^1].Open.CloseUtc);
        var claims = await Seeder.WithDbAsync(seeded.DataDir, db => db.SlotClaims.CountAsync(x => x.UnitStartUtc >= from && x.UnitStartUtc < to));
        var expected = days.Sum(d => d.Bookings) * (seeded.DurationMinutes / SlotClaim.UnitMinutes);
        if (claims != expected)
            throw new InvalidOperationException($"seeded {expected} claims, the app's model reads {claims}");
        return days;
    }
}
