using System.Globalization;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;

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
        else if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 9000)
            return d;
        else
            errors[field] = [MessageKeys.DateInvalid];
        return default;
    }
}
