using Microsoft.Extensions.Options;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Queue;

/// <summary>
/// R5 on time: sleeps until the next booking becomes late (start + grace, read from the database) or the next closing
/// time, expires (and closes) what is due and sleeps again; a new, confirmed or moved booking or a grace change wakes it earlier (<see cref="ExpiryWake"/>).
/// Expiry itself is the idempotent conditional update of <see cref="BookingClosures.ExpireLateAsync"/>, so two nodes
/// expiring the same booking give one expiry and one mail, and the minutely <see cref="LiveDayJob"/> stays as the net.
/// A booking is never expired early: the update compares its deadline with the clock, whenever the scheduler wakes.
/// </summary>
public sealed partial class ExpiryScheduler(
    IServiceScopeFactory scopes, TimeProvider clock, ExpiryWake wake, IOptions<ExpiryOptions> options, ILogger<ExpiryScheduler> log,
    Core.Telemetry.RantevouMetrics? metrics = null)
    : BackgroundService
{
    long waitingUntilTicks;

    /// <summary>The deadline the last pass found next: a pass that expires after it tells how late it came (R5).</summary>
    DateTime? nextDeadline;

    /// <summary>The instant the scheduler sleeps until, once it sleeps (null while it works): for tests and diagnostics.</summary>
    public DateTime? WaitingUntilUtc => Interlocked.Read(ref waitingUntilTicks) is var t and > 0 ? new DateTime(t, DateTimeKind.Utc) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cap = TimeSpan.FromSeconds(options.Value.MaxWaitSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = wake.Arm();
            DateTime until;
            try
            {
                until = await PassAsync(cap, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be busy or briefly unreachable; try again after the cap (the minutely job also runs).
                LogFailed(log, e);
                until = clock.GetUtcNow().UtcDateTime + cap;
            }
            wake.Planned(until);
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = until - clock.GetUtcNow().UtcDateTime;
            var sleep = delay > TimeSpan.Zero ? Task.Delay(delay, clock, stopWaiting.Token) : Task.CompletedTask;
            Interlocked.Exchange(ref waitingUntilTicks, until.Ticks);
            await Task.WhenAny(sleep, woken);
            Interlocked.Exchange(ref waitingUntilTicks, 0);
            await stopWaiting.CancelAsync();
            await sleep.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Expires what is due now and answers when to look next: the next deadline, at most the cap away.</summary>
    async Task<DateTime> PassAsync(TimeSpan cap, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var closures = scope.ServiceProvider.GetRequiredService<BookingClosures>();
        var began = clock.GetUtcNow().UtcDateTime;
        var expired = await closures.ExpireLateAsync(ct);
        if (expired > 0)
        {
            LogExpired(log, expired);
            if (nextDeadline is { } deadline)
                metrics?.ExpiryLate(clock.GetUtcNow().UtcDateTime - deadline);
        }
        // Closing time on time too: people still waiting are told, and the display says the office is closed.
        await closures.CloseDaysAsync(ct);
        var latest = clock.GetUtcNow().UtcDateTime + cap;
        nextDeadline = await closures.NextExpiryAsync(began, ct);
        return new[] { nextDeadline, await closures.NextClosingAsync(ct), latest }.Min(t => t ?? latest);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} late booking(s)")]
    static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiry pass failed; retrying after the maximum wait")]
    static partial void LogFailed(ILogger logger, Exception e);
}
