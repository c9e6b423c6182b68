using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Statistics;

/// <summary>
/// The statistics as one CSV table (RFC 4180: commas, quoted where needed, CRLF), one figure a row: section, item
/// (service, desk, clerk, hour or band), measure, value. Texts in the caller's language, numbers with a decimal point.
/// UTF-8 with a byte order mark, so a spreadsheet opened by double-click reads the Greek right.
/// </summary>
public static class StatisticsCsv
{
    public static byte[] Write(StatisticsDto s, IStringLocalizer<StatisticsText> text)
    {
        var csv = new StringBuilder();
        Row(csv, text["Csv.Section"], text["Csv.Item"], text["Csv.Measure"], text["Csv.Value"]);
        void Figures(string section, string item, IEnumerable<(string Key, double? Value)> figures)
        {
            foreach (var (key, value) in figures)
                Row(csv, section, item, text[key], value?.ToString(CultureInfo.InvariantCulture) ?? "");
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

    static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused so a spreadsheet never runs a name as a formula.</summary>
    static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
