using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Rantevou.Core.Time;

namespace Rantevou.Web.Infrastructure;

/// <summary>How dates and times are written in the request's language (<see cref="Core.Localization.Language"/>), and travel in URLs.</summary>
public static class Lang
{
    /// <summary>The same page in another language: the current path and query with <c>culture</c> replaced.</summary>
    public static string Switch(HttpRequest request, string culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals("culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("culture", culture));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    /// <summary>A date as it travels in URLs (<see cref="IsoDate"/>), or null.</summary>
    public static DateOnly? ParseDate(string? text) => IsoDate.Parse(text);

    public static string UrlDate(DateOnly date) => IsoDate.Format(date);

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset local) => $"{Date(DateOnly.FromDateTime(local.DateTime))}, {Time(local)}";

    /// <summary>The value a time travels as in forms: office local time with its offset, which BookingService reads back exactly.</summary>
    public static string Iso(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
}
