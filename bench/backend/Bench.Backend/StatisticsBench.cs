using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using Rantevou.Core.Statistics;
using Rantevou.TestKit;

namespace Rantevou.Bench.Backend;

/// <summary>
/// The administrators' statistics over one office's year: the demo office (Monday–Friday 08:00–14:00) widened to 25
/// desks booked every 15 minutes, so a year of open days holds about 150,000 appointments, plus 60 walk-ins a day
/// (<see cref="OfficeHistory"/>, seeded). Timed: <see cref="OfficeStatistics"/> for the whole year and its JSON, the
/// work behind <c>GET /api/admin/statistics</c> without the HTTP hop, in a fresh scope each run. The first run counts
/// every day from the bookings and keeps the finished ones (<see cref="DayFigures"/>), as the first report over a
/// stretch of history does once (or the nightly job); it is reported apart. The runs after it take the kept days the
/// node holds in memory and count today; then as many runs read the kept days from their rows, as after a start. Baseline:
/// the raw SQLite read of the year's bookings (the columns the statistics need), what a report counting from the bookings
/// has to read at the least. Target: a year's report within 300 ms.
/// </summary>
public static class StatisticsBench
{
    public const int Desks = 25;

    public static async Task<IEnumerable<Row>> RunAsync(string dir, bool quick)
    {
        var runs = quick ? 2 : 5;
        Directory.CreateDirectory(dir);
        using var host = Seeder.Host(dir);
        await host.Services.PrepareDatabaseAsync();
        var (from, to) = (new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30));
        int officeId, bookings;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
            var office = await db.Offices.Include(o => o.Desks).ThenInclude(d => d.Services).SingleAsync();
            officeId = office.Id;
            var services = await db.Services.Where(s => s.OfficeId == office.Id).Select(s => s.Id).ToListAsync();
            for (var n = office.Desks.Count + 1; n <= Desks; n++)
                office.Desks.Add(new Desk { Number = n, NameEl = $"Θυρίδα {n}", NameEn = $"Desk {n}", Services = services.Select(s => new DeskService { ServiceId = s }).ToList() });
            await db.SaveChangesAsync();
            var seeding = Stopwatch.StartNew();
            bookings = await OfficeHistory.WriteAsync(db, office.Id, from, to, walkInsPerDay: 60);
            Console.WriteLine($"[statistics] seeded {bookings} bookings in {seeding.Elapsed.TotalSeconds:0} s");
        }

        var timed = new List<double>();
        var fromRows = new List<double>();
        var size = 0;
        var first = 0.0;
        for (var run = -1; run < 2 * runs; run++)
        {
            // The second half: as a node's first report after a start, the kept days read from their rows, not held.
            if (run >= runs)
                ((MemoryCache)host.Services.GetRequiredService<IMemoryCache>()).Clear();
            await using var scope = host.Services.CreateAsyncScope();
            var statistics = scope.ServiceProvider.GetRequiredService<OfficeStatistics>();
            var t = Stopwatch.StartNew();
            var figures = await statistics.ForOfficeAsync(officeId, from, to, CancellationToken.None);
            size = JsonSerializer.SerializeToUtf8Bytes(figures, JsonSerializerOptions.Web).Length;
            if (run < 0) // the first run warms up, and counts and keeps every finished day
                first = t.Elapsed.TotalMilliseconds;
            else
                (run < runs ? timed : fromRows).Add(t.Elapsed.TotalMilliseconds);
        }

        var raw = new List<double>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        await using (var c = new SqliteConnection(CoreSetup.SqliteConnectionString(dir)))
        {
            await c.OpenAsync();
            for (var run = -1; run < runs; run++)
            {
                var t = Stopwatch.StartNew();
                await using (var cmd = c.CreateCommand())
                {
                    cmd.CommandText = "SELECT ServiceId, StartUtc, Status, AgentId, ConfirmedUtc, CheckedInUtc, Late, CalledUtc, CalledDeskId, DoneUtc "
                        + "FROM Bookings WHERE OfficeId = $o AND StartUtc >= $a AND StartUtc < $b";
                    cmd.Parameters.AddWithValue("$o", officeId);
                    cmd.Parameters.AddWithValue("$a", Db.Text(OfficeCalendar.ToUtc(from, TimeOnly.MinValue, zone)));
                    cmd.Parameters.AddWithValue("$b", Db.Text(OfficeCalendar.ToUtc(to.AddDays(1), TimeOnly.MinValue, zone)));
                    await using var reader = await cmd.ExecuteReaderAsync();
                    var values = new object[10];
                    while (await reader.ReadAsync())
                        reader.GetValues(values);
                }
                if (run >= 0)
                    raw.Add(t.Elapsed.TotalMilliseconds);
            }
        }
        timed.Sort();
        fromRows.Sort();
        raw.Sort();
        var p50 = Stats.Percentile(timed, 50);
        var rows50 = Stats.Percentile(fromRows, 50);
        return
        [
            new Row($"statistics of one office's year ({bookings} bookings), median", "ms", p50, "raw SQLite read of the year's bookings, same columns",
                Stats.Percentile(raw, 50), "<= 300 ms", p50 <= 300,
                $"max {timed[^1]:0} ms over {timed.Count} runs; the first run, counting and keeping every day, {first:0} ms; "
                + $"baseline max {raw[^1]:0} ms; JSON {size / 1024.0:0} KiB; in process, no HTTP"),
            new Row($"the same, kept days read from their rows (a node's first report), median", "ms", rows50,
                "raw SQLite read of the year's bookings, same columns", Stats.Percentile(raw, 50), "<= 300 ms", rows50 <= 300,
                $"max {fromRows[^1]:0} ms over {fromRows.Count} runs"),
        ];
    }
}
