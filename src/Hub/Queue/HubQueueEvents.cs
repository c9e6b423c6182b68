using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Hub.Queue;

/// <summary>
/// Pushes committed changes to the office's group (principle 1: only after the commit), then the office's new snapshot
/// to the same group: built once (<see cref="SnapshotCache"/>) and serialised once by SignalR for the whole group, so a
/// change costs the server one build and one message per screen, and no screen asks. Never throws: the change is
/// committed by now, so a failed push (the Redis backplane is down) must not turn the clerk's answer into a 500;
/// screens that missed the event or its snapshot ask, or resync from the version heartbeat (<see cref="QueueHeartbeat"/>).
/// </summary>
public sealed partial class HubQueueEvents(
    IHubContext<QueueHub, IQueueClient> hub, IServiceScopeFactory scopes, LocalScreens screens, IConfiguration config,
    ILogger<HubQueueEvents> log) : IQueueEvents
{
    /// <summary>With the Redis backplane the group spans every node, and other nodes' screens are not known here.</summary>
    readonly bool acrossNodes = config["Redis:Configuration"] is { Length: > 0 };

    /// <summary>Offices whose snapshot is being pushed, and whether another change came meanwhile.</summary>
    readonly Dictionary<int, bool> pushing = [];

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
        // No snapshot is built for a change nobody watches.
        if (acrossNodes || screens.Any(officeId))
            PushStateSoon(officeId);
    }

    /// <summary>
    /// Not awaited: the clerk's answer does not wait for the build. A burst of changes (a day closed, a desk's
    /// appointments moved) pushes at most one more snapshot after the one being built, with the newest version.
    /// </summary>
    void PushStateSoon(int officeId)
    {
        lock (pushing)
        {
            if (pushing.ContainsKey(officeId))
            {
                pushing[officeId] = true;
                return;
            }
            pushing[officeId] = false;
        }
        _ = Task.Run(() => PushStatesAsync(officeId));
    }

    async Task PushStatesAsync(int officeId)
    {
        while (true)
        {
            await PushStateAsync(officeId);
            lock (pushing)
            {
                if (!pushing[officeId])
                {
                    pushing.Remove(officeId);
                    return;
                }
                pushing[officeId] = false;
            }
        }
    }

    async Task PushStateAsync(int officeId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
            var office = await OfficeLoader.LoadAsync(db, officeId, CancellationToken.None);
            var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotService>().ForOfficeAsync(office, CancellationToken.None);
            await hub.Clients.Group(QueueHub.Group(officeId)).QueueState(snapshot);
        }
        catch (Exception x)
        {
            LogStateFailed(log, officeId, x.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the snapshot of office {OfficeId} to its screens; they ask for it: {Error}")]
    static partial void LogStateFailed(ILogger logger, int officeId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push {Kind} (version {Version}) to the screens; they resync from the heartbeat: {Error}")]
    static partial void LogPushFailed(ILogger logger, QueueEventKind kind, long version, string error);
}
