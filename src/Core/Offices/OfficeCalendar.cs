namespace Rantevou.Core.Offices;

/// <summary>When an office is open on a given local date, as UTC instants.</summary>
public static class OfficeCalendar
{
    public sealed record OpenInterval(DateTime OpenUtc, DateTime CloseUtc);

    /// <summary>
    /// The opening interval of <paramref name="date"/>: special days first, then public holidays
    /// (closed) and half days (close early), then the weekly hours. Null when closed.
    /// </summary>
    public static OpenInterval? OpenOn(
        DateOnly date, TimeZoneInfo zone, IEnumerable<WorkingHours> hours, IEnumerable<SpecialDay> specialDays)
    {
        TimeOnly open, close;
        var special = specialDays.FirstOrDefault(s => s.Date == date);
        if (special is not null)
        {
            if (special.Closed || special.Open is null || special.Close is null)
                return null;
            (open, close) = (special.Open.Value, special.Close.Value);
        }
        else
        {
            if (GreekHolidays.On(date) is not null)
                return null;
            var week = WeekOn(date, hours).FirstOrDefault(h => h.Day == date.DayOfWeek);
            if (week is null)
                return null;
            (open, close) = (week.Open, week.Close);
            if (GreekHolidays.IsHalfDay(date) && close > GreekHolidays.HalfDayClose)
                close = GreekHolidays.HalfDayClose;
        }
        if (close <= open)
            return null;
        return new OpenInterval(ToUtc(date, open, zone), ToUtc(date, close, zone));
    }

    /// <summary>The weekly hours in force on <paramref name="date"/>: the week of the latest <see cref="WorkingHours.ValidFrom"/> by then.</summary>
    public static IEnumerable<WorkingHours> WeekOn(DateOnly date, IEnumerable<WorkingHours> hours)
    {
        var from = DateOnly.MinValue;
        var any = false;
        foreach (var h in hours)
        {
            if (h.ValidFrom <= date && (!any || h.ValidFrom > from))
                (from, any) = (h.ValidFrom, true);
        }
        return any ? hours.Where(h => h.ValidFrom == from) : [];
    }

    /// <summary>
    /// The office's hours now or next: today's when it has not closed yet, else the first open day after it, looking a
    /// few weeks ahead (a longer closure has no date to tell). Null when none is found.
    /// </summary>
    public static OpenInterval? OpenNowOrNext(DateTime nowUtc, Office office, int daysAhead = 31)
    {
        var today = LocalDate(nowUtc, office.TimeZone);
        for (var d = 0; d <= daysAhead; d++)
        {
            if (OpenOn(today.AddDays(d), office.TimeZone, office.Hours, office.SpecialDays) is { } open && nowUtc < open.CloseUtc)
                return open;
        }
        return null;
    }

    /// <summary>Local wall time to UTC. Office hours never fall in a DST gap, but a gap is resolved forward.</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// The UTC instants [From, To) of a local date, midnight to midnight: 23 or 25 hours long on the days the clocks
    /// change, so every "bookings of the day" query asks for exactly the office's day.
    /// </summary>
    public static (DateTime From, DateTime To) DayUtc(DateOnly date, TimeZoneInfo zone) => (DayStartUtc(date, zone), DayStartUtc(date.AddDays(1), zone));

    /// <summary>The UTC instant a local date begins (its local midnight).</summary>
    public static DateTime DayStartUtc(DateOnly date, TimeZoneInfo zone) => ToUtc(date, TimeOnly.MinValue, zone);

    public static DateTimeOffset ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone).DateTime);
}
