using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Queue;

public sealed class QueueOptions
{
    /// <summary>How often each node tells its own screens the office day's version (0 turns the heartbeat off).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int HeartbeatSeconds { get; set; } = 15;
}

/// <summary>
/// The hub connections on THIS node and the office each joined: the heartbeat speaks only to its own clients. Each office's
/// count is kept as screens join and leave, so a change asks whether anyone watches in constant time, however many
/// screens are connected (a change's work must not grow with the screens).
/// </summary>
public sealed class LocalScreens
{
    readonly Dictionary<string, int> offices = [];
    readonly Dictionary<int, int> counts = [];

    public void Joined(string connectionId, int officeId)
    {
        lock (offices)
        {
            if (offices.TryGetValue(connectionId, out var was))
                Uncount(was);
            offices[connectionId] = officeId;
            counts[officeId] = counts.GetValueOrDefault(officeId) + 1;
        }
    }

    public void Left(string connectionId)
    {
        lock (offices)
        {
            if (offices.Remove(connectionId, out var was))
                Uncount(was);
        }
    }

    public bool Any(int officeId)
    {
        lock (offices)
            return counts.ContainsKey(officeId);
    }

    public IReadOnlyList<IGrouping<int, string>> ByOffice()
    {
        lock (offices)
            return offices.GroupBy(p => p.Value, p => p.Key).ToList();
    }

    void Uncount(int officeId)
    {
        if (--counts[officeId] == 0)
            counts.Remove(officeId);
    }
}

/// <summary>
/// Raised by the Redis connection when it is back. A plain event with no dependencies: the backplane's options cannot
/// depend on the heartbeat, which depends on the hub context, which depends on those options.
/// </summary>
public sealed class BackplaneSignal
{
    public event Action? Restored;

    public void RaiseRestored() => Restored?.Invoke();
}

/// <summary>
/// Principle 3 across nodes (docs/decisions/0007-scale-out.md). Events travel between nodes over the Redis backplane,
/// and a screen notices a missed event only when a later one arrives with a gap in the version. When Redis is down,
/// events published meanwhile are lost, and a display whose own connection never dropped would show yesterday's news
/// until the next change. So each node tells its own screens the current version, straight over their connections
/// (no Redis involved): every <see cref="QueueOptions.HeartbeatSeconds"/>, and at once when its backplane connection
/// comes back. A screen whose version differs fetches a snapshot. Cost: one version read per office per beat per node.
/// </summary>
public sealed partial class QueueHeartbeat(
    IServiceScopeFactory scopes, LocalScreens screens, IHubContext<QueueHub, IQueueClient> hub, BackplaneSignal backplane,
    IOptions<QueueOptions> options, ILogger<QueueHeartbeat> log) : BackgroundService
{
    readonly SemaphoreSlim beatNow = new(0);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        backplane.Restored += BackplaneRestored;
        return base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// The Redis connection is back. Beat now, and once more shortly after: the backplane's subscriptions are restored
    /// asynchronously, and an event published before they are would otherwise be lost too.
    /// </summary>
    public void BackplaneRestored()
    {
        LogRestored(log);
        beatNow.Release();
        _ = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => beatNow.Release(), TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.HeartbeatSeconds > 0 ? TimeSpan.FromSeconds(options.Value.HeartbeatSeconds) : Timeout.InfiniteTimeSpan;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await beatNow.WaitAsync(every, stoppingToken);
                await BeatAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogBeatFailed(log, e.Message);
            }
        }
    }

    /// <summary>Sends each local screen its office's current version.</summary>
    public async Task BeatAsync(CancellationToken ct)
    {
        foreach (var office in screens.ByOffice())
        {
            long version;
            await using (var scope = scopes.CreateAsyncScope())
            {
                // The version only (one statement), not a snapshot nor the office: a beat must stay cheap however many
                // offices and screens there are.
                var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
                version = await OfficeDays.VersionAsync(db, office.Key, ct);
            }
            foreach (var connectionId in office)
            {
                try
                {
                    // A single connection on this node is written to directly, also with the Redis backplane.
                    await hub.Clients.Client(connectionId).QueueVersion(version);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    screens.Left(connectionId);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis backplane connection restored; telling this node's screens to resync")]
    static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue heartbeat failed; the next beat tries again: {Error}")]
    static partial void LogBeatFailed(ILogger logger, string error);
}
