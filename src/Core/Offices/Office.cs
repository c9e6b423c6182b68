using Rantevou.Core.Localization;

namespace Rantevou.Core.Offices;

/// <summary>One office of the directorate. Services, desks, hours and the day's queue belong to one office.</summary>
public sealed class Office
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameEl { get; set; }
    public required string NameEn { get; set; }
    public string TimeZoneId { get; set; } = "Europe/Athens";

    /// <summary>R1: how many days ahead people may book.</summary>
    public int BookingHorizonDays { get; set; } = 60;

    /// <summary>R1: bookings close this many minutes before the start ("booked in time").</summary>
    public int BookingCutoffMinutes { get; set; } = 60;

    /// <summary>Unconfirmed (pending) bookings hold their slot this long, then are released.</summary>
    public int HoldMinutes { get; set; } = 30;

    /// <summary>R5: a confirmed booking not checked in by start + grace is late.</summary>
    public int GraceMinutes { get; set; } = 10;

    /// <summary>R3: the kiosk accepts a check-in from this many minutes before the appointment.</summary>
    public int CheckInOpensMinutes { get; set; } = 60;

    // R12: the office's anti-abuse limits. Seeded from Rantevou:Limits and Rantevou:Agents when the office is created
    // (OfficeDefaults), then the administrators' to change in /admin/settings.

    /// <summary>R12: upcoming bookings of one service one person (email or mobile) may hold at once.</summary>
    public int ActivePerService { get; set; } = 1;

    /// <summary>R12: bookings one person may hold for one day, over all services.</summary>
    public int PerDay { get; set; } = 3;

    /// <summary>R12: after this many no-shows within <see cref="NoShowWindowDays"/>, a person cannot book online (0: never).</summary>
    public int NoShowLimit { get; set; } = 3;

    public int NoShowWindowDays { get; set; } = 90;

    /// <summary>R12: bookings one agent account may make per office day, unless the account has its own quota.</summary>
    public int AgentDailyQuota { get; set; } = 20;

    /// <summary>R2: whether confirmed bookings get a reminder email the day before.</summary>
    public bool RemindersOn { get; set; } = true;

    /// <summary>
    /// R2: the office-local time of the day before at which the reminders go out. Noon by default: the person still has
    /// the afternoon to answer, and a time released then is still bookable by someone else before the cut-off.
    /// </summary>
    public TimeOnly ReminderTime { get; set; } = DefaultReminderTime;

    public static readonly TimeOnly DefaultReminderTime = new(12, 0);

    /// <summary>
    /// Bumped in the same transaction as every admin change of the office's settings, services or hours (R11), so a
    /// node that keeps them in memory learns from one number read inside the booking's transaction that its copy is old
    /// (ADR 0016).
    /// </summary>
    public long ConfigVersion { get; set; }

    public List<Desk> Desks { get; set; } = [];
    public List<WorkingHours> Hours { get; set; } = [];
    public List<SpecialDay> SpecialDays { get; set; } = [];

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
    public string Name(string culture) => Language.Pick(culture, NameEl, NameEn);
}
