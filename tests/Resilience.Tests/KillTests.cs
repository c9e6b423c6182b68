using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Rantevou.Contracts.Booking;
using Xunit.Abstractions;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// Principle 4 with a real crash: the server process is SIGKILLed in the middle of a burst of bookings. Whatever it
/// answered 201 must be in the database with its mail in the outbox (R2: same transaction), the file must be sound,
/// and the server must start again over it.
/// </summary>
[Collection(ProcessLane.Name)]
public sealed class KillTests(ITestOutputHelper output)
{
    const int Requests = 500;
    const int Concurrency = 16;
    const int KillAfter = 200;

    [Fact]
    public async Task HubKilledMidBurstOf500Bookings_KeepsEveryAnsweredBookingAndItsMail_AndStartsAgain()
    {
        var dataDir = Nodes.NewDataDir();
        try
        {
            // No Smtp:Host: mail goes to the outbox and from there to .eml files.
            var hub = await HubProcess.StartAsync(dataDir, Nodes.Settings());
            var targets = await TargetsAsync(hub);

            var created = new ConcurrentDictionary<string, string>(); // code -> manage token
            var statuses = new ConcurrentBag<HttpStatusCode>();
            int refused = 0, unknown = 0, answered = 0;
            var clock = Stopwatch.StartNew();
            TimeSpan killedAt = default;
            using (var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = new Uri(hub.BaseUrl) })
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
                {
                    var (serviceId, start) = targets[i % targets.Count];
                    // Killed turns true as soon as SIGKILL is sent, before the process is reaped: a request sent after
                    // that cannot have been booked.
                    var afterDeath = hub.Killed;
                    try
                    {
                        var response = await http.BookAsync(serviceId, start, email: $"p{i}@example.org");
                        statuses.Add(response.StatusCode);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var dto = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>(ct))!;
                            created[dto.Code] = dto.ManageToken;
                        }
                        if (Interlocked.Increment(ref answered) == KillAfter)
                        {
                            killedAt = clock.Elapsed;
                            hub.Kill();
                        }
                    }
                    catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                    {
                        Interlocked.Increment(ref refused); // never reached the server: certainly no booking
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        // In flight when the process died: booked or not. One sent after (the kernel may still accept the
                        // connection and then reset it) certainly is not.
                        if (afterDeath)
                            Interlocked.Increment(ref refused);
                        else
                            Interlocked.Increment(ref unknown);
                    }
                });
            }
            Assert.True(hub.HasExited, "the burst ended before the kill");
            output.WriteLine($"killed after {KillAfter} answers at {killedAt.TotalSeconds:F1} s; answers {statuses.Count} " +
                $"(201: {created.Count}, 409: {statuses.Count(s => s == HttpStatusCode.Conflict)}), in flight (unknown outcome): {unknown}, refused: {refused}");
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {(int)s}"));
            Assert.True(created.Count > KillAfter / 2, $"most bookings should succeed, got {created.Count}");
            Assert.InRange(unknown, 0, Concurrency);

            // The file as the dead process left it (with its WAL): sound, and holding every answered booking and its mail.
            using (var db = Nodes.OpenDatabase(hub.DatabaseFile))
            {
                Assert.Equal(["ok"], Nodes.Query(db, "PRAGMA integrity_check", r => r.GetString(0)));
                Assert.Empty(Nodes.Query(db, "PRAGMA foreign_key_check", r => r.GetString(0)));
                var mails = Nodes.Query(db, """
                    SELECT b.Code, (SELECT COUNT(*) FROM Outbox o WHERE o.BookingId = b.Id AND o.Kind = 'Created')
                    FROM Bookings b
                    """, r => (Code: r.GetString(0), Mails: r.GetInt32(1))).ToDictionary(x => x.Code, x => x.Mails);
                var missing = created.Keys.Select(Raw).Where(c => !mails.ContainsKey(c)).ToList();
                Assert.True(missing.Count == 0, $"answered 201 but not in the database: {string.Join(", ", missing)}");
                Assert.All(mails, m => Assert.True(m.Value == 1, $"booking {m.Key} has {m.Value} 'Created' mails in the outbox"));
                // A booking nobody heard about can only come from a request whose answer the kill swallowed.
                var unanswered = mails.Count - created.Count;
                output.WriteLine($"bookings in the database: {mails.Count} ({unanswered} committed without an answer)");
                Assert.InRange(unanswered, 0, unknown);
            }

            var restart = Stopwatch.StartNew();
            await using var again = await hub.RestartAsync(Nodes.Settings());
            output.WriteLine($"restarted over the same file in {restart.Elapsed.TotalSeconds:F1} s");
            using var client = again.Client();
            foreach (var (code, token) in created)
            {
                var booking = await client.GetFromJsonAsync<BookingDto>($"/api/bookings/{code}?token={Uri.EscapeDataString(token)}");
                Assert.Equal(code, booking!.Code);
            }
        }
        finally
        {
            Nodes.DeleteDataDir(dataDir);
        }
    }

    internal static string Raw(string code) => code.Replace("-", "", StringComparison.Ordinal);

    /// <summary>
    /// Free (service, start) pairs from the availability API over the next working days: for each service and day,
    /// starts one service duration apart (never overlapping each other), each service's list rotated so that
    /// services sharing a desk mostly ask for different times. Interleaved, consecutive requests differ in service and
    /// day; most succeed, some still collide on a shared desk (409).
    /// </summary>
    internal static async Task<List<(int ServiceId, DateTimeOffset Start)>> TargetsAsync(HubProcess hub, int count = Requests)
    {
        using var http = hub.Client();
        var services = await http.ServicesAsync();
        var days = Enumerable.Range(1, 14).Select(d => Nodes.Tuesday.AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(8).ToList();
        var lists = new List<List<(int, DateTimeOffset)>>();
        foreach (var (service, index) in services.Select((s, i) => (s, i)))
            foreach (var day in days)
            {
                var starts = new List<(int, DateTimeOffset)>();
                foreach (var slot in await http.AvailabilityAsync(service.Id, day))
                    if (starts.Count == 0 || slot.Start >= starts[^1].Item2.AddMinutes(service.DurationMinutes))
                        starts.Add((service.Id, slot.Start));
                var shift = starts.Count * index / services.Count;
                lists.Add([.. starts.Skip(shift), .. starts.Take(shift)]);
            }
        var targets = new List<(int, DateTimeOffset)>();
        for (var n = 0; targets.Count < count && lists.Any(l => n < l.Count); n++)
            targets.AddRange(lists.Where(l => n < l.Count).Select(l => l[n]));
        Assert.True(targets.Count >= count, $"only {targets.Count} free slots");
        return targets;
    }
}
