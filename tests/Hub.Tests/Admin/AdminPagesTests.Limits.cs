using System.Net;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Demo;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>R11, R12: the office's limits and an agent's own quota, set from the admin pages without JavaScript.</summary>
public sealed partial class AdminPagesTests
{
    static Dictionary<string, string> SettingsForm(string perDay) => new()
    {
        ["BookingHorizonDays"] = "60",
        ["BookingCutoffMinutes"] = "60",
        ["HoldMinutes"] = "30",
        ["GraceMinutes"] = "10",
        ["CheckInOpensMinutes"] = "60",
        ["ActivePerService"] = "1",
        ["PerDay"] = perDay,
        ["NoShowLimit"] = "3",
        ["NoShowWindowDays"] = "90",
        ["AgentDailyQuota"] = "15",
    };

    [Fact]
    public async Task LimitsOnTheSettingsPage_AreSaved_AndAnOutOfRangeOneIsExplainedNextToItsField()
    {
        var admin = await SignInAsync("admin@example.org");

        var refused = await PostFormAsync(admin, "/admin/settings", SettingsForm("0"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"PerDay-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Δώστε ακέραιο αριθμό από 1 έως 1.000.000.", html, StringComparison.Ordinal);
        // The summary at the top names the field, whose label gives the range.
        Assert.Contains("Ραντεβού ανά πρόσωπο για μία ημέρα (1–1.000.000): Δώστε ακέραιο αριθμό", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(1_000_000, await Db(db => db.Offices.Where(o => o.Slug == DemoSeeder.OfficeSlug).Select(o => o.PerDay).SingleAsync()));

        var english = await PostFormAsync(admin, "/admin/settings?culture=en", SettingsForm("x"));
        Assert.Contains("Enter a whole number from 1 to 1,000,000.", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await PostFormAsync(admin, "/admin/settings", SettingsForm("2"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((1, 2, 3, 90, 15), await Db(db => db.Offices.Where(o => o.Slug == DemoSeeder.OfficeSlug)
            .Select(o => ValueTuple.Create(o.ActivePerService, o.PerDay, o.NoShowLimit, o.NoShowWindowDays, o.AgentDailyQuota)).SingleAsync()));
        Assert.Contains("Όρια κατά της κατάχρησης", await (await admin.GetAsync("/admin/settings?culture=el")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsOwnQuota_IsSetOnTheAgentsPage_AndEmptyGivesItBackToTheOffice()
    {
        var admin = await SignInAsync("admin@example.org");
        var schoolId = await Db(db => db.Users.Where(u => u.Email == "school@example.org").Select(u => u.Id).SingleAsync());

        var refused = await PostFormAsync(admin, "/admin/agents?handler=Quota&culture=en", new() { ["id"] = schoolId, ["quota"] = "0" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("or leave it empty for the office", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await PostFormAsync(admin, "/admin/agents?handler=Quota", new() { ["id"] = schoolId, ["quota"] = "7" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(7, await Db(db => db.Users.Where(u => u.Id == schoolId).Select(u => u.DailyQuota).SingleAsync()));
        Assert.Contains("value=\"7\"", await (await admin.GetAsync("/admin/agents")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cleared = await PostFormAsync(admin, "/admin/agents?handler=Quota", new() { ["id"] = schoolId, ["quota"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await Db(db => db.Users.Where(u => u.Id == schoolId).Select(u => u.DailyQuota).SingleAsync()));
    }
}
