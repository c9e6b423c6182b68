using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Statistics;
using Rantevou.Hub.Infrastructure;
using Rantevou.Web.Localization;
using Rantevou.Web.Statistics;

namespace Rantevou.Hub.Admin;

/// <summary>The administrators' statistics of their office (<see cref="OfficeStatistics"/>), as JSON or as a CSV file for a spreadsheet.</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/statistics", GetAsync).WithTags("Admin").WithName("Statistics").RequireAuthorization(Policies.Admin).WithAdminOffice();
        app.MapGet("/api/admin/statistics.csv", CsvAsync).WithTags("Admin").WithName("StatisticsCsv").RequireAuthorization(Policies.Admin).WithAdminOffice();
        return app;
    }

    /// <summary><c>from</c> and <c>to</c>: office-local dates (yyyy-MM-dd), both days included, at most <see cref="StatisticsPeriod.MaxDays"/>.</summary>
    static async Task<Results<Ok<StatisticsDto>, ProblemHttpResult>> GetAsync(string? from, string? to, HttpContext http,
        OfficeStatistics statistics, CancellationToken ct)
    {
        var period = StatisticsPeriod.Parse(from, to);
        if (!period.Ok)
            return Problems.From(period.Problem);
        var (f, t) = period.Value;
        return TypedResults.Ok(await statistics.ForOfficeAsync(AdminOffice.Id(http), f, t, ct));
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(string? from, string? to, HttpContext http,
        OfficeStatistics statistics, IStringLocalizer<StatisticsText> labels, CancellationToken ct)
    {
        var period = StatisticsPeriod.Parse(from, to);
        if (!period.Ok)
            return Problems.From(period.Problem);
        var (f, t) = period.Value;
        var figures = await statistics.ForOfficeAsync(AdminOffice.Id(http), f, t, ct);
        return TypedResults.File(StatisticsCsv.Write(figures, labels, CsvStyle.Rfc4180), "text/csv; charset=utf-8", $"statistics-{f:yyyy-MM-dd}-{t:yyyy-MM-dd}.csv");
    }
}
