using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Notifications;

/// <summary>
/// R2: sends what the outbox holds. Each message is claimed with a conditional update (so two
/// senders never send it twice), marked sent after the server took it, and retried with backoff
/// for as long as the server is down: a mail is never dropped.
/// </summary>
public sealed partial class OutboxDispatcher(
    RantevouDbContext db, MailTransportFactory transports, TimeProvider clock, WriteGate writes, ILogger<OutboxDispatcher> log,
    Core.Telemetry.RantevouMetrics? metrics = null)
{
    /// <summary>
    /// A batch's claims share one commit. Small, because a sender that dies leaves its batch claimed until the claims run
    /// out (<see cref="ClaimFor"/>), and another node sends those mails only then.
    /// </summary>
    public const int BatchSize = 20;
    static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>Sends every due message; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await Due(db, now).ToListAsync(ct);
            if (due.Count == 0)
                return sent;
            var (batch, failed) = await SendBatchAsync(due, now, ct);
            sent += batch;
            // After a failure the server is likely down: the rest waits for the next run.
            if (batch == 0 || failed)
                return sent;
        }
        return sent;
    }

    /// <summary>The next batch of unsent mail that is due, oldest first: read from the outbox's sender index alone.</summary>
    internal static IQueryable<Guid> Due(RantevouDbContext db, DateTime now) => db.Outbox.AsNoTracking()
        .Where(m => m.SentUtc == null && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
        .OrderBy(m => m.CreatedUtc).Select(m => m.Id).Take(BatchSize);

    /// <summary>
    /// One write turn claims the batch, instead of one per message: under a burst of bookings the sender's writes queued
    /// behind the bookings' for the one SQLite writer, and they still go ahead of them (<see cref="WriteGate"/>). Each
    /// message is marked sent as soon as the server took it, so a crash sends again at most the one message in hand
    /// (R2: at least once, never lost).
    /// </summary>
    async Task<(int Sent, bool Failed)> SendBatchAsync(List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var claimed = await ClaimAsync(ids, now, ct);
        if (claimed.Count == 0)
            return (0, false);
        var rows = (await db.Outbox.AsNoTracking().Where(m => claimed.Contains(m.Id))
            .Select(m => new { m.Id, m.Mime, m.Attempts }).ToListAsync(ct)).OrderBy(m => ids.IndexOf(m.Id)).ToList();
        IMailTransport? transport = null;
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (clock.GetUtcNow().UtcDateTime >= now + ClaimFor / 2)
                {
                    // A slow server: the rest is claimed afresh by the next batch, not sent on claims about to run out.
                    await UnclaimAsync(rows.Skip(i).Select(r => r.Id).ToList(), ct);
                    return (i, false);
                }
                try
                {
                    transport ??= await transports.OpenAsync(ct);
                    using var mime = new MemoryStream(rows[i].Mime);
                    var message = await MimeMessage.LoadAsync(mime, ct);
                    await transport.SendAsync(rows[i].Id, message, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    metrics?.MailFailed();
                    await FailAsync(rows[i].Id, rows[i].Attempts + 1, e, ct);
                    await UnclaimAsync(rows.Skip(i + 1).Select(r => r.Id).ToList(), ct);
                    return (i, true);
                }
                await MarkSentAsync(rows[i].Id, ct);
                metrics?.MailSent();
            }
            return (rows.Count, false);
        }
        finally
        {
            if (transport is not null)
                await transport.DisposeAsync();
        }
    }

    /// <summary>
    /// Each message is claimed with its own conditional update, so two senders never both send it; the batch's updates
    /// share one write turn and one commit (<see cref="WriteGate"/>).
    /// </summary>
    async Task<List<Guid>> ClaimAsync(List<Guid> ids, DateTime now, CancellationToken ct)
    {
        using var turn = await writes.EnterAsync(db, ct, ahead: true);
        // A server database's execution strategy runs the transaction again whole after a transient failure.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var claimed = new List<Guid>();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            foreach (var id in ids)
                if (await db.Outbox.Where(m => m.Id == id && m.SentUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntilUtc, now + ClaimFor), token) == 1)
                    claimed.Add(id);
            await tx.CommitAsync(token);
            return claimed;
        }, ct);
    }

    async Task MarkSentAsync(Guid id, CancellationToken ct)
    {
        using var turn = await writes.EnterAsync(db, ct, ahead: true);
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.SentUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    /// <summary>Claimed but not tried: free at once for the next run (or another node), not after the claim runs out.</summary>
    async Task UnclaimAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return;
        using var turn = await writes.EnterAsync(db, ct, ahead: true);
        await db.Outbox.Where(m => ids.Contains(m.Id) && m.SentUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntilUtc, (DateTime?)null), ct);
    }

    async Task FailAsync(Guid id, int attempts, Exception e, CancellationToken ct)
    {
        var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
        var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
        LogSendFailed(log, id, attempts, next, e.Message);
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, error), ct);
    }

    /// <summary>10 s, 20 s, 40 s … capped at 10 minutes; never gives up.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, Math.Min(attempts - 1, 10))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} failed (attempt {Attempts}); next try at {Next:o}: {Error}")]
    static partial void LogSendFailed(ILogger logger, Guid id, int attempts, DateTime next, string error);
}
