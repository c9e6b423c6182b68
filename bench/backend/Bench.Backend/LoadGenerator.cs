using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Booking;

namespace Rantevou.Bench.Backend;

public sealed record LoadResult(long Requests, long Created, long Conflicts, long Other, double Seconds, double P50Ms, double P99Ms, Dictionary<int, long> Statuses, long CreatedInAll,
    double ServerCpuSeconds)
{
    public double CreatedPerSecond => Created / Seconds;
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>The server's CPU time (user + system) over the measured window per answered request.</summary>
    public double CpuMsPerRequest => ServerCpuSeconds * 1000 / Math.Max(1, Requests);
}

/// <summary>
/// Closed-loop HTTP load: <c>concurrency</c> workers, each sending POST /api/bookings back to back over one shared
/// SocketsHttpHandler. 90% of the requests each take a free desk-time of their own (every start is offered once per
/// desk, in shuffled order); 10% fight for a handful of hot starts that fill after the first few, so most of them must
/// lose with 409. Only what happens after the warm-up counts.
/// </summary>
public sealed class LoadGenerator(string url, int serviceId, IReadOnlyList<string> starts, int desks, int concurrency)
{
    const double HotShare = 0.10;

    /// <param name="serverPid">The server's process, whose CPU time over the measured window is read from /proc.</param>
    public async Task<LoadResult> RunAsync(TimeSpan warmup, TimeSpan measured, int? serverPid = null)
    {
        var rng = new Random(5);
        var hot = starts.Take(4).ToArray();
        var queue = starts.Skip(4).SelectMany(s => Enumerable.Repeat(s, desks)).OrderBy(_ => rng.Next()).ToArray();
        long next = -1, sequence = 0;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var end = warmup + measured;
        var latencies = new List<double>[concurrency];
        var statuses = new Dictionary<int, long>[concurrency];
        long requests = 0, created = 0, conflicts = 0, other = 0;
        long createdInAll = 0;
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(50_000);
            var codes = statuses[w] = [];
            var local = new Random(w);
            while (clock.Elapsed < end)
            {
                var n = Interlocked.Increment(ref sequence);
                var start = local.NextDouble() < HotShare ? hot[local.Next(hot.Length)] : queue[Interlocked.Increment(ref next) % queue.Length];
                var body = new CreateBookingRequest(serviceId, start, "Πολίτης Δοκιμής", $"b{n}@bench.example.org", $"69{n % 100_000_000:00000000}");
                var t0 = clock.Elapsed;
                int status;
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/bookings", body);
                    status = (int)response.StatusCode;
                    await response.Content.LoadIntoBufferAsync();
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                var t1 = clock.Elapsed;
                if (status == (int)HttpStatusCode.Created)
                    Interlocked.Increment(ref createdInAll);
                if (t0 < measureFrom || t1 > end)
                    continue;
                mine.Add((t1 - t0).TotalMilliseconds);
                codes[status] = codes.GetValueOrDefault(status) + 1;
                Interlocked.Increment(ref requests);
                if (status == (int)HttpStatusCode.Created)
                    Interlocked.Increment(ref created);
                else if (status == (int)HttpStatusCode.Conflict)
                    Interlocked.Increment(ref conflicts);
                else
                    Interlocked.Increment(ref other);
            }
        })).ToArray();
        var cpu = serverPid is { } pid ? ServerCpuAsync(pid, clock, measureFrom, end) : Task.FromResult(0.0);
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var merged = statuses.SelectMany(d => d).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new LoadResult(requests, created, conflicts, other, measured.TotalSeconds, Stats.Percentile(all, 50), Stats.Percentile(all, 99), merged, createdInAll, await cpu);
    }

    /// <summary>Every free start of the service over the next <paramref name="days"/> days, as the public API offers them.</summary>
    public static async Task<List<string>> StartsAsync(string url, int serviceId, int days)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var starts = new List<string>();
        for (var d = 1; d <= days; d++)
        {
            var slots = await http.GetFromJsonAsync<List<SlotDto>>($"/api/services/{serviceId}/availability?date={today.AddDays(d):yyyy-MM-dd}");
            starts.AddRange(slots!.Select(s => s.Start.ToString("O")));
        }
        return starts;
    }

    /// <summary>User + system seconds the process spent between the two instants of <paramref name="clock"/>.</summary>
    static async Task<double> ServerCpuAsync(int pid, Stopwatch clock, TimeSpan from, TimeSpan to)
    {
        await Task.Delay(Max(from - clock.Elapsed));
        var before = CpuTicks(pid);
        await Task.Delay(Max(to - clock.Elapsed));
        return (CpuTicks(pid) - before) / 100.0;
    }

    /// <summary>utime + stime from /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux).</summary>
    public static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    static TimeSpan Max(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
}

public static class Stats
{
    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
