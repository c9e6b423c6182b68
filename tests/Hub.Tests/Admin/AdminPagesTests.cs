using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>R11 in the browser without JavaScript: the admin pages ask before they cancel anyone's booking.</summary>
public sealed partial class AdminPagesTests : AdminTest
{
    [Fact]
    public async Task AnonymousIsSentToLogin_AndClerkIsDenied()
    {
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var clerk = await SignInAsync("clerk1@example.org");
        var denied = await clerk.GetAsync("/admin/services");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin", "Διαχείριση")]
    [InlineData("/admin/services?culture=en", "Services")]
    [InlineData("/admin/services/new", "Νέα υπηρεσία")]
    [InlineData("/admin/desks", "Υπηρεσίες που εξυπηρετεί")]
    [InlineData("/admin/calendar?culture=en", "Weekly hours")]
    [InlineData("/admin/settings", "Ορίζοντας κρατήσεων")]
    public async Task EveryAdminPage_OpensForTheAdmin_InTheChosenLanguage(string url, string text)
    {
        var admin = await SignInAsync("admin@example.org");
        var response = await admin.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosingADayOnThePage_ShowsWhoIsAffected_ThenCancelsOnlyOnConfirm()
    {
        var service = await ServiceAsync();
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "anna@example.org");
        var admin = await SignInAsync("admin@example.org");
        var form = new Dictionary<string, string>
        {
            ["Date"] = "2026-12-02",
            ["Closed"] = "true",
            ["NameEl"] = "Εξετάσεις",
            ["NameEn"] = "Driving tests",
        };

        var first = await PostFormAsync(admin, "/admin/calendar?handler=Special", form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains(BookingCode.Display(booked.Code), html, StringComparison.Ordinal);
        Assert.Contains("a***@example.org", html, StringComparison.Ordinal);
        Assert.Contains("name=\"confirm\" value=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal("Pending", await StatusAsync(booked.Code));

        var confirmed = await PostFormAsync(admin, "/admin/calendar?handler=Special", new(form) { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("Cancelled", await StatusAsync(booked.Code));
        var after = await (await admin.GetAsync("/admin/calendar")).Content.ReadAsStringAsync();
        Assert.Contains("Ακυρώθηκε ένα ραντεβού και ο κάτοχός του ενημερώθηκε", after, StringComparison.Ordinal);
        Assert.Contains("Εξετάσεις", after, StringComparison.Ordinal);
        // The page's question is recorded as asked, not as refused; the confirmation as done.
        Assert.Equal([Core.Audit.AuditOutcome.Asked, Core.Audit.AuditOutcome.Succeeded],
            await Db(db => db.AuditEntries.Where(a => a.Action == "admin.special-day.set").OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync()));
    }

    [Fact]
    public async Task BadServiceTime_IsShownNextToTheField_InEnglishWhenAsked()
    {
        var service = await AdminServiceAsync((await ServiceAsync()).Id);
        var admin = await SignInAsync("admin@example.org");

        var response = await PostFormAsync(admin, $"/admin/services/{service.Id}?culture=en", new()
        {
            ["GroupId"] = service.GroupId.ToString(),
            ["NameEl"] = service.NameEl,
            ["NameEn"] = service.NameEn,
            ["DurationMinutes"] = "7",
            ["Active"] = "true",
            ["Documents"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"DurationMinutes-error\"", html, StringComparison.Ordinal);
        Assert.Contains("in steps of 5 minutes", html, StringComparison.Ordinal);
        Assert.Equal(service.DurationMinutes, (await AdminServiceAsync(service.Id)).DurationMinutes);
    }

    [Fact]
    public async Task AGroupAddedOnTheServicesPage_IsListed_AndAnEmptyNameIsRefusedNextToTheField()
    {
        var admin = await SignInAsync("admin@example.org");

        var refused = await PostFormAsync(admin, "/admin/services?handler=Group",
            new() { ["id"] = "0", ["group0-nameEl"] = " ", ["group0-nameEn"] = "Permits", ["group0-sortOrder"] = "9" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"group0-nameEl-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await PostFormAsync(admin, "/admin/services?handler=Group",
            new() { ["id"] = "0", ["group0-nameEl"] = "Άδειες", ["group0-nameEn"] = "Permits", ["group0-sortOrder"] = "9" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Άδειες", await (await admin.GetAsync("/admin/services")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    Task<HttpClient> SignInAsync(string email) => PageForms.SignInAsync(App, email);

    static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        PageForms.PostFormAsync(client, url, fields);
}
