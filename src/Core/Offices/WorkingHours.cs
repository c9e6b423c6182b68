namespace Rantevou.Core.Offices;

/// <summary>
/// Opening hours of an office on one weekday, in office local time, as of <see cref="ValidFrom"/>. The rows of one
/// <see cref="ValidFrom"/> are a week: a date is open by the latest week begun by then (R11: summer hours are set ahead
/// of time, and past days keep the hours they had, for the statistics).
/// </summary>
public sealed class WorkingHours
{
    public int Id { get; set; }
    public int OfficeId { get; set; }

    /// <summary>The first date of the week these hours belong to; <see cref="DateOnly.MinValue"/> for the office's first.</summary>
    public DateOnly ValidFrom { get; set; } = DateOnly.MinValue;

    public DayOfWeek Day { get; set; }
    public TimeOnly Open { get; set; }
    public TimeOnly Close { get; set; }
}

/// <summary>
/// A date that differs from the weekly hours: closed (local holiday, driving-test day)
/// or open with other hours. Greek public holidays are computed, not stored (see <see cref="GreekHolidays"/>).
/// </summary>
public sealed class SpecialDay
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public DateOnly Date { get; set; }
    public bool Closed { get; set; }
    public TimeOnly? Open { get; set; }
    public TimeOnly? Close { get; set; }
    public required string NameEl { get; set; }
    public required string NameEn { get; set; }
}
