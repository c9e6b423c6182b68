using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>R2, R7: the person confirms from the link in the first email and gets a QR code the kiosk can read.</summary>
public sealed class ConfirmationMailTests : AppTest
{
    public static TheoryData<string, string, string, string> Languages => new()
    {
        // how the language is chosen, the mail's language, start of the first and of the second subject
        { "", "el", "Επιβεβαιώστε το ραντεβού σας", "Το ραντεβού σας" },
        { "?culture=en", "en", "Please confirm your appointment", "Your appointment" },
        { "Accept-Language: en", "en", "Please confirm your appointment", "Your appointment" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ConfirmFromEmailLink_SendsConfirmationWithScannableQrAndCalendar_InBookingLanguage(
        string chooser, string language, string createdSubject, string confirmedSubject)
    {
        var http = Client();
        var query = chooser.StartsWith('?') ? chooser : "";
        if (chooser.StartsWith("Accept-Language", StringComparison.Ordinal))
            http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var service = await ServiceAsync();
        var start = (await FreeStartsAsync(service.Id, Wednesday))[3];
        var response = await http.PostAsJsonAsync($"/api/bookings{query}",
            new CreateBookingRequest(service.Id, start.ToString("O"), "Νίκος Γεωργίου", "nikos@example.org", "694 123 4567"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;

        Assert.Equal(1, await App.DispatchMailAsync());
        var first = (await Smtp.WaitForAsync(1)).Single();
        Assert.StartsWith(createdSubject, first.Subject, StringComparison.Ordinal);
        Assert.Contains(BookingCode.Display(created.Code), first.Subject, StringComparison.Ordinal);
        Assert.Equal(language, first.Language());
        Assert.Empty(first.Attachments);
        // R9: the button to confirm within the hold comes before the list of documents, in both parts: on a phone a
        // long list would push it out of sight.
        var documentsHeading = language == "el" ? "Δικαιολογητικά" : "Required documents";
        Assert.True(first.HtmlBody!.IndexOf("/confirm?", StringComparison.Ordinal) is > 0 and var button
            && button < first.HtmlBody.IndexOf(documentsHeading, StringComparison.Ordinal), first.HtmlBody);
        Assert.True(first.TextBody!.IndexOf("/confirm?", StringComparison.Ordinal) is > 0 and var line
            && line < first.TextBody.IndexOf(documentsHeading, StringComparison.Ordinal), first.TextBody);

        // The confirm link in the email proves the address (R7); its code and token drive the API call.
        var link = first.Link("/confirm");
        Assert.Equal($"/b/{created.Code}/confirm", link.AbsolutePath);
        Assert.Equal(language, link.Query("culture"));
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        var confirm = await Client().PostAsync($"/api/bookings/{created.Code}/confirm?token={link.Query("token")}", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("Confirmed", (await confirm.Content.ReadFromJsonAsync<BookingDto>())!.Status);

        Assert.Equal(1, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(2)).To("nikos@example.org", confirmedSubject);
        Assert.Equal(language, mail.Language());
        Assert.Contains(BookingCode.Display(created.Code), mail.Subject, StringComparison.Ordinal);
        // The text part names the documents under their heading, as the HTML part does (R10).
        Assert.Matches($"{(language == "el" ? "Δικαιολογητικά" : "Required documents")}\r?\n- ", mail.TextBody);

        var inline = mail.InlinePng();
        Assert.Contains($"cid:{inline.ContentId}", mail.HtmlBody, StringComparison.Ordinal);
        var attached = mail.AttachedPng();
        Assert.Equal(inline.Bytes(), attached.Bytes());
        var qr = QrReader.Decode(attached.Bytes());
        Assert.Equal(App.Tokens.QrText(created.Code), qr);
        Assert.Equal(created.Code, App.Tokens.ReadQr(qr));

        var ics = Encoding.UTF8.GetString(mail.Calendar().Bytes());
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss}Z", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmTwice_IsHarmless_AndSendsOneConfirmation()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        var id = await IdOfAsync(created.Code);
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(created.Code, id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(created.Code, id)).StatusCode);

        Assert.Equal(["Created", "Confirmed"], await MailKindsAsync(id));
    }

    [Fact]
    public async Task ConfirmToken_IsNeverInAnApiAnswer()
    {
        var service = await ServiceAsync();
        var response = await Http.BookAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        var body = await response.Content.ReadAsStringAsync();
        var created = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        var id = await IdOfAsync(created.Code);
        var read = await Http.GetStringAsync($"/api/bookings/{created.Code}?token={created.ManageToken}");

        Assert.DoesNotContain(App.Tokens.Confirm(id), body, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Tokens.Confirm(id), read, StringComparison.Ordinal);
        // The manage token does not confirm: only the address owner can.
        var withManage = await Http.PostAsync($"/api/bookings/{created.Code}/confirm?token={created.ManageToken}", null);
        Assert.Equal(HttpStatusCode.NotFound, withManage.StatusCode);
    }
}
