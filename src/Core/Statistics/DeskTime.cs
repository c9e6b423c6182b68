using Rantevou.Core.Offices;

namespace Rantevou.Core.Statistics;

/// <summary>A stretch of a desk's time with someone at it, in office-local wall time.</summary>
public sealed record Segment(int DeskId, DateTime From, DateTime To);

/// <summary>
/// Desk utilisation: minutes with someone at the desk over minutes the desk was open, per desk and per hour of the day.
/// A desk counts as open for the office's hours on each open day if it is in service now or worked that day; the
/// software keeps no history of desks switched on and off (R11), so this is the closest honest measure. A day still
/// running counts its open time up to <c>until</c> (the office's clock now): at 09:30 a morning of work is not measured
/// against the hours to 14:00 that have not come yet.
/// </summary>
public sealed class DeskTime
{
    public int OpenDays { get; private set; }

    /// <summary>Busy and open minutes of each desk.</summary>
    public Dictionary<int, (double Busy, double Open)> Desks { get; } = [];

    /// <summary>Busy and open desk-minutes of each local hour of the day (9 = 09:00–10:00), over all days.</summary>
    public Dictionary<int, (double Busy, double Open)> Hours { get; } = [];

    public static DeskTime Measure(Office office, DateOnly from, DateOnly to, IEnumerable<int> activeDesks, IReadOnlyList<Segment> segments,
        DateTime until)
    {
        var active = activeDesks.ToHashSet();
        var byDay = segments.ToLookup(s => DateOnly.FromDateTime(s.From));
        var openDays = 0;
        var time = new DeskTime();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (OpenHours(office, day, byDay[day], until) is not var (opens, closes))
                continue;
            if (closes <= opens)
                continue; // today before opening: not yet an open day
            openDays++;
            foreach (var desk in active.Union(byDay[day].Select(s => s.DeskId)))
                time.Add(desk, opens, closes, open: true);
        }
        foreach (var s in segments)
            time.Add(s.DeskId, s.From, s.To, open: false);
        time.OpenDays = openDays;
        return time;
    }

    /// <summary>
    /// The day's open hours as counted, in office-local wall time, up to <paramref name="until"/>; null when the office was
    /// closed. A day the office closed after work had begun (R11: a closed special day set during it, a power cut) was
    /// open from its usual opening to the end of the last work done at a desk.
    /// </summary>
    public static (DateTime Opens, DateTime Closes)? OpenHours(Office office, DateOnly day, IEnumerable<Segment> work, DateTime until)
    {
        var zone = office.TimeZone;
        var open = OfficeCalendar.OpenOn(day, zone, office.Hours, office.SpecialDays);
        DateTime? lastWork = null;
        if (open is null && work.Any())
        {
            open = OfficeCalendar.OpenOn(day, zone, office.Hours, []);
            lastWork = work.Max(s => s.To);
        }
        if (open is null)
            return null;
        var closes = OfficeCalendar.ToLocal(open.CloseUtc, zone).DateTime;
        if (lastWork < closes)
            closes = lastWork.Value;
        return (OfficeCalendar.ToLocal(open.OpenUtc, zone).DateTime, until < closes ? until : closes);
    }

    /// <summary>Adds the stretch to its desk and splits it over the hours of the day it touches.</summary>
    void Add(int desk, DateTime from, DateTime to, bool open)
    {
        Desks[desk] = Plus(Desks.GetValueOrDefault(desk), (to - from).TotalMinutes, open);
        for (var hour = from.Date.AddHours(from.Hour); hour < to; hour = hour.AddHours(1))
        {
            var minutes = ((to < hour.AddHours(1) ? to : hour.AddHours(1)) - (from > hour ? from : hour)).TotalMinutes;
            Hours[hour.Hour] = Plus(Hours.GetValueOrDefault(hour.Hour), minutes, open);
        }
    }

    static (double Busy, double Open) Plus((double Busy, double Open) sum, double minutes, bool open) =>
        open ? (sum.Busy, sum.Open + minutes) : (sum.Busy + minutes, sum.Open);
}
