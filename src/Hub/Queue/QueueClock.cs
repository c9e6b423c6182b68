using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Hub.Queue;

/// <summary>
/// R5 and R13 depend on time, not only on changes: the next appointment falls due while someone is at the desk, a
/// late arrival passes the grace time, an appointment leaves "next" for "due". At each office-local minute (slots start
/// on whole minutes) this node tells its own screens the office's time with the snapshot of that minute, straight over
/// their connections like the heartbeat, so each screen shows on time what time alone changed without asking. The clock
/// is the injected <see cref="TimeProvider"/>: the training clock and the tests' fake clock move it too. Cost: one
/// office read, one snapshot build and one serialisation per office per minute per node, whatever the number of screens.
/// </summary>
public sealed partial class QueueClock(
    IServiceScopeFactory scopes, LocalScreens screens, IHubContext<QueueHub, IQueueClient> hub, TimeProvider clock,
    ILogger<QueueClock> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextMinute(clock.GetUtcNow()), clock, stoppingToken);
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogTickFailed(log, e.Message);
            }
        }
    }

    /// <summary>Office time zones differ by whole minutes from UTC, so the UTC minute is every office's minute.</summary>
    public static TimeSpan UntilNextMinute(DateTimeOffset now)
    {
        var next = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
        return next - now;
    }

    /// <summary>Sends each local screen its office's local time.</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        var byOffice = screens.ByOffice();
        if (byOffice.Count == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotService>();
        foreach (var office in byOffice)
        {
            var loaded = await OfficeLoader.LoadAsync(db, office.Key, ct);
            await hub.Clients.Clients(office.ToList()).QueueClock(OfficeCalendar.ToLocal(now, loaded.TimeZone), await SnapshotAsync(snapshots, loaded, ct));
        }
    }

    /// <summary>The minute's snapshot, or null if it cannot be built now: the tick still goes, and the screens ask.</summary>
    async Task<QueueSnapshot?> SnapshotAsync(SnapshotService snapshots, Office office, CancellationToken ct)
    {
        try
        {
            return await snapshots.ForOfficeAsync(office, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSnapshotFailed(log, office.Id, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The clock tick of office {OfficeId} goes without its snapshot; its screens ask for it: {Error}")]
    static partial void LogSnapshotFailed(ILogger logger, int officeId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue clock tick failed; the next minute tries again: {Error}")]
    static partial void LogTickFailed(ILogger logger, string error);
}
