using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Hub.Queue;

/// <summary>
/// Pushes committed changes to the office's group (principle 1: only after the commit) as one message each: the events
/// and the office's snapshot after them, built once (<see cref="SnapshotCache"/>) and serialised once per protocol by
/// SignalR for the whole group. So a change costs the server one build and one message per screen, and no screen asks.
/// The clerk's answer does not wait for it. A burst of changes (a day closed, a desk's appointments moved) goes out as at
/// most one more message after the one being built, with every event and the newest snapshot. A failed push (the Redis
/// backplane is down) is logged, not thrown: screens that missed it resync from the version heartbeat
/// (<see cref="QueueHeartbeat"/>).
/// </summary>
public sealed partial class HubQueueEvents(
    IHubContext<QueueHub, IQueueClient> hub, IServiceScopeFactory scopes, LocalScreens screens, IConfiguration config,
    ILogger<HubQueueEvents> log) : IQueueEvents
{
    /// <summary>With the Redis backplane the group spans every node, and other nodes' screens are not known here.</summary>
    readonly bool acrossNodes = config["Redis:Configuration"] is { Length: > 0 };

    /// <summary>Per office being pushed: the events committed since its message was built.</summary>
    readonly Dictionary<int, List<QueueEvent>> waiting = [];

    public void Publish(int officeId, IReadOnlyList<QueueEvent> events)
    {
        // Nobody watches this office: nothing to build or send.
        if (!acrossNodes && !screens.Any(officeId))
            return;
        lock (waiting)
        {
            if (waiting.TryGetValue(officeId, out var pending))
            {
                pending.AddRange(events);
                return;
            }
            waiting[officeId] = [.. events];
        }
        _ = Task.Run(() => PushAsync(officeId));
    }

    async Task PushAsync(int officeId)
    {
        while (true)
        {
            List<QueueEvent> events;
            lock (waiting)
            {
                events = waiting[officeId];
                if (events.Count == 0)
                {
                    waiting.Remove(officeId);
                    return;
                }
                waiting[officeId] = [];
            }
            var change = new QueueChange(events.Max(e => e.Version), events, await SnapshotAsync(officeId));
            try
            {
                await hub.Clients.Group(QueueHub.Group(officeId)).QueueChanged(change);
            }
            catch (Exception x)
            {
                LogPushFailed(log, officeId, change.Version, x.Message);
            }
        }
    }

    /// <summary>The office's snapshot now, or null if it cannot be read: the screens then ask for it themselves.</summary>
    async Task<QueueSnapshot?> SnapshotAsync(int officeId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
            var office = await OfficeLoader.LoadAsync(db, officeId, CancellationToken.None);
            return await scope.ServiceProvider.GetRequiredService<SnapshotService>().ForOfficeAsync(office, CancellationToken.None);
        }
        catch (Exception x)
        {
            LogStateFailed(log, officeId, x.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not build the snapshot of office {OfficeId} for its screens; they ask for it: {Error}")]
    static partial void LogStateFailed(ILogger logger, int officeId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push version {Version} of office {OfficeId} to the screens; they resync from the heartbeat: {Error}")]
    static partial void LogPushFailed(ILogger logger, int officeId, long version, string error);
}
