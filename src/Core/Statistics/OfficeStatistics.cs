using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Admin;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Statistics;

/// <summary>
/// The administrators' statistics of one office over a period of office days. Each day is counted from what the live
/// day stored (<see cref="DayCount"/>); a finished day's count is kept (<see cref="DayFigures"/>) and read back while the
/// day's version is unchanged, so a year's report adds up stored days and counts only today and what changed.
/// </summary>
public sealed class OfficeStatistics(RantevouDbContext db, TimeProvider clock, IMemoryCache held)
{
    public async Task<StatisticsDto> ForOfficeAsync(int officeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var total = new DayTally();
        foreach (var day in (await DaysAsync(office, from, to, ct)).Values)
            total.Add(day);
        return await FiguresAsync(officeId, from, to, total, ct);
    }

    /// <summary>
    /// Nightly: counts and keeps each office's finished days of the last year that are not kept yet, so an
    /// administrator's first report over a long period reads kept days too. Returns the days counted now.
    /// </summary>
    public async Task<int> KeepFinishedDaysAsync(CancellationToken ct)
    {
        var counted = 0;
        foreach (var officeId in await db.Offices.AsNoTracking().Select(o => o.Id).ToListAsync(ct))
        {
            var office = await OfficeLoader.LoadAsync(db, officeId, ct);
            var today = Today(office);
            var before = await db.DayFigures.CountAsync(d => d.OfficeId == officeId, ct);
            await DaysAsync(office, today.AddDays(-StatisticsPeriod.MaxDays), today.AddDays(-1), ct);
            counted += await db.DayFigures.CountAsync(d => d.OfficeId == officeId, ct) - before;
        }
        return counted;
    }

    DateOnly Today(Office office) => OfficeDays.Today(office, clock);

    /// <summary>
    /// Each day's tally: stored ones that still hold, the rest counted now. A day is stored once it is over in the
    /// office's time zone (nothing is booked, checked in or called on it any more) and counted again if its version
    /// moved since (a change read after the version only makes the stored count older, never wrong for longer).
    /// </summary>
    async Task<Dictionary<DateOnly, DayTally>> DaysAsync(Office office, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = Today(office);
        var versions = await db.OfficeDays.AsNoTracking().Where(d => d.OfficeId == office.Id && d.Day >= from && d.Day <= to)
            .ToDictionaryAsync(d => d.Day, d => d.Version, ct);
        var days = await KeptAsync(office.Id, from, to, today, versions, ct);

        var missing = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => !days.ContainsKey(d)).ToList();
        var counted = await DayCount.DaysAsync(db, office, missing, clock.GetUtcNow().UtcDateTime, ct);
        await StoreAsync(office.Id, counted.Where(d => d.Key < today), versions, ct);
        foreach (var (day, tally) in counted)
            days[day] = day < today ? Hold(office.Id, day, versions.GetValueOrDefault(day), tally) : tally;
        return days;
    }

    /// <summary>
    /// The kept days that still hold. A node holds the ones it read for a while (<see cref="Held"/>), by office, day and
    /// version, so an administrator going back and forth over a year reads their JSON once; a changed day has a new
    /// version and is never taken from memory.
    /// </summary>
    async Task<Dictionary<DateOnly, DayTally>> KeptAsync(int officeId, DateOnly from, DateOnly to, DateOnly today,
        Dictionary<DateOnly, long> versions, CancellationToken ct)
    {
        var kept = await db.DayFigures.AsNoTracking().Where(d => d.OfficeId == officeId && d.Day >= from && d.Day <= to && d.Day < today)
            .Select(d => new { d.Day, d.DayVersion }).ToListAsync(ct);
        var days = new Dictionary<DateOnly, DayTally>();
        var read = new List<DateOnly>();
        foreach (var d in kept.Where(d => d.DayVersion == versions.GetValueOrDefault(d.Day)))
        {
            if (held.TryGetValue(new HeldDay(officeId, d.Day, d.DayVersion), out DayTally? tally) && tally is not null)
                days[d.Day] = tally;
            else
                read.Add(d.Day);
        }
        if (read.Count == 0)
            return days;
        var rows = await db.DayFigures.AsNoTracking().Where(d => d.OfficeId == officeId && read.Contains(d.Day)).ToListAsync(ct);
        foreach (var row in rows.Where(r => r.DayVersion == versions.GetValueOrDefault(r.Day)))
            days[row.Day] = Hold(row.OfficeId, row.Day, row.DayVersion, JsonSerializer.Deserialize(row.Figures, DayTallyJson.Default.DayTally)!);
        return days;
    }

    DayTally Hold(int officeId, DateOnly day, long version, DayTally tally) =>
        held.Set(new HeldDay(officeId, day, version), tally, new MemoryCacheEntryOptions { SlidingExpiration = Held });

    /// <summary>How long a node holds a kept day nobody asked for since: a report's session, not the node's life.</summary>
    static readonly TimeSpan Held = TimeSpan.FromMinutes(10);

    sealed record HeldDay(int OfficeId, DateOnly Day, long Version);

    /// <summary>Keeps finished days' counts; another request storing the same day at the same moment wins harmlessly.</summary>
    async Task StoreAsync(int officeId, IEnumerable<KeyValuePair<DateOnly, DayTally>> finished, Dictionary<DateOnly, long> versions,
        CancellationToken ct)
    {
        var rows = finished.Select(d => new DayFigures
        {
            OfficeId = officeId,
            Day = d.Key,
            DayVersion = versions.GetValueOrDefault(d.Key),
            Figures = JsonSerializer.Serialize(d.Value, DayTallyJson.Default.DayTally),
        }).ToList();
        if (rows.Count == 0)
            return;
        var days = rows.Select(r => r.Day).ToList();
        await db.DayFigures.Where(d => d.OfficeId == officeId && days.Contains(d.Day)).ExecuteDeleteAsync(ct);
        db.DayFigures.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same days stored by a request running beside this one: its counts are as good as these.
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>The figures of the summed tally, with the office's current services, desks and clerks' names.</summary>
    async Task<StatisticsDto> FiguresAsync(int officeId, DateOnly from, DateOnly to, DayTally t, CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.OfficeId == officeId)
            .OrderBy(s => s.GroupId).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.NameEl, s.NameEn }).ToListAsync(ct);
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == officeId).OrderBy(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.NameEl, d.NameEn, d.Active }).ToListAsync(ct);
        var all = t.Services.Values.ToList();
        var serviceList = services.Select(s =>
        {
            var x = t.Services.GetValueOrDefault(s.Id, new ServiceTally(NoBookings, NoWalkIns, [], 0));
            return new ServiceStatisticsDto(s.Id, s.NameEl, s.NameEn, x.Bookings, x.WalkIns, Waiting(x.Waits.Values), x.Interruptions);
        }).ToList();
        var deskList = desks.Where(d => d.Active || t.Desks.ContainsKey(d.Id)).Select(d =>
        {
            var x = t.Desks.GetValueOrDefault(d.Id, new DeskTally(0, 0, 0, 0));
            return new DeskStatisticsDto(d.Id, d.Number, d.NameEl, d.NameEn, x.Served, Round(x.Busy), Round(x.Open), Ratio(x.Busy, x.Open),
                x.Interruptions);
        }).ToList();
        var hours = t.Hours.Count == 0 ? [] : Enumerable.Range(t.Hours.Keys.Min(), t.Hours.Keys.Max() - t.Hours.Keys.Min() + 1).Select(h =>
        {
            var x = t.Hours.GetValueOrDefault(h, new HourTally(0, 0, 0));
            var w = Waiting(all.Select(s => s.Waits.GetValueOrDefault(h)).OfType<Waits>());
            return new HourStatisticsDto(h, x.Served, w.Appointments, w.WalkIns, Round(x.Busy), Round(x.Open), Ratio(x.Busy, x.Open));
        }).ToList();

        return new StatisticsDto(from, to, t.OpenDays, all.Aggregate(NoBookings, (a, s) => Sum.Of(a, s.Bookings)), t.Arrivals,
            Waiting(all.SelectMany(s => s.Waits.Values)), all.Aggregate(NoWalkIns, (a, s) => Sum.Of(a, s.WalkIns)), all.Sum(s => s.Interruptions), serviceList, deskList,
            hours, await ClerksAsync(t.Clerks, ct), t.Interrupted,
            new GapFigures(Round(t.Gaps.FreeMinutes), Round(t.Gaps.WalkInMinutes), Ratio(t.Gaps.WalkInMinutes, t.Gaps.FreeMinutes)));
    }

    /// <summary>An account removed since keeps its row under its id: its work was done in the period all the same.</summary>
    async Task<List<ClerkStatisticsDto>> ClerksAsync(Dictionary<string, ClerkTally> clerks, CancellationToken ct)
    {
        var ids = clerks.Keys.ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return clerks.Select(c => new ClerkStatisticsDto(c.Key, names.GetValueOrDefault(c.Key) is { Length: > 0 } name ? name : c.Key,
                c.Value.Served, Round(c.Value.Minutes)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.UserId, StringComparer.Ordinal).ToList();
    }

    static readonly BookingFigures NoBookings = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    static readonly WalkInFigures NoWalkIns = new(0, 0, 0, 0, 0, 0);

    static WaitingFigures Waiting(IEnumerable<Waits> waits)
    {
        var w = waits.ToList();
        return new(Wait(w.SelectMany(x => x.Appointments)), Wait(w.SelectMany(x => x.WalkIns)));
    }

    static WaitFigures Wait(IEnumerable<double> minutes)
    {
        var sorted = minutes.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? new WaitFigures(0, null, null)
            : new WaitFigures(sorted.Length, Round(ServiceTimes.Percentile(sorted, 0.5)), Round(ServiceTimes.Percentile(sorted, 0.9)));
    }

    static double Round(double minutes) => Math.Round(minutes, 1, MidpointRounding.AwayFromZero);

    static double? Ratio(double busy, double open) => open > 0 ? Math.Round(busy / open, 3, MidpointRounding.AwayFromZero) : null;
}
