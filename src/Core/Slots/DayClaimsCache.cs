using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Rantevou.Core.Slots;

/// <summary>Section Rantevou:Availability.</summary>
public sealed class AvailabilityOptions
{
    /// <summary>
    /// How long this node answers availability from a day's taken desk time without reading it again. This node's own
    /// changes are seen at once; this is how long a booking made on another node can take to disappear here. 0: always read.
    /// </summary>
    [Range(0, 60)]
    public int CacheSeconds { get; set; } = 2;
}

/// <summary>One office day as availability needs it: which desks serve which service, and the desk time taken.</summary>
public sealed record DayClaims(long ConfigVersion, ILookup<int, int> DesksByService, IReadOnlyList<Busy> Busy);

/// <summary>
/// Per node: each office day's taken desk time, so the public availability API (read on every date a citizen looks at)
/// does not read and parse the day's claims each time. Every change of a day runs through the office-day change unit
/// (<see cref="LiveDay.DayChanges"/>), which drops that day here after its commit; a copy also goes with the office's
/// configuration version (ADR 0016) and after <see cref="AvailabilityOptions.CacheSeconds"/>, for changes made on
/// another node. Availability stays what it always was, a hint: the booking's own transaction decides (R1, R12).
/// </summary>
public sealed class DayClaimsCache(TimeProvider clock, IOptions<AvailabilityOptions> options)
{
    /// <summary>
    /// A day's copy, or only a mark that the day changed (then <see cref="Claims"/> is null). A class, not a record:
    /// <see cref="Put"/> compares shelves by reference, and two marks made at one instant must still differ.
    /// </summary>
    public sealed class Shelf(DayClaims? claims, long readAt)
    {
        public DayClaims? Claims { get; } = claims;
        public long ReadAt { get; } = readAt;
    }

    readonly ConcurrentDictionary<(int Office, DateOnly Day), Shelf> days = new();

    /// <summary>What is on the day's shelf now: pass it back to <see cref="Put"/> after reading the day.</summary>
    public Shelf? Look(int officeId, DateOnly day) => days.TryGetValue((officeId, day), out var shelf) ? shelf : null;

    /// <summary>The day's copy if it is of <paramref name="configVersion"/> and young enough.</summary>
    public DayClaims? Usable(Shelf? shelf, long configVersion) =>
        shelf?.Claims is { } claims && claims.ConfigVersion == configVersion
        && clock.GetElapsedTime(shelf.ReadAt) < TimeSpan.FromSeconds(options.Value.CacheSeconds)
            ? claims : null;

    /// <summary>
    /// Keeps a day just read, unless the day changed since <paramref name="before"/> was looked at: a read that started
    /// before a commit must not put back what the commit made old.
    /// </summary>
    public void Put(int officeId, DateOnly day, Shelf? before, DayClaims claims)
    {
        if (options.Value.CacheSeconds == 0)
            return;
        var shelf = new Shelf(claims, clock.GetTimestamp());
        var stored = before is null ? days.TryAdd((officeId, day), shelf) : days.TryUpdate((officeId, day), shelf, before);
        if (stored && days.Count > 4096)
            Prune();
    }

    /// <summary>Called after a change of these days committed (<see cref="LiveDay.DayChanges"/>).</summary>
    public void Forget(int officeId, IEnumerable<DateOnly> changed)
    {
        var mark = new Shelf(null, clock.GetTimestamp());
        foreach (var day in changed)
            days[(officeId, day)] = mark;
    }

    /// <summary>Old copies and marks go once there are many: a mark only matters while a read that began before it runs.</summary>
    void Prune()
    {
        var age = TimeSpan.FromSeconds(Math.Max(options.Value.CacheSeconds, 60));
        foreach (var (key, shelf) in days)
            if (clock.GetElapsedTime(shelf.ReadAt) > age)
                days.TryRemove(KeyValuePair.Create(key, shelf));
    }
}
