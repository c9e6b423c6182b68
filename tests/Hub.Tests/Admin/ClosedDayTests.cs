using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11 with R2: "closed all day" closes the day, from the page as a browser posts it and from the API; the bookings on
/// it are listed first and cancelled only on confirmation, each person told by email in the language they booked in.
/// </summary>
public sealed class ClosedDayTests : AdminTest
{
    [Fact]
    public async Task ClosedAllDay_TickedOnThePage_WithEmptyTimes_ClosesTheDay_AndCancelsItsBookingsOnConfirm()
    {
        var (greek, english) = await BookGreekAndEnglishAsync();
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        static void Fill(HtmlForm f) => f.Set("Date", "2026-12-02").Tick("Closed").Set("NameEl", "Απεργία").Set("NameEn", "Strike");

        // The form as the page renders it, submitted as the browser submits it (times left empty).
        var first = await PageForms.SubmitAsync(admin, "/admin/calendar", "handler=Special", Fill);

        var html = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, html);
        Assert.DoesNotContain("field--error", html, StringComparison.Ordinal);
        Assert.Contains(BookingCode.Display(greek.Code), html, StringComparison.Ordinal);
        Assert.Contains(BookingCode.Display(english.Code), html, StringComparison.Ordinal);
        Assert.Equal(["Pending", "Pending"], [await StatusAsync(greek.Code), await StatusAsync(english.Code)]);
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminSpecialDay>>("/api/admin/special-days"))!);

        var confirmed = await PageForms.SubmitAsync(admin, "/admin/calendar", "handler=Special", _ => { }, "confirm", "true", html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var day = Assert.Single((await Admin.GetFromJsonAsync<List<AdminSpecialDay>>("/api/admin/special-days"))!);
        Assert.Equal((Wednesday, true, (string?)null, (string?)null), (day.Date, day.Closed, day.Open, day.Close));
        Assert.Empty(await FreeStartsAsync((await ServiceAsync()).Id, Wednesday));
        await AssertCancelledAndToldAsync(greek, english);

        // Opened again, the day takes bookings; the page says the two it cancelled stay cancelled (each was told).
        var reopened = await PageForms.SubmitAsync(admin, "/admin/calendar", "id=\"remove-2026-12-02\"", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var notice = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(reopened.Headers.Location!));
        Assert.Contains("Τα 2 ραντεβού που ακύρωσε το κλείσιμό της μένουν ακυρωμένα", notice, StringComparison.Ordinal);
        Assert.Equal(["Cancelled", "Cancelled"], [await StatusAsync(greek.Code), await StatusAsync(english.Code)]);
    }

    [Fact]
    public async Task ClosedAllDay_OverTheApi_WithEmptyTimes_ListsThenCancelsOnConfirm()
    {
        var (greek, english) = await BookGreekAndEnglishAsync();
        var edit = new SpecialDayEdit(true, "", "", "Απεργία", "Strike");

        Assert.Equal(HttpStatusCode.Conflict, (await PutSpecialDayAsync(Wednesday, edit)).StatusCode);
        var confirmed = await PutSpecialDayAsync(Wednesday, edit, confirm: true);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(2, (await confirmed.Content.ReadFromJsonAsync<ChangeDone>())!.Cancelled.Count);
        Assert.True(Assert.Single((await Admin.GetFromJsonAsync<List<AdminSpecialDay>>("/api/admin/special-days"))!).Closed);
        await AssertCancelledAndToldAsync(greek, english);
    }

    [Fact]
    public async Task ADayGoneBy_CannotBeClosedOrGivenOtherHours_AndNothingIsSaved()
    {
        var yesterday = new DateOnly(2026, 11, 30);
        var response = await PutSpecialDayAsync(yesterday, new SpecialDayEdit(true, null, null, "Απεργία", "Strike"), confirm: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains(problem.GetProperty("errors").GetProperty("date")[0].GetString(),
            new[] { "Η ημερομηνία αυτή έχει περάσει· επιλέξτε σήμερα ή μεταγενέστερη ημέρα.", "That date has passed; choose today or a later day." });
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminSpecialDay>>("/api/admin/special-days"))!);
    }

    async Task<(BookingCreatedDto Greek, BookingCreatedDto English)> BookGreekAndEnglishAsync()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var greek = await Http.BookOkAsync(service.Id, starts[0], "anna@example.org");
        var booked = await Http.PostAsJsonAsync("/api/bookings?culture=en",
            new CreateBookingRequest(service.Id, starts[3].ToString("O"), "John Smith", "john@example.org", "6971112233"));
        var english = (await booked.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        Assert.Equal(2, await App.DispatchMailAsync());
        await Smtp.WaitForAsync(2);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        return (greek, english);
    }

    async Task AssertCancelledAndToldAsync(BookingCreatedDto greek, BookingCreatedDto english)
    {
        Assert.Equal(["Cancelled", "Cancelled"], [await StatusAsync(greek.Code), await StatusAsync(english.Code)]);
        Assert.Equal(2, await App.DispatchMailAsync());
        var mails = await Smtp.WaitForAsync(4);
        var el = mails.To("anna@example.org", $"Το ραντεβού σας {BookingCode.Display(greek.Code)} ακυρώθηκε από την υπηρεσία");
        Assert.Contains("νέο ραντεβού", el.TextBody, StringComparison.Ordinal);
        Assert.Contains("Αιτιολογία: Απεργία", el.TextBody, StringComparison.Ordinal); // why, in the language booked in
        var en = mails.To("john@example.org", $"Your appointment {BookingCode.Display(english.Code)} has been cancelled by the office");
        Assert.Equal("en", en.Language());
        Assert.Contains(": Strike", en.TextBody, StringComparison.Ordinal);
        Assert.Equal(["Created", "CancelledByOffice"], await MailKindsAsync(await IdOfAsync(english.Code)));
    }
}
