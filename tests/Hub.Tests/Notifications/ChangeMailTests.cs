using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>R2: every change to a booking is told by email; a cancelled or moved booking gives its time back.</summary>
public sealed class ChangeMailTests : AppTest
{
    [Fact]
    public async Task Reschedule_SendsMailWithNewTimeAndQr_AndFreesTheOldTime()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        var old = (await FreeStartsAsync(service.Id, Wednesday))[0];
        var created = await Http.BookOkAsync(service.Id, old);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(created.Code, await IdOfAsync(created.Code))).StatusCode);
        var target = (await FreeStartsAsync(service.Id, Wednesday.AddDays(1)))[6];
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        var moved = await RescheduleAsync(created, target);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var dto = (await moved.Content.ReadFromJsonAsync<BookingDto>())!;
        Assert.Equal(target, dto.Start);
        Assert.Equal("Confirmed", dto.Status);
        Assert.Contains(old, await FreeStartsAsync(service.Id, Wednesday));
        Assert.DoesNotContain(target, await FreeStartsAsync(service.Id, Wednesday.AddDays(1)));

        Assert.Equal(3, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(3)).To("maria@example.org", $"Το ραντεβού σας {BookingCode.Display(created.Code)} άλλαξε ώρα");
        Assert.Contains(target.ToString("HH:mm"), mail.TextBody, StringComparison.Ordinal);
        // What it was, beside what it is now: a person who booked several times knows which one moved.
        var previous = mail.TextBody!.Split('\n').Single(l => l.StartsWith("Προηγούμενη ώρα: ", StringComparison.Ordinal));
        Assert.Contains(old.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("el")), previous, StringComparison.Ordinal);
        Assert.Contains("Προηγούμενη ώρα", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(App.Tokens.QrText(created.Code), QrReader.Decode(mail.AttachedPng().Bytes()));
        var ics = Encoding.UTF8.GetString(mail.Calendar().Bytes());
        Assert.Contains($"DTSTART:{target.UtcDateTime:yyyyMMdd'T'HHmmss}Z", ics, StringComparison.Ordinal);
        Assert.Equal(["Created", "Confirmed", "Rescheduled"], await MailKindsAsync(await IdOfAsync(created.Code)));
        var id = await IdOfAsync(created.Code);
        Assert.Equal(1, await Db(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Reschedules).SingleAsync())); // for the statistics
    }

    [Fact]
    public async Task Cancel_SendsCancellationInTheBookingsLanguage_AndFreesTheSlot()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        var start = (await FreeStartsAsync(service.Id, Wednesday))[3];
        var booked = await Http.PostAsJsonAsync("/api/bookings?culture=en",
            new CreateBookingRequest(service.Id, start.ToString("O"), "John Smith", "john@example.org", "6971112233"));
        var created = (await booked.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        Assert.DoesNotContain(start, await FreeStartsAsync(service.Id, Wednesday));
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        var cancel = await CancelAsync(created);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", (await cancel.Content.ReadFromJsonAsync<BookingDto>())!.Status);
        Assert.Contains(start, await FreeStartsAsync(service.Id, Wednesday));
        Assert.Equal(HttpStatusCode.Created, (await Http.BookAsync(service.Id, start, email: "next@example.org")).StatusCode);

        Assert.Equal(3, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(3)).To("john@example.org", $"Your appointment {BookingCode.Display(created.Code)} is cancelled");
        Assert.Equal("en", mail.Language());
        // Cancelled before it was confirmed: no QR, and no calendar cancellation of an entry never sent.
        Assert.Empty(mail.Attachments);
        Assert.Equal($"/book/{service.Id}", mail.Link("/book").AbsolutePath);
    }

    [Fact]
    public async Task CancelOfAConfirmedBooking_CancelsItsCalendarEntry()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[2]);
        Assert.Equal(1, await App.DispatchMailAsync());
        var link = (await Smtp.WaitForAsync(1)).Single().Link("/confirm");
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"/api/bookings/{created.Code}/confirm?token={link.Query("token")}", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(created)).StatusCode);

        Assert.Equal(2, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(3)).To("maria@example.org", "Το ραντεβού σας " + BookingCode.Display(created.Code) + " ακυρώθηκε");
        var ics = Encoding.UTF8.GetString(mail.Calendar().Bytes());
        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.Attachments, a => a.ContentType.IsMimeType("image", "png"));
    }

    [Fact]
    public async Task RescheduleOfCancelledBooking_Is409_AndSendsNothing()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(created)).StatusCode);

        var moved = await RescheduleAsync(created, (await FreeStartsAsync(service.Id, Wednesday))[20]);

        await ProblemAssert.IsAsync(moved, HttpStatusCode.Conflict, MessageKeys.NotChangeable, "el");
        Assert.Equal(["Created", "Cancelled"], await MailKindsAsync(await IdOfAsync(created.Code)));
    }

    [Fact]
    public async Task RescheduleOfUnconfirmedBooking_MailStillAsksToConfirm_WithoutAQr()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        var moved = await RescheduleAsync(created, (await FreeStartsAsync(service.Id, Wednesday))[30]);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Pending", (await moved.Content.ReadFromJsonAsync<BookingDto>())!.Status);
        Assert.Equal(2, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(2)).To("maria@example.org", $"Το ραντεβού σας {BookingCode.Display(created.Code)} άλλαξε ώρα");
        // R7: still not finalised, so the person needs the confirm link, not a QR code for the kiosk.
        var link = mail.Link("/confirm");
        Assert.Equal(App.Tokens.Confirm(await IdOfAsync(created.Code)), link.Query("token"));
        Assert.DoesNotContain(mail.Attachments, a => a.ContentType.IsMimeType("image", "png"));
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"/api/bookings/{created.Code}/confirm?token={link.Query("token")}", null)).StatusCode);
    }
}
