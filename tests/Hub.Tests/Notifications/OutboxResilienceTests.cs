using System.Net;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Hub.Notifications;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>R2: while the mail server is down nothing is lost; when it is back every mail arrives exactly once.</summary>
public class OutboxResilienceTests : AppTest
{
    [Fact]
    public async Task SmtpDown_FiftyBookingsMailsWait_ThenEachArrivesExactlyOnce()
    {
        await Smtp.StopAsync();
        var codes = await BookManyAsync(50);

        Assert.Equal(0, await App.DispatchMailAsync());
        var rows = await Db(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Null(r.SentUtc));
        Assert.All(rows, r => Assert.Null(r.LockedUntilUtc));
        var tried = Assert.Single(rows, r => r.Attempts > 0);
        Assert.NotNull(tried.LastError);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime + OutboxDispatcher.Backoff(1), tried.NextAttemptUtc);

        // Twenty minutes of the minutely sweep against a dead server: retries, nothing sent, nothing dropped.
        for (var minute = 0; minute < 20; minute++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await App.DispatchMailAsync());
        }
        rows = await Db(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(50, rows.Count(r => r.SentUtc is null && r.LockedUntilUtc is null));
        Assert.True(rows.Sum(r => r.Attempts) >= 20);
        Assert.Empty(Smtp.Messages);

        Smtp.Resume();
        App.Clock.Advance(OutboxDispatcher.Backoff(int.MaxValue) + TimeSpan.FromSeconds(1));
        Assert.Equal(50, await App.DispatchMailAsync());
        await Smtp.WaitForAsync(50);
        Assert.Equal(0, await App.DispatchMailAsync());
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await App.DispatchMailAsync());

        var mails = Smtp.Messages.ToList();
        Assert.Equal(50, mails.Count);
        Assert.Equal(50, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(rows.Select(r => $"{r.Id:N}@rantevou").Order(), mails.Select(m => m.MessageId).Order());
        Assert.Equal(50, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.All(codes, code => Assert.Single(mails, m => m.Subject!.Contains(code[..4], StringComparison.Ordinal) && m.Subject.Contains(code[4..], StringComparison.Ordinal)));
        Assert.Equal(50, await Db(db => db.Outbox.CountAsync(m => m.SentUtc != null && m.LockedUntilUtc == null)));
    }

    [Fact]
    public async Task FailingSender_LeavesAMessageClaimedByAnotherSenderAlone()
    {
        await BookManyAsync(3);
        var ids = await Db(db => db.Outbox.OrderBy(m => m.CreatedUtc).Select(m => m.Id).ToListAsync());
        // Another sender (another node) has claimed the second message and is sending it right now.
        var claimedUntil = App.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
        await Db(db => db.Outbox.Where(m => m.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntilUtc, claimedUntil)));
        await Smtp.StopAsync();

        Assert.Equal(0, await App.DispatchMailAsync());

        Assert.Equal(claimedUntil, await Db(db => db.Outbox.Where(m => m.Id == ids[1]).Select(m => m.LockedUntilUtc).SingleAsync()));
        Smtp.Resume();
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, await App.DispatchMailAsync());
        Assert.DoesNotContain(Smtp.Messages, m => m.MessageId == $"{ids[1]:N}@rantevou");
    }

    [Fact]
    public async Task ServerRefusingMidBatch_KeepsWhatLeft_RetriesTheRefused_AndFreesTheRestAtOnce()
    {
        await BookManyAsync(3);
        var ids = await Db(db => db.Outbox.OrderBy(m => m.CreatedUtc).Select(m => m.Id).ToListAsync());
        Smtp.RefuseAfter(1);

        Assert.Equal(1, await App.DispatchMailAsync());

        var rows = (await Db(db => db.Outbox.AsNoTracking().ToListAsync())).ToDictionary(r => r.Id);
        Assert.NotNull(rows[ids[0]].SentUtc);
        Assert.Equal(1, rows[ids[0]].Attempts);
        Assert.Null(rows[ids[1]].SentUtc);
        Assert.Equal(1, rows[ids[1]].Attempts);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime + OutboxDispatcher.Backoff(1), rows[ids[1]].NextAttemptUtc);
        // Claimed with the batch but never tried: free for the next run now, not when the claim runs out.
        Assert.Equal((null, 0, (DateTime?)null), (rows[ids[2]].LockedUntilUtc, rows[ids[2]].Attempts, rows[ids[2]].SentUtc));
        Assert.All(rows.Values, r => Assert.Null(r.LockedUntilUtc));

        Smtp.AcceptAll();
        App.Clock.Advance(OutboxDispatcher.Backoff(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await App.DispatchMailAsync());
        Assert.Equal(ids.Select(id => $"{id:N}@rantevou").Order(), (await Smtp.WaitForAsync(3)).Select(m => m.MessageId).Order());
        Assert.Equal(0, await App.DispatchMailAsync());
    }

    [Fact]
    public async Task SlowServer_EachMailLeavesOnAClaimStillHeld_SoNoOtherSenderCouldHaveTakenIt()
    {
        await BookManyAsync(3);
        var seen = new List<(DateTime? ClaimedUntil, DateTime At)>();
        Smtp.Receiving = async message =>
        {
            var id = Guid.ParseExact((message.MessageId ?? "").Split('@')[0], "N");
            seen.Add((await Db(db => db.Outbox.Where(m => m.Id == id).Select(m => m.LockedUntilUtc).SingleAsync()), App.Clock.GetUtcNow().UtcDateTime));
            // A server this slow takes a whole claim's time for each mail.
            App.Clock.Advance(TimeSpan.FromMinutes(2));
        };

        Assert.Equal(3, await App.DispatchMailAsync());

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.True(s.ClaimedUntil > s.At, $"sent at {s.At:HH:mm:ss} on a claim that ran out at {s.ClaimedUntil:HH:mm:ss}"));
        Assert.Equal(3, Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Booking_WhenTheJobQueueRefusesTheSendNudge_Is201_AndTheSweepSendsTheMail()
    {
        var app = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IBackgroundJobClient, RefusingJobClient>()));
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var start = (await http.AvailabilityAsync(service.Id, Wednesday))[0].Start;

        var response = await http.BookAsync(service.Id, start);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None));
        Assert.Single(await Smtp.WaitForAsync(1));
    }

    /// <summary>Job storage that is unreachable (a SQL Server failover, say).</summary>
    sealed class RefusingJobClient : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new InvalidOperationException("job storage unreachable");

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new InvalidOperationException("job storage unreachable");
    }

    /// <summary>Books the first free time again and again, moving to the next working day when one is full.</summary>
    async Task<List<string>> BookManyAsync(int count)
    {
        var service = await ServiceAsync();
        var codes = new List<string>();
        for (var day = Wednesday; codes.Count < count; day = day.AddDays(1))
        {
            for (var starts = await FreeStartsAsync(service.Id, day); starts.Count > 0 && codes.Count < count; starts = await FreeStartsAsync(service.Id, day))
            {
                codes.Add((await Http.BookOkAsync(service.Id, starts[0], $"person{codes.Count}@example.org")).Code);
                App.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }
        return codes;
    }
}

/// <summary>The same outbox on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class OutboxResilienceTestsOnPostgres : OutboxResilienceTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
