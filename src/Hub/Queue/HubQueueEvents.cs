using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;
using Rantevou.Hub.Audit;

namespace Rantevou.Hub.Queue;

/// <summary>
/// Pushes committed changes to the office's group (principle 1: only after the commit). Never throws: the change is
/// committed by now, so a failed push (the Redis backplane is down) must not turn the clerk's answer into a 500;
/// screens that missed the event resync from the version heartbeat (<see cref="QueueHeartbeat"/>).
/// </summary>
public sealed partial class HubQueueEvents(
    IHubContext<QueueHub, IQueueClient> hub, IServiceScopeFactory scopes, LocalScreens screens, ILogger<HubQueueEvents> log) : IQueueEvents
{
    public async Task PublishAsync(int officeId, QueueEvent e)
    {
        try
        {
            await hub.Clients.Group(QueueHub.Group(officeId)).QueueChanged(e);
        }
        catch (Exception x)
        {
            LogPushFailed(log, e.Kind, e.Version, x.Message);
        }
        if (screens.Any(officeId))
            _ = WarmAsync(officeId);
    }

    /// <summary>
    /// Builds the new version's snapshot while this node's screens wait out their short delay, so that when they ask, it
    /// is there and they are answered without the database. Not awaited: the clerk's answer does not wait for it.
    /// </summary>
    async Task WarmAsync(int officeId)
    {
        try
        {
            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
            var office = await OfficeLoader.LoadAsync(db, officeId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SnapshotService>().ForOfficeAsync(office, CancellationToken.None);
        }
        catch (Exception x)
        {
            LogWarmFailed(log, officeId, x.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not build the snapshot of office {OfficeId} ahead of its screens; they build it when they ask: {Error}")]
    static partial void LogWarmFailed(ILogger logger, int officeId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push {Kind} (version {Version}) to the screens; they resync from the heartbeat: {Error}")]
    static partial void LogPushFailed(ILogger logger, QueueEventKind kind, long version, string error);
}
