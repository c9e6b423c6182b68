using System.Globalization;

namespace Rantevou.Core.Time;

/// <summary>A date as it travels in addresses, queries and forms: yyyy-MM-dd, whatever the request's language.</summary>
public static class IsoDate
{
    /// <summary>The date, or null for anything else (an empty text included).</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
