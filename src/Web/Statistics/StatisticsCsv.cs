using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Statistics;

/// <summary>How the cells are separated and a decimal written.</summary>
/// <param name="Separator">Between cells.</param>
/// <param name="Decimal">The decimal mark.</param>
public sealed record CsvStyle(char Separator, string Decimal)
{
    /// <summary>RFC 4180: commas and a decimal point, for programs (the API).</summary>
    public static readonly CsvStyle Rfc4180 = new(',', ".");

    /// <summary>
    /// For a spreadsheet opened by double-click in the page's language: Excel set to Greek splits cells at ';' and reads
    /// a decimal comma (a comma-separated file shows each row in one cell there); set to English, commas and a point.
    /// </summary>
    public static CsvStyle Spreadsheet(string language) => Language.Of(language) == Language.Greek ? new(';', ",") : Rfc4180;
}

/// <summary>
/// The statistics as one CSV table (RFC 4180 quoting and CRLF; the separator and decimal mark of <see cref="CsvStyle"/>),
/// one figure a row: section, item (service, desk, clerk, hour or band), measure, value. Texts in the caller's language.
/// UTF-8 with a byte order mark, so a spreadsheet opened by double-click reads the Greek right.
/// </summary>
public static class StatisticsCsv
{
    public static byte[] Write(StatisticsDto s, IStringLocalizer<StatisticsText> text, CsvStyle style)
    {
        var csv = new StringBuilder();
        void Row(params string[] cells) => csv.Append(string.Join(style.Separator, cells.Select(c => Cell(c, style.Separator)))).Append("\r\n");
        Row(text["Csv.Section"], text["Csv.Item"], text["Csv.Measure"], text["Csv.Value"]);
        void Figures(string section, string item, IEnumerable<(string Key, double? Value)> figures)
        {
            foreach (var (key, value) in figures)
                Row(section, item, text[key], value?.ToString(CultureInfo.InvariantCulture).Replace(".", style.Decimal, StringComparison.Ordinal) ?? "");
        }
        var english = Language.Current == Language.English;
        Figures(text["S.Total"], $"{s.From:yyyy-MM-dd} – {s.To:yyyy-MM-dd}", StatisticsFigures.Totals(s));
        foreach (var service in s.Services)
            Figures(text["S.Service"], english ? service.NameEn : service.NameEl, StatisticsFigures.Of(service));
        foreach (var desk in s.Desks)
            Figures(text["S.Desk"], english ? desk.NameEn : desk.NameEl, StatisticsFigures.Of(desk));
        foreach (var clerk in s.Clerks)
            Figures(text["S.Clerk"], clerk.Name, StatisticsFigures.Of(clerk));
        foreach (var hour in s.Hours)
            Figures(text["S.Hour"], StatisticsFigures.HourLabel(hour.Hour), StatisticsFigures.Of(hour));
        foreach (var band in s.Arrivals.Punctuality)
            Figures(text["S.Punctuality"], StatisticsFigures.BandLabel(band, k => text[k]), [("M.Arrivals", band.Count)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// Quoted when it holds the separator, a quote or a line break; a leading =, +, - or @ is defused so a spreadsheet
    /// never runs a name as a formula.
    /// </summary>
    static string Cell(string value, char separator)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
