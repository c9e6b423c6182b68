using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Demo;
using Rantevou.Core.Localization;
using Rantevou.Hub.Jobs;
using Rantevou.Hub.Tests.Admin;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Reminders;

/// <summary>
/// R2: the reminder the day before, through real SMTP, and its two links: "I will come" is recorded, "release my slot"
/// cancels the booking so someone else can have the time. The clock starts on Tuesday 08:00 in Athens; the bookings are
/// for Wednesday, so the reminders are due on Tuesday at the office's reminder time (noon unless changed).
/// </summary>
public class ReminderTests : AdminTest
{
    /// <summary>Tuesday 1 December 2026, 12:00 in Athens (UTC+2): the default reminder moment for Wednesday's bookings.</summary>
    static readonly DateTimeOffset TuesdayNoon = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReminderAtTheOfficeHour_IsSentOnceThroughSmtp_AndItsReleaseLinkFreesTheSlotForAnotherCitizen()
    {
        var (service, start) = await OneDeskSlotAsync();
        var booked = await BookConfirmedAsync(service.Id, start, "eleni@example.org");
        Assert.Equal(2, await App.DispatchMailAsync());
        await Smtp.WaitForAsync(2);

        App.Clock.SetUtcNow(TuesdayNoon.AddMinutes(-1));
        Assert.Equal(0, await RemindAsync(App));

        // Two nodes over the one database file run the job at the same moment, and again: one reminder in all.
        App.Clock.SetUtcNow(TuesdayNoon);
        await using (var nodeB = SecondNode())
        {
            var together = await Task.WhenAll(RemindAsync(App), RemindAsync(nodeB), RemindAsync(App), RemindAsync(nodeB));
            Assert.Equal(1, together.Sum());
            Assert.Equal(0, await RemindAsync(nodeB));
        }
        Assert.Equal(0, await RemindAsync(App));
        Assert.Equal(1, await App.DispatchMailAsync());
        var mails = await Smtp.WaitForAsync(3);
        var reminder = mails.To("eleni@example.org", "Υπενθύμιση: το ραντεβού σας " + BookingCode.Display(booked.Code) + " είναι αύριο");
        Assert.Single(mails, m => (m.Subject ?? "").StartsWith("Υπενθύμιση", StringComparison.Ordinal));
        Assert.Equal("el", reminder.Language());
        // R3: the reminder carries the code the kiosk scans, as the confirmation did.
        Assert.Equal(App.Tokens.QrText(booked.Code), QrReader.Decode(reminder.AttachedPng().Bytes()));
        Assert.Equal(TuesdayNoon.UtcDateTime, (await BookingAsync(booked.Code)).ReminderSentUtc);

        // A mail scanner fetching the link changes nothing: the page shows the booking and a button.
        var release = reminder.Link("/release");
        Assert.Equal($"/b/{booked.Code}/release", release.AbsolutePath);
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(release.PathAndQuery);
        Assert.Contains("Δεν μπορώ να έρθω — αποδεσμεύστε τη θέση μου", page, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(booked.Code)).Status);
        Assert.DoesNotContain(start, await FreeStartsAsync(service.Id, Wednesday));

        // The button releases the slot at once.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var posted = await PageForms.SubmitAsync(browser, release.PathAndQuery, "method=\"post\"", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var done = await browser.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("Η θέση σας αποδεσμεύτηκε", done, StringComparison.Ordinal);
        var released = await BookingAsync(booked.Code);
        Assert.Equal(BookingStatus.Cancelled, released.Status);
        Assert.Equal(ReminderAnswer.Released, released.ReminderAnswer);
        Assert.Equal(TuesdayNoon.AddMinutes(5).UtcDateTime, released.ReminderAnsweredUtc);
        Assert.Contains(start, await FreeStartsAsync(service.Id, Wednesday));
        Assert.Equal(HttpStatusCode.Created, (await Http.BookAsync(service.Id, start, email: "next@example.org")).StatusCode);

        // R2: the cancellation mail follows, in the booking's language.
        Assert.Equal(2, await App.DispatchMailAsync());
        var cancelled = (await Smtp.WaitForAsync(5)).To("eleni@example.org", "Το ραντεβού σας " + BookingCode.Display(booked.Code) + " ακυρώθηκε");
        var cancelledIcs = Encoding.UTF8.GetString(cancelled.Calendar().Bytes());
        Assert.Contains("METHOD:CANCEL", cancelledIcs, StringComparison.Ordinal);
        Assert.DoesNotContain("VALARM", cancelledIcs, StringComparison.Ordinal);

        // A second click, or the link opened again, is told it is done already; nothing else changes.
        var again = await PageForms.SubmitAsync(browser, release.PathAndQuery, "method=\"post\"", _ => { }, html: page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Το ραντεβού έχει ήδη ακυρωθεί", await browser.GetStringAsync(again.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Contains("Το ραντεβού έχει ήδη ακυρωθεί", await browser.GetStringAsync(release.PathAndQuery), StringComparison.Ordinal);
        Assert.Equal(0, await App.DispatchMailAsync());

        var audited = await Db(db => db.AuditEntries.Where(a => a.Action == "booking.reminder.release").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal((booked.Code, AuditOutcome.Succeeded, "Holder"), (a.Target, a.Outcome, a.ActorRole)));

        // The office's statistics count the reminder and its answer (the new booking of the freed time got none).
        var day = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-12-02&to=2026-12-02");
        Assert.Equal((2, 1, 0, 1), (day!.Bookings.Appointments, day.Bookings.RemindersSent, day.Bookings.RemindersComing, day.Bookings.RemindersReleased));
    }

    [Fact]
    public async Task IWillCome_IsRecordedOnce_KeepsTheBooking_AndASecondClickIsToldItIsDone()
    {
        var english = LiveDayTest.English(Client());
        var service = await ServiceAsync();
        var start = (await FreeStartsAsync(service.Id, Wednesday))[4];
        var booked = await english.BookOkAsync(service.Id, start, "john@example.org");
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(booked.Code, await IdOfAsync(booked.Code))).StatusCode);
        App.Clock.SetUtcNow(TuesdayNoon.AddHours(1));
        Assert.Equal(1, await RemindAsync(App));
        Assert.Equal(3, await App.DispatchMailAsync());
        var reminder = (await Smtp.WaitForAsync(3)).To("john@example.org", "Reminder: your appointment " + BookingCode.Display(booked.Code) + " is tomorrow");
        Assert.Equal("en", reminder.Language());
        Assert.Contains("I will come", reminder.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("I cannot come — release my slot", reminder.TextBody, StringComparison.Ordinal);

        var coming = reminder.Link("/coming");
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(coming.PathAndQuery);
        Assert.Contains("Will you come to your appointment?", page, StringComparison.Ordinal);
        Assert.Null((await BookingAsync(booked.Code)).ReminderAnswer);

        var posted = await PageForms.SubmitAsync(browser, coming.PathAndQuery, "method=\"post\"", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("We have noted that you will come", await browser.GetStringAsync(posted.Headers.Location!.ToString()), StringComparison.Ordinal);
        var answered = await BookingAsync(booked.Code);
        Assert.Equal((BookingStatus.Confirmed, ReminderAnswer.Coming), (answered.Status, answered.ReminderAnswer));

        var again = await PageForms.SubmitAsync(browser, coming.PathAndQuery, "method=\"post\"", _ => { }, html: page);
        Assert.Contains("You have already told us that you will come", await browser.GetStringAsync(again.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal(answered.ReminderAnsweredUtc, (await BookingAsync(booked.Code)).ReminderAnsweredUtc);
        Assert.Equal(0, await App.DispatchMailAsync());
        Assert.Equal(2, await Db(db => db.AuditEntries.CountAsync(a => a.Action == "booking.reminder.coming" && a.Target == booked.Code)));
    }

    [Fact]
    public async Task BookingMadeAfterTheReminderMoment_GetsNoReminder()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var early = await BookConfirmedAsync(service.Id, starts[0], "early@example.org");
        App.Clock.SetUtcNow(TuesdayNoon.AddMinutes(1));
        var late = await BookConfirmedAsync(service.Id, starts[6], "late@example.org");

        Assert.Equal(1, await RemindAsync(App));
        App.Clock.SetUtcNow(TuesdayNoon.AddHours(9));
        Assert.Equal(0, await RemindAsync(App));
        Assert.NotNull((await BookingAsync(early.Code)).ReminderSentUtc);
        Assert.Null((await BookingAsync(late.Code)).ReminderSentUtc);
        Assert.DoesNotContain("Reminder", await MailKindsAsync(await IdOfAsync(late.Code)));
    }

    [Fact]
    public async Task CancelledOrUnconfirmedBookings_GetNoReminder()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var cancelled = await BookConfirmedAsync(service.Id, starts[0], "a@example.org");
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(cancelled)).StatusCode);
        var pending = await Http.BookOkAsync(service.Id, starts[6], "b@example.org");
        App.Clock.SetUtcNow(TuesdayNoon);

        Assert.Equal(0, await RemindAsync(App));
        Assert.Equal(0, await Db(db => db.Outbox.CountAsync(m => m.Kind == "Reminder")));
        Assert.Null((await BookingAsync(pending.Code)).ReminderSentUtc);
    }

    [Fact]
    public async Task RemindersOff_SendsNone_AndTheOfficeHourIsEditableOverTheApi()
    {
        var settings = (await Admin.GetFromJsonAsync<OfficeSettings>("/api/admin/settings"))!;
        Assert.Equal((true, "12:00"), (settings.RemindersOn, settings.ReminderTime));
        var service = await ServiceAsync();
        var booked = await BookConfirmedAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "off@example.org");

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync("/api/admin/settings", settings with { RemindersOn = false })).StatusCode);
        App.Clock.SetUtcNow(TuesdayNoon.AddHours(2));
        Assert.Equal(0, await RemindAsync(App));
        Assert.Null((await BookingAsync(booked.Code)).ReminderSentUtc);

        // Back on at 15:00 local: nothing before it, the reminder at it. A change that leaves them out keeps them.
        var later = settings with { RemindersOn = true, ReminderTime = "15:00" };
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync("/api/admin/settings", later)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync("/api/admin/settings", later with { RemindersOn = null, ReminderTime = null })).StatusCode);
        Assert.Equal((true, "15:00"), ((await Admin.GetFromJsonAsync<OfficeSettings>("/api/admin/settings"))!.RemindersOn, (await Admin.GetFromJsonAsync<OfficeSettings>("/api/admin/settings"))!.ReminderTime));
        App.Clock.SetUtcNow(TuesdayNoon.AddHours(3).AddMinutes(-1));
        Assert.Equal(0, await RemindAsync(App));
        App.Clock.SetUtcNow(TuesdayNoon.AddHours(3));
        Assert.Equal(1, await RemindAsync(App));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("12:03")]
    [InlineData("noon")]
    public async Task ReminderTimeNotOnTheFiveMinuteGrid_IsRefusedWithItsField(string time)
    {
        var settings = (await Admin.GetFromJsonAsync<OfficeSettings>("/api/admin/settings"))!;
        var refused = await Admin.PutAsJsonAsync("/api/admin/settings", settings with { ReminderTime = time });
        await ProblemAssert.IsAsync(refused, HttpStatusCode.BadRequest, MessageKeys.Invalid, "en-header", "reminderTime");
    }

    [Fact]
    public async Task AdminSettingsPage_TurnsRemindersOffAndSetsTheirHour()
    {
        var browser = await PageForms.SignInAsync(App, "admin@example.org");
        var page = await browser.GetStringAsync("/admin/settings?culture=el");
        Assert.Contains("Υπενθυμίσεις", page, StringComparison.Ordinal);
        var saved = await PageForms.SubmitAsync(browser, "/admin/settings", "RemindersOn", f => f.Tick("RemindersOn", false).Set("ReminderTime", "18:30"), html: page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((false, new TimeOnly(18, 30)), await Db(db => db.Offices.Where(o => o.Slug == DemoSeeder.OfficeSlug).Select(o => new ValueTuple<bool, TimeOnly>(o.RemindersOn, o.ReminderTime)).SingleAsync()));

        var english = await browser.GetStringAsync("/admin/settings?culture=en");
        var refused = await PageForms.SubmitAsync(browser, "/admin/settings?culture=en", "RemindersOn", f => f.Set("ReminderTime", "7pm"), html: english);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ReminderTime-error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFileOfTheConfirmation_CarriesAnAlarmBeforeTheAppointment()
    {
        var service = await ServiceAsync();
        await BookConfirmedAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "ics@example.org");
        Assert.Equal(2, await App.DispatchMailAsync());
        var confirmed = (await Smtp.WaitForAsync(2)).To("ics@example.org", "Το ραντεβού σας");
        var ics = Encoding.UTF8.GetString(confirmed.Calendar().Bytes());
        Assert.Contains("BEGIN:VALARM", ics, StringComparison.Ordinal);
        Assert.Contains("ACTION:DISPLAY", ics, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-PT2H", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("release", "el", "Η σελίδα δεν βρέθηκε")]
    [InlineData("release", "en", "Page not found")]
    [InlineData("coming", "el", "Η σελίδα δεν βρέθηκε")]
    [InlineData("coming", "en", "Page not found")]
    public async Task ReminderLinkWithAWrongToken_AnswersTheNotFoundPageInTheLanguage_AndChangesNothing(string action, string culture, string title)
    {
        var service = await ServiceAsync();
        var booked = await BookConfirmedAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "x@example.org");
        // The manage token is not the reminder's: each link carries only what it may do.
        foreach (var token in new[] { "wrong", booked.ManageToken, App.Tokens.Reminder(Guid.NewGuid()) })
        {
            var response = await Http.GetAsync($"/b/{booked.Code}/{action}?token={Uri.EscapeDataString(token)}&culture={culture}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var unknown = await Http.GetAsync($"/b/AAAAAAAAAA/{action}?token={App.Tokens.Reminder(await IdOfAsync(booked.Code))}&culture={culture}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(booked.Code)).Status);
    }

    [Fact]
    public async Task RescheduledAfterTheReminder_IsRemindedAgainBeforeTheNewDay()
    {
        var service = await ServiceAsync();
        var booked = await BookConfirmedAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "move@example.org");
        App.Clock.SetUtcNow(TuesdayNoon);
        Assert.Equal(1, await RemindAsync(App));

        var thursday = Wednesday.AddDays(1);
        Assert.Equal(HttpStatusCode.OK, (await RescheduleAsync(booked, (await FreeStartsAsync(service.Id, thursday))[0])).StatusCode);
        Assert.Null((await BookingAsync(booked.Code)).ReminderSentUtc);
        App.Clock.SetUtcNow(TuesdayNoon.AddDays(1));
        Assert.Equal(1, await RemindAsync(App));
        Assert.Equal(2, await Db(db => db.Outbox.CountAsync(m => m.Kind == "Reminder")));
    }

    /// <summary>A second server over the test's database and clock (processes on one host for SQLite).</summary>
    protected virtual RantevouApp SecondNode() => new(App.DataDir, App.Clock) { KeepData = true };

    async Task<BookingCreatedDto> BookConfirmedAsync(int serviceId, DateTimeOffset start, string email)
    {
        var booked = await Http.BookOkAsync(serviceId, start, email);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(booked.Code, await IdOfAsync(booked.Code))).StatusCode);
        return booked;
    }

    async Task<(ServiceDto Service, DateTimeOffset Start)> OneDeskSlotAsync()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        return (service, (await FreeStartsAsync(service.Id, Wednesday))[12]);
    }

    /// <summary>Runs the reminder job once on <paramref name="node"/>, as Hangfire would.</summary>
    static async Task<int> RemindAsync(RantevouApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
    }
}

/// <summary>The same reminders on PostgreSQL, where two nodes' conditional updates meet on a server database.</summary>
[Trait("Database", "PostgreSql")]
public sealed class ReminderTestsOnPostgres : ReminderTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;

    protected override RantevouApp SecondNode()
    {
        var node = new RantevouApp(RantevouApp.NewDataDir(), App.Clock);
        node.Settings["Database:Provider"] = "PostgreSql";
        node.Settings["ConnectionStrings:Rantevou"] = App.PostgresConnection;
        return node;
    }
}
