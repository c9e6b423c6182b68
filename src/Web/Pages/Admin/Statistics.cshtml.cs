using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Statistics;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// The administrators' statistics of their office (<see cref="OfficeStatistics"/>) for today, this week (Monday to
/// Sunday), this month or days they choose; the same figures download as CSV.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class StatisticsModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, OfficeStatistics statistics, TimeProvider clock) : AdminPageModel(db, users, messages, text)
{
    public const string Today = "today";
    public const string Week = "week";
    public const string Month = "month";
    public const string Custom = "custom";

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? From { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? To { get; set; }

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
            Figures = await statistics.ForOfficeAsync(Office.Id, from, to, ct);
    }

    /// <summary>This page for one of the set periods, in the page's language.</summary>
    public string PeriodLink(string period) => Link("/admin/statistics", new() { ["period"] = period });

    /// <summary>The figures shown, as the CSV the API gives.</summary>
    public string CsvLink => Link("/api/admin/statistics.csv", new() { ["from"] = From, ["to"] = To });

    static string Link(string path, Dictionary<string, string?> query)
    {
        query["culture"] = Language.Query;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }
}
