using Microsoft.Data.Sqlite;

namespace Rantevou.Bench.Backend;

/// <summary>
/// Booking throughput: sustained successful POST /api/bookings per second against the Release Hub on core 0, with 10%
/// of the requests fighting over the same few starts; then the database is checked for double bookings, lost
/// bookings and bookings without their mail. The Hub sends its mail over SMTP (<see cref="MailSink"/>), as in the
/// office. Baseline: <see cref="BaselineServer"/> under the same load generator.
/// </summary>
public static class BookingBench
{
    public static async Task<IEnumerable<Row>> RunAsync(string dir, bool quick, string? trace = null)
    {
        var (days, warmup, measured, concurrency, past) = quick ? (10, 1, 4, 32, 10) : (60, 10, 15, 64, 90);
        var hubSeed = await Seeder.OfficeAsync(Path.Combine(dir, "hub"));
        var baseSeed = await Seeder.OfficeAsync(Path.Combine(dir, "baseline"));
        // Both offices have the same past, so the baseline's insert also goes into a table of that size.
        var history = await History.AddAsync(hubSeed, past);
        await History.AddAsync(baseSeed, past);

        List<string> starts;
        LoadResult hub;
        Backlog mail;
        await using (var sink = MailSink.Start())
        await using (var server = await Server.HubAsync(hubSeed.DataDir, Suite.ServerCore, sink.HubSettings))
        {
            starts = await LoadGenerator.StartsAsync(server.Url, hubSeed.ServiceId, days);
            var load = new LoadGenerator(server.Url, hubSeed.ServiceId, starts, Seeder.Desks, concurrency)
                .RunAsync(TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(measured), server.Pid);
            if (trace is not null)
                await TraceAsync(server.Pid, warmup, measured, trace);
            hub = await load;
            mail = await DrainAsync(sink, hub.CreatedInAll, server.Pid);
        }
        var check = await CheckAsync(hubSeed);
        var lost = hub.CreatedInAll - check.All;

        LoadResult baseline;
        await using (var server = await Server.BaselineAsync(baseSeed.DataDir, Suite.ServerCore))
            baseline = await new LoadGenerator(server.Url, baseSeed.ServiceId, starts, Seeder.Desks, concurrency)
                .RunAsync(TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(measured), server.Pid);

        var rate = hub.CreatedPerSecond;
        var ratio = rate / baseline.CreatedPerSecond;
        var notes = $"an office with {history:N0} past bookings of the service; {hub.RequestsPerSecond:0} requests/s, {100.0 * hub.Conflicts / Math.Max(1, hub.Requests):0.0}% answered 409, "
            + $"{hub.Other} other ({string.Join(", ", hub.Statuses.Where(s => s.Key is not (201 or 409)).Select(s => $"{s.Key}: {s.Value}"))}); "
            + $"p50 {hub.P50Ms:0.0} ms, p99 {hub.P99Ms:0.0} ms (baseline p99 {baseline.P99Ms:0.0} ms); {concurrency} concurrent, {measured} s measured; "
            + $"server CPU {hub.CpuMsPerRequest:0.00} ms per request (baseline {baseline.CpuMsPerRequest:0.00} ms, {hub.CpuMsPerRequest / baseline.CpuMsPerRequest:0.0}x); "
            + $"{check.DoubleBookings} double bookings; "
            + $"mail over SMTP: {mail.Waiting} bookings' mails not yet sent when the load stopped, sent in {mail.Seconds:0.0} s after it "
            + $"at {mail.CpuMsPerMail:0.00} ms server CPU each";
        return
        [
            new Row("bookings/s (10% contention)", "bookings/s", rate, "minimal ASP.NET Core + one Microsoft.Data.Sqlite INSERT",
                baseline.CreatedPerSecond, ">= 2000/s and >= 0.5x baseline", rate >= 2000 && ratio >= 0.5 && check.DoubleBookings == 0, notes),
            new Row("double bookings after the run", "bookings", check.DoubleBookings, null, null, "0",
                check.DoubleBookings == 0 && check.WithoutMail == 0 && check.ClaimsMismatch == 0 && lost == 0 && mail.Unsent == 0,
                $"{check.Active} active bookings; {hub.CreatedInAll} answered 201, {lost} of them missing from the database; {check.WithoutMail} without their 'Created' mail in the outbox, "
                + $"{mail.Unsent} whose mail the SMTP server had not taken 2 minutes after the load; "
                + $"slot claims vs booked units differ by {check.ClaimsMismatch}"),
        ];
    }

    /// <summary>Profiling (README): a CPU-sampling trace of the Hub over the measured window, with dotnet-trace from the local tools.</summary>
    static async Task TraceAsync(int pid, int warmup, int measured, string file)
    {
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = Suite.RepoRoot };
        foreach (var a in new[] { "dotnet-trace", "collect", "-p", pid.ToString(), "--profile", "dotnet-sampled-thread-time", "--format", "Speedscope", "-o", file,
            "--duration", TimeSpan.FromSeconds(measured - 1).ToString(@"dd\:hh\:mm\:ss") })
            info.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(info)!;
        await p.WaitForExitAsync();
    }

    /// <summary>The mail still to send when the load stopped, and what sending it took once the server was free.</summary>
    sealed record Backlog(long Waiting, double Seconds, double CpuMsPerMail, long Unsent);

    /// <summary>
    /// Under load the outbox sends beside the bookings and falls behind; the rest goes out after. Its CPU is the booking's
    /// too, so it is measured: the server's CPU from the end of the load until every created booking's mail was taken.
    /// </summary>
    static async Task<Backlog> DrainAsync(MailSink sink, long bookings, int pid)
    {
        var waiting = bookings - sink.Received;
        var before = LoadGenerator.CpuTicks(pid);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (sink.Received < bookings && clock.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(50);
        var cpuMs = (LoadGenerator.CpuTicks(pid) - before) * 10.0;
        return new Backlog(waiting, clock.Elapsed.TotalSeconds, cpuMs / Math.Max(1, waiting), Math.Max(0, bookings - sink.Received));
    }

    public sealed record Check(long All, long Active, long DoubleBookings, long WithoutMail, long ClaimsMismatch);

    /// <summary>
    /// Reads the bookings themselves, not only the claims: per desk in start order, a booking starting before the
    /// latest end of the bookings before it overlaps one of them.
    /// </summary>
    static async Task<Check> CheckAsync(Seeded seeded)
    {
        await using var c = new SqliteConnection(seeded.ConnectionString);
        await c.OpenAsync();
        // The run's bookings only, not the office's past (History).
        const string run = $"Email NOT LIKE '{History.EmailPrefix}%'";
        const string active = $"{run} AND Status NOT IN ('Cancelled', 'Released', 'Expired', 'Void')";
        return new Check(
            await ScalarAsync(c, $"SELECT COUNT(*) FROM Bookings WHERE {run}"),
            await ScalarAsync(c, $"SELECT COUNT(*) FROM Bookings WHERE {active}"),
            await ScalarAsync(c, $"""
                SELECT COUNT(*) FROM (
                  SELECT StartUtc, MAX(EndUtc) OVER (PARTITION BY DeskId ORDER BY StartUtc, Id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS PrevEnd
                  FROM Bookings WHERE {active})
                WHERE PrevEnd > StartUtc
                """),
            await ScalarAsync(c, $"SELECT COUNT(*) FROM Bookings b WHERE {run} AND NOT EXISTS (SELECT 1 FROM Outbox m WHERE m.BookingId = b.Id AND m.Kind = 'Created')"),
            await ScalarAsync(c, $"SELECT (SELECT COALESCE(SUM(DurationMinutes / 5), 0) FROM Bookings WHERE {active}) - (SELECT COUNT(*) FROM SlotClaims)"));
    }

    static async Task<long> ScalarAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
