using Rantevou.Core.Offices;

namespace Rantevou.Core.Tests.Offices;

/// <summary>The office's time zone and a few weekly schedules for calendar tests.</summary>
static class Athens
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");

    /// <summary>Open every day of the week, so DST Sundays and holidays on any weekday can be tested.</summary>
    public static List<WorkingHours> EveryDay(TimeOnly open, TimeOnly close) =>
        Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours { Day = d, Open = open, Close = close }).ToList();

    public static List<WorkingHours> EveryDay(int openHour, int closeHour) => EveryDay(new TimeOnly(openHour, 0), new TimeOnly(closeHour, 0));

    /// <summary>The demo office's week: Mon–Fri 08:00–14:00.</summary>
    public static List<WorkingHours> Weekdays() =>
        EveryDay(8, 14).Where(h => h.Day is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();

    public static DateTime LocalWallTime(DateTime utc) => OfficeCalendar.ToLocal(utc, Zone).DateTime;

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
