namespace Rantevou.Core.Statistics;

/// <summary>
/// The statistics of one finished office day, stored the first time they are asked for (<see cref="OfficeStatistics"/>):
/// a year's report then adds up about 250 of these instead of reading 150,000 bookings. They hold for as long as the
/// day's version (<see cref="LiveDay.OfficeDay.Version"/>, bumped by every queue change of that day) is
/// <see cref="DayVersion"/>; a later change to the day (a late void, a sweep that catches up) makes them be counted again.
/// </summary>
public sealed class DayFigures
{
    public int OfficeId { get; set; }
    public DateOnly Day { get; set; }
    public long DayVersion { get; set; }

    /// <summary>The <see cref="DayTally"/> as JSON.</summary>
    public string Figures { get; set; } = "";
}
