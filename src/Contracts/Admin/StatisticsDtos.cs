namespace Rantevou.Contracts.Admin;

/// <summary>
/// What the administrators see of one office over office days <paramref name="From"/> … <paramref name="To"/> (both
/// included, Europe/Athens): the bookings and what became of them, arrivals, waiting, walk-ins, the desks' work and
/// interruptions, in total and per service, per desk and per hour of the day. Minutes; null where nothing was measured.
/// </summary>
public sealed record StatisticsDto(DateOnly From, DateOnly To, int OpenDays, BookingFigures Bookings, ArrivalFigures Arrivals,
    WaitingFigures Waiting, WalkInFigures WalkIns, int Interruptions, List<ServiceStatisticsDto> Services, List<DeskStatisticsDto> Desks,
    List<HourStatisticsDto> Hours);

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

/// <summary>R3/R5: check-ins, how many came after their start and were still let in (late), and how many of those were served.</summary>
public sealed record ArrivalFigures(int CheckedIn, int Late, int LateServed, List<PunctualityBucketDto> Punctuality);

/// <summary>
/// Check-ins whose minutes after the start (check-in − start; negative: early) are at least <paramref name="FromMinutes"/>
/// and below <paramref name="ToMinutes"/>; null is open-ended.
/// </summary>
public sealed record PunctualityBucketDto(int? FromMinutes, int? ToMinutes, int Count);

/// <summary>Waits from arrival (check-in, or the walk-in ticket) to the call: how many, the median and the 90th percentile.</summary>
public sealed record WaitFigures(int Count, double? P50Minutes, double? P90Minutes);

public sealed record WaitingFigures(WaitFigures Appointments, WaitFigures WalkIns);

/// <summary>R6: walk-in tickets issued, served, called and absent, and still waiting when the office closed.</summary>
public sealed record WalkInFigures(int Issued, int Served, int NoShows, int NotServedByClosing);

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
