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
    public const int BatchSize = 50;
    static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>Sends every due message; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Outbox.AsNoTracking()
                .Where(m => m.SentUtc == null && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .OrderBy(m => m.CreatedUtc).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0)
                return sent;
            var batch = await SendBatchAsync(due, now, ct);
            sent += batch;
            if (batch == 0)
                return sent;
        }
        return sent;
    }

    async Task<int> SendBatchAsync(List<Guid> ids, DateTime now, CancellationToken ct)
    {
        IMailTransport? transport = null;
        var sent = 0;
        try
        {
            foreach (var id in ids)
            {
                if (!await ClaimAsync(id, now, ct))
                    continue;
                var row = await db.Outbox.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Mime, m.Attempts }).FirstAsync(ct);
                try
                {
                    transport ??= await transports.OpenAsync(ct);
                    using var mime = new MemoryStream(row.Mime);
                    var message = await MimeMessage.LoadAsync(mime, ct);
                    await transport.SendAsync(id, message, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    metrics?.MailFailed();
                    await FailAsync(id, row.Attempts + 1, e, ct);
                    // The server is likely down: the rest (never claimed by this run) wait for the next run.
                    return sent;
                }
                using (await writes.EnterAsync(db, ct))
                {
                    await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                        .SetProperty(m => m.SentUtc, clock.GetUtcNow().UtcDateTime)
                        .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                }
                metrics?.MailSent();
                sent++;
            }
            return sent;
        }
        finally
        {
            if (transport is not null)
                await transport.DisposeAsync();
        }
    }

    /// <summary>Writers take their turn (<see cref="WriteGate"/>) instead of meeting a busy database and sleeping.</summary>
    async Task<bool> ClaimAsync(Guid id, DateTime now, CancellationToken ct)
    {
        using var turn = await writes.EnterAsync(db, ct);
        return await db.Outbox.Where(m => m.Id == id && m.SentUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntilUtc, now + ClaimFor), ct) == 1;
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
