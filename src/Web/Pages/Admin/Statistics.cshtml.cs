using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Statistics;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;
using Rantevou.Web.Statistics;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// The administrators' statistics of their office (<see cref="OfficeStatistics"/>) for today, this week (Monday to
/// Sunday), this month or days they choose; the same figures download as CSV.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class StatisticsModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, IStringLocalizer<StatisticsText> labels, OfficeStatistics statistics, TimeProvider clock)
    : AdminPageModel(db, users, messages, text)
{
    public const string Today = "today";
    public const string Week = "week";
    public const string Month = "month";
    public const string Custom = "custom";

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public StatisticsDto? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var today = OfficeDays.Today(Office, clock);
        (DateOnly, DateOnly)? period;
        if (From is not null || To is not null || Period == Custom)
        {
            Period = Custom;
            var parsed = StatisticsPeriod.Parse(From, To);
            period = parsed.Ok ? parsed.Value : null;
            if (!parsed.Ok)
                foreach (var (field, keys) in parsed.Problem.FieldErrors!)
                    Fail(field, keys[0]);
        }
        else
        {
            Period = Period is Today or Week ? Period : Month;
            period = Period switch
            {
                Today => (today, today),
                // The office's week runs Monday to Sunday.
                Week => (today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today.AddDays(6 - (((int)today.DayOfWeek + 6) % 7))),
                _ => (new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1)),
            };
            (From, To) = (Lang.UrlDate(period.Value.Item1), Lang.UrlDate(period.Value.Item2));
        }
        if (period is var (from, to))
        {
            Figures = await statistics.ForOfficeAsync(Office.Id, from, to, ct);
            EndsAfterToday = from <= today && to > today;
        }
    }

    /// <summary>The period has begun and runs past today (this month, this week): its open days are counted so far, and the page says so.</summary>
    bool EndsAfterToday { get; set; }

    public string PeriodShownKey => (EndsAfterToday ? "PeriodShownSoFar" : "PeriodShown") + (Figures?.OpenDays == 1 ? "One" : "");

    /// <summary>
    /// The figures shown, as CSV (<see cref="StatisticsCsv"/>, the API's figures): from the page, so the office is the one
    /// the page shows, the directorate administrator's choice included. A person opens it in a spreadsheet, so it is
    /// written as one set to the page's language reads it (<see cref="CsvStyle.Spreadsheet"/>).
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (Figures is not { } f)
            return Page();
        return File(StatisticsCsv.Write(f, labels, CsvStyle.Spreadsheet(Language.Current)), "text/csv; charset=utf-8", $"statistics-{f.From:yyyy-MM-dd}-{f.To:yyyy-MM-dd}.csv");
    }

    /// <summary>This page for one of the set periods, in the page's language.</summary>
    public string PeriodLink(string period) => Link("/admin/statistics", new() { ["period"] = period });

    /// <summary>The figures shown, as CSV.</summary>
    public string CsvLink => Link("/admin/statistics", new() { ["handler"] = "Csv", ["from"] = From, ["to"] = To });

    static string Link(string path, Dictionary<string, string?> query)
    {
        query["culture"] = Language.Query;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }
}
