namespace Rantevou.Contracts.Admin;

/// <summary>
/// What the administrators see of one office over office days <paramref name="From"/> … <paramref name="To"/> (both
/// included, Europe/Athens): the bookings and what became of them, arrivals, waiting, walk-ins, the desks' work and
/// interruptions, in total and per service, per desk, per clerk and per hour of the day. Minutes; null where nothing was measured.
/// </summary>
public sealed record StatisticsDto(DateOnly From, DateOnly To, int OpenDays, BookingFigures Bookings, ArrivalFigures Arrivals,
    WaitingFigures Waiting, WalkInFigures WalkIns, int Interruptions, List<ServiceStatisticsDto> Services, List<DeskStatisticsDto> Desks,
    List<HourStatisticsDto> Hours, List<ClerkStatisticsDto> Clerks, InterruptedFigures Interrupted, GapFigures Gaps);

/// <summary>
/// <paramref name="Made"/>: bookings created in the period (whatever their day). The rest count the appointments whose
/// time falls in the period, by what is stored about them: ever confirmed, cancelled (by the person or the office),
/// released unconfirmed, expired for lateness (R5), no-show (R12), void (R9), served, and checked in but still
/// waiting at closing, moved at least once; and the reminders of the day before (R2): sent, answered "I will come",
/// answered "release my slot". <c>…ByAgents</c>: made by a driving school or processing agent account (R7).
/// </summary>
public sealed record BookingFigures(int Made, int MadeByAgents, int Appointments, int AppointmentsByAgents, int Confirmed,
    int Cancelled, int Released, int ExpiredLate, int NoShows, int Voided, int Served, int NotServedByClosing, int Rescheduled,
    int RemindersSent, int RemindersComing, int RemindersReleased);

/// <summary>
/// R3/R5: check-ins, how many came after their start and were still let in (late), and how many of those were served;
/// the late arrivals who chose at the kiosk to be served at the end of the day (R5), and how many of those were served.
/// </summary>
public sealed record ArrivalFigures(int CheckedIn, int Late, int LateServed, List<PunctualityBucketDto> Punctuality, int EndOfDayChosen,
    int EndOfDayServed);

/// <summary>
/// Check-ins whose minutes after the start (check-in − start; negative: early) are at least <paramref name="FromMinutes"/>
/// and below <paramref name="ToMinutes"/>; null is open-ended.
/// </summary>
public sealed record PunctualityBucketDto(int? FromMinutes, int? ToMinutes, int Count);

/// <summary>Waits from arrival (check-in, or the walk-in ticket) to the call: how many, the median and the 90th percentile.</summary>
public sealed record WaitFigures(int Count, double? P50Minutes, double? P90Minutes);

public sealed record WaitingFigures(WaitFigures Appointments, WaitFigures WalkIns);

/// <summary>
/// R6: walk-in tickets issued, served, called and absent, and still waiting when the office closed. Of the served:
/// <paramref name="ServedInGaps"/> were (last) called before the end of the last appointment of that day booked at the desk
/// that called them (not cancelled or released), so between appointments; <paramref name="ServedAfterAppointments"/> were
/// called at or after it, or at a desk with no appointment that day.
/// </summary>
public sealed record WalkInFigures(int Issued, int Served, int NoShows, int NotServedByClosing, int ServedInGaps, int ServedAfterAppointments);

/// <summary>
/// R6: the desks' time between opening and the end of each desk's last appointment of the day (as for
/// <see cref="WalkInFigures.ServedInGaps"/>) that nobody with an appointment was being served in
/// (<paramref name="FreeMinutes"/>), and how much of it went to walk-ins (<paramref name="WalkInMinutes"/>, their services
/// called → done or interrupted); <paramref name="Share"/> is their ratio (0…1).
/// </summary>
public sealed record GapFigures(double FreeMinutes, double WalkInMinutes, double? Share);

/// <summary>
/// R13: the people whose service was interrupted (each counted once however often), how many of them were served
/// afterwards, and how many were not (absent when called again, or still waiting at closing).
/// </summary>
public sealed record InterruptedFigures(int People, int ServedAfterwards, int NotServed);

/// <summary>
/// One clerk's (staff account's) work: people served whose last call was theirs, and their minutes serving (called → done,
/// interrupted services included), over the whole period.
/// </summary>
public sealed record ClerkStatisticsDto(string UserId, string Name, int Served, double BusyMinutes);

public sealed record ServiceStatisticsDto(int ServiceId, string NameEl, string NameEn, BookingFigures Bookings, WalkInFigures WalkIns,
    WaitingFigures Waiting, int Interruptions);

/// <summary>
/// One desk's work: people served there, minutes at the desk (called → done, interrupted services included) and the
/// minutes the desk was open; <paramref name="Utilisation"/> is their ratio (0…1).
/// </summary>
public sealed record DeskStatisticsDto(int DeskId, int Number, string NameEl, string NameEn, int Served, double BusyMinutes,
    double OpenMinutes, double? Utilisation, int Interruptions);

/// <summary>
/// One hour of the office day (local time, <paramref name="Hour"/> = 9 is 09:00–10:00) over every day of the period:
/// people served (by the end of their service), waits of those who arrived in that hour, and the desks' utilisation.
/// </summary>
public sealed record HourStatisticsDto(int Hour, int Served, WaitFigures AppointmentWait, WaitFigures WalkInWait, double BusyMinutes,
    double OpenDeskMinutes, double? Utilisation);
