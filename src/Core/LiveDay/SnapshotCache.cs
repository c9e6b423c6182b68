using System.Collections.Concurrent;
using Rantevou.Contracts.Queue;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// The office-day snapshot, built once per office, version and minute, however many screens ask (one per node).
/// A change makes every screen of the office ask for the same version at about the same time, and the clock makes them
/// all ask at each minute: concurrent requests for one key share one build. The minute is part of the key because the
/// snapshot depends on time as well as on changes (R5, R13: who is due, who is overdue, the walk-ins' wait), so a
/// cached snapshot is never more than a minute behind time, nor behind anything that bypassed the version.
/// Only the newest entries of an office are kept: an older version or minute is evicted when a newer one is built.
/// </summary>
public sealed class SnapshotCache
{
    sealed record Entry(long Version, long Minute, Lazy<Task<QueueSnapshot>> Snapshot);

    readonly ConcurrentDictionary<int, List<Entry>> offices = new();
    long built;

    /// <summary>How many snapshots this node has built (tests and the bench count with it).</summary>
    public long Built => Interlocked.Read(ref built);

    public static long MinuteOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMinute;

    /// <summary>The snapshot of this version and minute: the one being built or already built, or a new build.</summary>
    public async Task<QueueSnapshot> GetAsync(int officeId, long version, DateTime nowUtc, Func<Task<QueueSnapshot>> build, CancellationToken ct)
    {
        var minute = MinuteOf(nowUtc);
        var shelf = offices.GetOrAdd(officeId, _ => []);
        Entry entry;
        lock (shelf)
        {
            if (shelf.Find(e => e.Version == version && e.Minute == minute) is { } found)
                entry = found;
            else
            {
                entry = new Entry(version, minute, new Lazy<Task<QueueSnapshot>>(() =>
                {
                    Interlocked.Increment(ref built);
                    return build();
                }));
                shelf.RemoveAll(e => e.Minute < minute || e.Version < version);
                shelf.Add(entry);
            }
        }
        try
        {
            return await entry.Snapshot.Value.WaitAsync(ct);
        }
        catch when (entry.Snapshot.Value.IsFaulted || entry.Snapshot.Value.IsCanceled)
        {
            // A failed build is not kept: the next request builds again.
            lock (shelf)
                shelf.Remove(entry);
            throw;
        }
    }

    /// <summary>
    /// The newest snapshot already built in this minute whose version is at least <paramref name="atLeast"/>, or null:
    /// a screen that heard version n of a change (or the clock) is answered without asking the database.
    /// </summary>
    public QueueSnapshot? Latest(int officeId, long atLeast, DateTime nowUtc)
    {
        if (!offices.TryGetValue(officeId, out var shelf))
            return null;
        var minute = MinuteOf(nowUtc);
        QueueSnapshot? best = null;
        lock (shelf)
        {
            foreach (var e in shelf)
            {
                if (e.Minute == minute && e.Version >= atLeast && e.Snapshot.IsValueCreated && e.Snapshot.Value.IsCompletedSuccessfully
                    && (best is null || e.Version > best.Version))
                    best = e.Snapshot.Value.Result;
            }
        }
        return best;
    }
}
