using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Rantevou.Contracts.Booking;
using Xunit.Abstractions;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// Several nodes for real (ADR 0007, 0011): two nodes over one PostgreSQL database and Redis, bookings spread over
/// both, and node A SIGKILLed in the middle of the burst. Node B keeps answering; every booking answered 201 by either
/// node is in the database with its mail (R2); every mail reaches the person, A's unsent ones through B's outbox
/// sweep; and the recurring jobs, whose schedule both nodes share in the database, run once a minute across the nodes.
/// </summary>
[Collection(ProcessLane.Name)]
public sealed class NodeKillTests(ITestOutputHelper output)
{
    const int Requests = 240;
    const int Concurrency = 12;
    const int KillAfter = 80;

    /// <summary>Ten office minutes a minute: a mail node A claimed and never sent is free again (a 2-minute claim) within seconds.</summary>
    const string Speed = "10";

    [Fact]
    public async Task NodeAKilledMidBurst_NodeBKeepsServing_NothingAnsweredIsLost_EachMailArrives_JobsRunOncePerMinute()
    {
        var dataDir = Nodes.NewDataDir();
        await using var smtp = SmtpTestServer.Start();
        await using var redis = await RedisServer.StartAsync();
        var settings = Nodes.Settings(("Rantevou:Clock:Speed", Speed), ("Redis:Configuration", redis.Configuration),
            ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtp.Port.ToString()), ("Smtp:Security", "None"));
        var postgres = Nodes.UsePostgres(settings);
        try
        {
            // One data folder for both, as nodes share their uploaded documents (docs/deploy.md).
            await using var a = await HubProcess.StartAsync(dataDir, settings);
            await using var b = await HubProcess.StartAsync(dataDir, settings);
            var targets = await KillTests.TargetsAsync(b, Requests);

            var created = new ConcurrentDictionary<string, string>(); // code -> the node that answered
            var statuses = new ConcurrentBag<(string Node, HttpStatusCode Status)>();
            int unknown = 0, refused = 0, answered = 0, afterKill = 0;
            var clock = Stopwatch.StartNew();
            using (var httpA = new HttpClient(a.Handler()) { BaseAddress = new Uri(a.BaseUrl) })
            using (var httpB = new HttpClient(b.Handler()) { BaseAddress = new Uri(b.BaseUrl) })
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
                {
                    var (node, http) = i % 2 == 0 ? ("A", httpA) : ("B", httpB);
                    var (serviceId, start) = targets[i];
                    var afterDeath = a.Killed; // a request sent to A after SIGKILL was sent cannot have been booked
                    try
                    {
                        var response = await http.BookAsync(serviceId, start, email: $"p{i}@example.org");
                        statuses.Add((node, response.StatusCode));
                        if (response.StatusCode == HttpStatusCode.Created)
                            created[(await response.Content.ReadFromJsonAsync<BookingCreatedDto>(ct))!.Code] = node;
                        if (a.HasExited && node == "B" && response.StatusCode == HttpStatusCode.Created)
                            Interlocked.Increment(ref afterKill);
                        if (Interlocked.Increment(ref answered) == KillAfter)
                            a.Kill();
                    }
                    catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                    {
                        Interlocked.Increment(ref refused); // never reached node A: certainly no booking
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        // In flight on A when it died: booked or not. One sent after (the kernel may still accept the
                        // connection and then reset it) certainly is not.
                        if (afterDeath)
                            Interlocked.Increment(ref refused);
                        else
                            Interlocked.Increment(ref unknown);
                    }
                });
            }
            Assert.True(a.HasExited, "the burst ended before the kill");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: answers {statuses.Count} (201: {created.Count}, by B after the kill: {afterKill}), " +
                $"in flight on A (unknown outcome): {unknown}, refused by the dead node: {refused}");
            Assert.All(statuses, s => Assert.True(s.Status is HttpStatusCode.Created or HttpStatusCode.Conflict,
                $"{s.Node}: unexpected {(int)s.Status}\n{Errors(s.Node == "A" ? a : b)}"));
            Assert.True(afterKill > 20, $"node B must keep booking after A died; it booked {afterKill}");
            Assert.InRange(unknown, 0, Concurrency);

            using var db = Nodes.OpenPostgres(postgres);
            var mails = Nodes.Query(db, """
                SELECT b."Code", b."Email", (SELECT COUNT(*) FROM "Outbox" o WHERE o."BookingId" = b."Id" AND o."Kind" = 'Created')
                FROM "Bookings" b
                """, r => (Code: r.GetString(0), Email: r.GetString(1), Mails: r.GetInt64(2)));
            var missing = created.Keys.Select(KillTests.Raw).Except(mails.Select(m => m.Code)).ToList();
            Assert.True(missing.Count == 0, $"answered 201 but not in the database: {string.Join(", ", missing)}");
            Assert.All(mails, m => Assert.True(m.Mails == 1, $"booking {m.Code} has {m.Mails} 'Created' mails in the outbox"));
            Assert.InRange(mails.Count - created.Count, 0, unknown);

            // Every booking's confirmation request reaches its person, those A had not sent included (B's sweep).
            var arrived = await smtp.WaitForAsync(mails.Count, TimeSpan.FromSeconds(150));
            await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate, had one been sent
            var byPerson = smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Select(m => m.MessageId).ToList());
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {mails.Count} bookings, {smtp.Messages.Count} mails arrived");
            Assert.All(mails, m => Assert.True(byPerson.ContainsKey(m.Email), $"no mail reached {m.Email}"));
            // A mail A handed to the server in the instant before the kill, unrecorded, is sent again by B: with the same
            // Message-ID (ADR 0003), so the person's mail program shows it once. None other is sent twice.
            var twice = byPerson.Where(p => p.Value.Count > 1).ToList();
            output.WriteLine($"sent twice: {twice.Count}");
            Assert.All(twice, p => Assert.Single(p.Value.Distinct()));
            Assert.InRange(twice.Count, 0, 1);

            // The schedule lives in the database both nodes share: each minutely job ran at most once in any minute. The
            // jobs start on the minute, so wait for a minute's runs if the test got here within its first minute.
            List<(string Job, DateTime Minute, long Count)> runs;
            var waited = Stopwatch.StartNew();
            while ((runs = Nodes.Query(db, """
                       SELECT p."value", date_trunc('minute', j."createdat"), COUNT(*)
                       FROM hangfire."job" j JOIN hangfire."jobparameter" p ON p."jobid" = j."id" AND p."name" = 'RecurringJobId'
                       GROUP BY 1, 2
                       """, r => (Job: r.GetString(0), Minute: r.GetDateTime(1), Count: r.GetInt64(2))))
                   .Select(r => r.Job).Distinct().Count() < 3)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), "the minutely jobs did not run: " + string.Join(", ", runs.Select(r => r.Job)));
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            output.WriteLine(string.Join("\n", runs.OrderBy(r => r.Minute).Select(r => $"{r.Minute:HH:mm} {r.Job} x{r.Count}")));
            Assert.All(runs, r => Assert.True(r.Count == 1, $"{r.Job} ran {r.Count} times at {r.Minute:HH:mm}"));
        }
        finally
        {
            Nodes.DeleteDataDir(dataDir);
            PostgresServer.Shared.DropDatabase(postgres);
        }
    }

    /// <summary>What a node logged about exceptions: enough to tell an unexpected answer's cause.</summary>
    static string Errors(HubProcess node) =>
        string.Join('\n', node.Output.Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("SqlState", StringComparison.Ordinal)
            || l.Contains("MessageText", StringComparison.Ordinal)).Distinct().Take(40));
}
