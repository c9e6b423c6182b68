namespace Rantevou.Contracts.Admin;

// R11: what administrators read and send under /api/admin. Times of day travel as "HH:mm", office local time.

public sealed record DocumentText(string? TextEl, string? TextEn);

public sealed record ServiceEdit(int GroupId, string? NameEl, string? NameEn, int DurationMinutes, bool Active, List<DocumentText>? Documents);

public sealed record GroupEdit(string? NameEl, string? NameEn, int SortOrder);

public sealed record DeskEdit(string? NameEl, string? NameEn, bool Active, List<int>? ServiceIds);

/// <summary>One weekday's hours; a weekday left out of the list is closed.</summary>
public sealed record HoursEdit(DayOfWeek Day, string? Open, string? Close);

public sealed record SpecialDayEdit(bool Closed, string? Open, string? Close, string? NameEl, string? NameEn);

/// <summary>
/// The office's booking settings (R1, R3, R5) and its anti-abuse limits (R12): per person, upcoming bookings of one
/// service and bookings of one day; the no-show pause (noShowLimit 0 = never) and its window; the agents' daily quota.
/// R2: whether reminders go out the day before and at what office-local time ("HH:mm"); left out (null) of a change,
/// each stays as it is, so a caller that does not know them does not switch them.
/// </summary>
public sealed record OfficeSettings(
    int BookingHorizonDays, int BookingCutoffMinutes, int HoldMinutes, int GraceMinutes, int CheckInOpensMinutes,
    int ActivePerService, int PerDay, int NoShowLimit, int NoShowWindowDays, int AgentDailyQuota,
    bool? RemindersOn = null, string? ReminderTime = null);

public sealed record AdminService(int Id, int GroupId, string NameEl, string NameEn, int DurationMinutes, bool Active, int SortOrder, List<DocumentText> Documents);

public sealed record AdminGroup(int Id, string NameEl, string NameEn, int SortOrder);

public sealed record AdminDesk(int Id, int Number, string NameEl, string NameEn, bool Active, List<int> ServiceIds);

public sealed record AdminHours(DayOfWeek Day, string Open, string Close);

/// <summary>A week of hours set ahead: in force from <paramref name="From"/> (office local date) on.</summary>
public sealed record AdminHoursChange(DateOnly From, List<AdminHours> Hours);

public sealed record AdminSpecialDay(DateOnly Date, bool Closed, string? Open, string? Close, string NameEl, string NameEn);

/// <summary>A booking a change would cancel, as an admin may see it: the email is masked.</summary>
/// <param name="Here">Checked in and waiting in the room now.</param>
public sealed record AffectedBookingDto(string Code, DateTimeOffset Start, string Service, string Email, bool Here = false);

/// <summary>
/// A change was applied; these bookings were cancelled with it, each told by email, and, for a change that closed the
/// rest of today, this many walk-in tickets still waiting were closed. <c>Moved</c>: bookings that kept their time at
/// another desk, their desk being switched off or no longer serving them (each told by email too).
/// </summary>
public sealed record ChangeDone(List<AffectedBookingDto> Cancelled, int WalkInsClosed = 0, int Moved = 0);

/// <summary>A new office: its short name for addresses (<c>?office=</c>), names, desks, weekly hours and catalogue services.</summary>
public sealed record OfficeCreate(string? Slug, string? NameEl, string? NameEn, int Desks, string? Open, string? Close,
    List<DayOfWeek>? Days, List<string>? Services);

public sealed record OfficeSummary(int Id, string Slug, string NameEl, string NameEn, int Desks, int Services);

/// <summary>A service of the directorate's catalogue, which a new office may offer.</summary>
public sealed record CatalogueEntry(string Key, string Group, string Name, int DurationMinutes);
