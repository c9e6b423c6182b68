namespace Rantevou.Core.Offices;

/// <summary>Opening hours of an office on one weekday, in office local time.</summary>
public sealed class WorkingHours
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
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
