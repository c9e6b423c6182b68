using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Rantevou.Browser.Tests;
using Xunit.Abstractions;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// Two nodes over one SQLite file, each with its own Hangfire (in memory) running the outbox sender, or over one
/// PostgreSQL database with Hangfire's store in it: both are nudged after every booking and race over the same outbox
/// rows. The claim on each row (OutboxDispatcher) must make every mail leave exactly once.
/// </summary>
// No browser: in this lane to balance the two (ProcessLane).
[Collection(BrowserCollection.Name)]
public sealed class TwoNodeMailTests(ITestOutputHelper output)
{
    const int Bookings = 40;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task TwoNodesSendingOneOutbox_SendEveryMailExactlyOnce(TestDatabase database)
    {
        var dataDir = Nodes.NewDataDir();
        await using var smtp = SmtpTestServer.Start();
        string? postgres = null;
        try
        {
            var settings = Nodes.Settings(("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtp.Port.ToString()), ("Smtp:Security", "None"));
            if (database == TestDatabase.PostgreSql)
                postgres = Nodes.UsePostgres(settings);
            await using var a = await HubProcess.StartAsync(dataDir, settings);
            await using var b = await HubProcess.StartAsync(dataDir, settings);
            using var httpA = a.Client();
            using var httpB = b.Client();
            var service = (await httpA.ServicesAsync())[0];
            var starts = new List<DateTimeOffset>();
            for (var day = Nodes.Tuesday.AddDays(1); starts.Count < Bookings; day = day.AddDays(1))
                starts.AddRange((await httpA.AvailabilityAsync(service.Id, day)).Select(s => s.Start)
                    .Where((_, i) => i % 3 == 0)); // apart enough that each booking wins its own time

            var clock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(starts.Take(Bookings).Select((start, i) =>
                (i % 2 == 0 ? httpA : httpB).BookAsync(service.Id, start, email: $"person{i}@example.org")));
            Assert.All(answers, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

            await smtp.WaitForAsync(Bookings, TimeSpan.FromSeconds(90));
            var allArrived = clock.Elapsed;
            // Give a second sender time to send a duplicate, had it claimed a message already taken.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var messages = smtp.Messages.ToList();
            output.WriteLine($"{Bookings} bookings over two nodes; all {messages.Count} mails arrived after {allArrived.TotalSeconds:F1} s");
            Assert.Equal(Bookings, messages.Count);
            Assert.Equal(Bookings, messages.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(Bookings, messages.Select(m => m.To.ToString()).Distinct().Count());

            using DbConnection db = postgres is null ? Nodes.OpenDatabase(a.DatabaseFile) : Nodes.OpenPostgres(postgres);
            var rows = Nodes.Query(db, "SELECT \"SentUtc\" IS NOT NULL, \"Attempts\" FROM \"Outbox\"", r => (Sent: r.GetBoolean(0), Attempts: r.GetInt32(1)));
            Assert.Equal(Bookings, rows.Count);
            Assert.All(rows, r => Assert.True(r.Sent && r.Attempts == 1, $"sent {r.Sent}, attempts {r.Attempts}"));
        }
        finally
        {
            Nodes.DeleteDataDir(dataDir);
            if (postgres is not null)
                PostgresServer.Shared.DropDatabase(postgres);
        }
    }
}
