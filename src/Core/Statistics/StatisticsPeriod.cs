using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Time;

namespace Rantevou.Core.Statistics;

/// <summary>The office days a statistics request covers: both dates given (yyyy-MM-dd), in order, at most a year.</summary>
public static class StatisticsPeriod
{
    /// <summary>A year, a leap one included: enough for the yearly report, and a bound on the work one request asks.</summary>
    public const int MaxDays = 366;

    public static Outcome<(DateOnly From, DateOnly To)> Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var f = Date(from, "from", errors);
        var t = Date(to, "to", errors);
        if (errors.Count == 0 && t < f)
            errors["to"] = [MessageKeys.DateRangeInvalid];
        else if (errors.Count == 0 && t.DayNumber - f.DayNumber + 1 > MaxDays)
            errors["to"] = [MessageKeys.PeriodTooLong];
        return errors.Count > 0 ? Problem.Invalid(errors) : (f, t);
    }

    static DateOnly Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            errors[field] = [MessageKeys.Required];
        else if (IsoDate.Parse(text.Trim()) is { Year: >= 2000 and <= 9000 } d)
            return d;
        else
            errors[field] = [MessageKeys.DateInvalid];
        return default;
    }
}
