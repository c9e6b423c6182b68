using Rantevou.Contracts.Admin;

namespace Rantevou.Web.Statistics;

/// <summary>
/// The figures of the statistics as named measures (keys into StatisticsText, "M.…"), in the order they are shown:
/// the page's tables and the CSV export list the same ones. Null: nothing was measured.
/// </summary>
public static class StatisticsFigures
{
    public static IEnumerable<(string Key, double? Value)> Of(BookingFigures b) =>
    [
        ("M.Made", b.Made), ("M.MadeByAgents", b.MadeByAgents), ("M.Appointments", b.Appointments),
        ("M.AppointmentsByAgents", b.AppointmentsByAgents), ("M.Confirmed", b.Confirmed), ("M.Cancelled", b.Cancelled),
        ("M.Released", b.Released), ("M.ExpiredLate", b.ExpiredLate), ("M.NoShows", b.NoShows), ("M.Voided", b.Voided),
        ("M.Served", b.Served), ("M.NotServedByClosing", b.NotServedByClosing), ("M.Rescheduled", b.Rescheduled),
        ("M.RemindersSent", b.RemindersSent), ("M.RemindersComing", b.RemindersComing), ("M.RemindersReleased", b.RemindersReleased),
    ];

    public static IEnumerable<(string Key, double? Value)> Of(ArrivalFigures a) =>
    [
        ("M.CheckedIn", a.CheckedIn), ("M.Late", a.Late), ("M.LateServed", a.LateServed), ("M.EndOfDayChosen", a.EndOfDayChosen),
        ("M.EndOfDayServed", a.EndOfDayServed),
    ];

    public static IEnumerable<(string Key, double? Value)> Of(WaitingFigures w) =>
    [
        ("M.AppointmentWaitCount", w.Appointments.Count), ("M.AppointmentWaitP50", w.Appointments.P50Minutes),
        ("M.AppointmentWaitP90", w.Appointments.P90Minutes), ("M.WalkInWaitCount", w.WalkIns.Count),
        ("M.WalkInWaitP50", w.WalkIns.P50Minutes), ("M.WalkInWaitP90", w.WalkIns.P90Minutes),
    ];

    public static IEnumerable<(string Key, double? Value)> Of(WalkInFigures w) =>
    [
        ("M.WalkInsIssued", w.Issued), ("M.WalkInsServed", w.Served), ("M.WalkInsNoShows", w.NoShows),
        ("M.WalkInsNotServed", w.NotServedByClosing), ("M.WalkInsServedInGaps", w.ServedInGaps),
        ("M.WalkInsServedAfterAppointments", w.ServedAfterAppointments),
    ];

    /// <summary>R6: the desks' free time before their last appointment, and the walk-ins' part of it.</summary>
    public static IEnumerable<(string Key, double? Value)> Of(GapFigures g) =>
        [("M.GapFreeMinutes", g.FreeMinutes), ("M.GapWalkInMinutes", g.WalkInMinutes), ("M.GapShare", Percent(g.Share))];

    /// <summary>R13: the interrupted and what became of them.</summary>
    public static IEnumerable<(string Key, double? Value)> Of(InterruptedFigures i) =>
        [("M.InterruptedPeople", i.People), ("M.InterruptedServed", i.ServedAfterwards), ("M.InterruptedNotServed", i.NotServed)];

    public static IEnumerable<(string Key, double? Value)> Of(ClerkStatisticsDto c) => [("M.Served", c.Served), ("M.BusyMinutes", c.BusyMinutes)];

    public static IEnumerable<string> ClerkKeys => Of(new ClerkStatisticsDto("", "", 0, 0)).Select(f => f.Key);

    public static IEnumerable<(string Key, double? Value)> Of(DeskStatisticsDto d) =>
    [
        ("M.Served", d.Served), ("M.BusyMinutes", d.BusyMinutes), ("M.OpenMinutes", d.OpenMinutes),
        ("M.Utilisation", Percent(d.Utilisation)), ("M.Interruptions", d.Interruptions),
    ];

    public static IEnumerable<(string Key, double? Value)> Of(HourStatisticsDto h) =>
    [
        ("M.Served", h.Served), ("M.AppointmentWaitCount", h.AppointmentWait.Count), ("M.AppointmentWaitP50", h.AppointmentWait.P50Minutes),
        ("M.AppointmentWaitP90", h.AppointmentWait.P90Minutes), ("M.WalkInWaitCount", h.WalkInWait.Count),
        ("M.WalkInWaitP50", h.WalkInWait.P50Minutes), ("M.WalkInWaitP90", h.WalkInWait.P90Minutes),
        ("M.BusyMinutes", h.BusyMinutes), ("M.OpenMinutes", h.OpenDeskMinutes), ("M.Utilisation", Percent(h.Utilisation)),
    ];

    /// <summary>Everything of the office as a whole.</summary>
    public static IEnumerable<(string Key, double? Value)> Totals(StatisticsDto s) =>
        Of(s.Bookings).Concat(Of(s.Arrivals)).Concat(Of(s.Waiting)).Concat(Of(s.WalkIns)).Concat(Of(s.Gaps)).Append(("M.Interruptions", s.Interruptions))
            .Concat(Of(s.Interrupted));

    public static IEnumerable<(string Key, double? Value)> Of(ServiceStatisticsDto s) =>
        Of(s.Bookings).Concat(Of(s.Waiting)).Concat(Of(s.WalkIns)).Append(("M.Interruptions", s.Interruptions));

    /// <summary>The measures of a desk's and an hour's row, in order: the tables' column headers.</summary>
    public static IEnumerable<string> DeskKeys => Of(new DeskStatisticsDto(0, 0, "", "", 0, 0, 0, null, 0)).Select(f => f.Key);

    public static IEnumerable<string> HourKeys => Of(new HourStatisticsDto(0, 0, NoWait, NoWait, 0, 0, null)).Select(f => f.Key);

    /// <summary>The columns of the page's per-service table: the main figures (the CSV has every one).</summary>
    public static readonly string[] ServiceColumns =
    [
        "M.Appointments", "M.Served", "M.NoShows", "M.ExpiredLate", "M.Cancelled", "M.AppointmentWaitP50", "M.WalkInsIssued",
        "M.WalkInsServed", "M.WalkInWaitP50", "M.Interruptions",
    ];

    static readonly WaitFigures NoWait = new(0, null, null);

    /// <summary>A ratio (0…1) as a percentage with one decimal.</summary>
    public static double? Percent(double? ratio) => ratio is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>An hour of the day as the office reads it: "09:00–10:00".</summary>
    public static string HourLabel(int hour) => $"{hour:00}:00–{(hour + 1) % 24:00}:00";

    /// <summary>A punctuality band in words, from the texts' B.… patterns (minutes, both ways).</summary>
    public static string BandLabel(PunctualityBucketDto b, Func<string, string> text) => (b.FromMinutes, b.ToMinutes) switch
    {
        (null, { } to) => string.Format(System.Globalization.CultureInfo.CurrentCulture, text("B.EarlyOver"), -to),
        ({ } from, null) => string.Format(System.Globalization.CultureInfo.CurrentCulture, text("B.LateOver"), from),
        ({ } from, { } to) when to <= 0 => string.Format(System.Globalization.CultureInfo.CurrentCulture, text("B.Early"), -to, -from),
        ({ } from, { } to) => string.Format(System.Globalization.CultureInfo.CurrentCulture, text("B.Late"), from, to),
        _ => "",
    };
}
