using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>The calendar page lists the public holidays of the coming year, which close the office without being entered.</summary>
public sealed class HolidaysListTests : AdminTest
{
    [Fact]
    public async Task TheCalendarPage_ListsTheComingYearsPublicHolidays_ExceptOnesASpecialDayOverrides()
    {
        // The app's clock: Tuesday 1 December 2026.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await PutSpecialDayAsync(new DateOnly(2027, 1, 6),
            new SpecialDayEdit(false, "09:00", "12:00", "Ανοιχτά λόγω φόρτου", "Open, busy season"))).StatusCode);
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var html = await admin.GetStringAsync("/admin/calendar");

        var listed = System.Text.RegularExpressions.Regex.Match(html, "<details class=\"holidays\">[\\s\\S]*?</details>").Value;
        Assert.Contains("Παρασκευή 25 Δεκεμβρίου 2026: Χριστούγεννα", listed, StringComparison.Ordinal);
        Assert.Contains("Δευτέρα 15 Μαρτίου 2027: Καθαρά Δευτέρα", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("6 Ιανουαρίου 2027", listed, StringComparison.Ordinal); // the special day wins
        Assert.DoesNotContain("2027: Χριστούγεννα", listed, StringComparison.Ordinal); // more than a year ahead
        Assert.Contains("κλείνει στις 13:00", listed, StringComparison.Ordinal);
    }
}
