using System.Net;
using System.Net.Http.Json;
using System.Text;
using Rantevou.Contracts.Admin;
using Rantevou.Hub.Tests.Admin;
using Rantevou.Hub.Tests.Support;
using static Rantevou.Hub.Tests.Statistics.StatisticsHistory;

namespace Rantevou.Hub.Tests.Statistics;

/// <summary>The statistics page: the set periods, a chosen one, its figures and charts in Greek and English, and errors beside the dates.</summary>
public sealed class StatisticsPageTests : AdminTest
{
    [Fact]
    public async Task AChosenPeriod_ShowsItsFigures_ChartsWithTheirTables_AndTheCsvLink_InGreekAndEnglish()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        await Db(db => WriteAsync(db, services![0].Id, services[1].Id));
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var greek = await admin.GetStringAsync("/admin/statistics?from=2026-11-23&to=2026-11-24");
        var english = await admin.GetStringAsync("/admin/statistics?from=2026-11-23&to=2026-11-24&culture=en");

        Assert.Contains("<h1>Στατιστικά</h1>", greek, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Εξυπηρετήθηκαν</th><td>4</td>", greek, StringComparison.Ordinal);
        // Greek numbers take a decimal comma: the walk-ins' 90th percentile wait is 26.4 minutes.
        Assert.Contains("<td>26,4</td>", greek, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/statistics?handler=Csv&amp;from=2026-11-23&amp;to=2026-11-24\"", greek, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Served</th><td>4</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>26.4</td>", english, StringComparison.Ordinal);
        Assert.Contains("/admin/statistics?handler=Csv&amp;from=2026-11-23&amp;to=2026-11-24&amp;culture=en", english, StringComparison.Ordinal);
        foreach (var chart in new[] { "punctuality", "waiting", "utilisation" })
        {
            Assert.Contains($"<svg role=\"img\" aria-labelledby=\"{chart}-title\"", english, StringComparison.Ordinal);
            Assert.Matches($"(?s)id=\"{chart}-caption\".*?<details class=\"documents\">.*?<table", english);
        }
        Assert.Contains("30+ minutes late", WebUtility.HtmlDecode(english), StringComparison.Ordinal);
        Assert.Contains("Θυρίδα 2", greek, StringComparison.Ordinal);
        Assert.Contains("2 ημέρες λειτουργίας", greek, StringComparison.Ordinal);
        var oneDay = await admin.GetStringAsync("/admin/statistics?from=2026-11-23&to=2026-11-23&culture=el");
        Assert.Contains("1 ημέρα λειτουργίας", oneDay, StringComparison.Ordinal);
        Assert.Matches(@"1 open day\s", await admin.GetStringAsync("/admin/statistics?from=2026-11-23&to=2026-11-23&culture=en"));
    }

    [Fact]
    public async Task APeriodRunningPastToday_SaysItsOpenDaysAreCountedSoFar()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        // Tuesday 1 December 2026 at 10:00: this month so far is Tuesday alone; last week was Monday to Friday.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var month = await admin.GetStringAsync("/admin/statistics");
        var past = await admin.GetStringAsync("/admin/statistics?from=2026-11-23&to=2026-11-29");

        Assert.Contains("1 ημέρα λειτουργίας έως σήμερα", month, StringComparison.Ordinal);
        Assert.Contains("5 ημέρες λειτουργίας", past, StringComparison.Ordinal);
        Assert.DoesNotContain("έως σήμερα", past, StringComparison.Ordinal);
        // Nobody was served: the clerks' table says so rather than stand empty (the hours still show the open time).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(past, "<td colspan=\"\\d+\">Δεν υπάρχουν στοιχεία για αυτή την περίοδο.</td>"));
    }

    [Fact]
    public async Task TheCsvLink_DownloadsTheFiguresShown_WithABom_InThePagesLanguage()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        await Db(db => WriteAsync(db, services![0].Id, services[1].Id));
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var csv = await admin.GetAsync("/admin/statistics?handler=Csv&from=2026-11-23&to=2026-11-24&culture=en");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Section,Item,Measure,Value", lines[0]);
        Assert.Contains("Total,2026-11-23 – 2026-11-24,Served,4", lines);
    }

    [Theory]
    [InlineData("today", "2026-12-01", "2026-12-01")]
    [InlineData("week", "2026-11-30", "2026-12-06")]
    [InlineData("month", "2026-12-01", "2026-12-31")]
    [InlineData("", "2026-12-01", "2026-12-31")]
    public async Task TheSetPeriods_AreTodayThisWeekFromMondayAndThisMonth(string period, string from, string to)
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var page = await admin.GetStringAsync($"/admin/statistics?period={period}&culture=en");

        Assert.Contains($"id=\"from\" name=\"from\" type=\"date\" value=\"{from}\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"to\" name=\"to\" type=\"date\" value=\"{to}\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"period-shown\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackwardsPeriod_IsShownAsAnErrorBesideTheDate_WithNoFigures()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var response = await admin.GetAsync("/admin/statistics?from=2026-11-24&to=2026-11-23");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"to-error\"", page, StringComparison.Ordinal);
        Assert.Contains("Η ημερομηνία «έως» είναι πριν από την ημερομηνία «από».", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"period-shown\"", page, StringComparison.Ordinal);
    }
}
