using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// What the kiosk tells a person, in Greek and in English: the time check-in opens, and what happened to a booking that
/// was cancelled, released, voided or expired — on its day or another — never "another day" or a text with a gap.
/// </summary>
public sealed class KioskAnswersTests(SharedOffice shared) : LiveDayTest(shared), IClassFixture<SharedOffice>
{
    sealed record Day(Booked Early, Booked Soon, Booked Cancelled, Booked Voided, Booked Expired, Booked CancelledThursday,
        Booked VoidedThursday, Booked ExpiredTuesday, string Released);

    Day day = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        day = await Shared!.OnceAsync(PrepareAsync);
        At(8, 30);
    }

    /// <summary>Booked on Tuesday at 08:00; expired on Tuesday, released, then voided and expired on Wednesday morning.</summary>
    async Task<Day> PrepareAsync()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var early = await BookAsync(renewal, Wed(11, 0), "early");
        var soon = await BookAsync(renewal, Wed(9, 0), "soon");
        var cancelled = await BookAsync(renewal, Wed(9, 30), "cancelled");
        var voided = await BookAsync(renewal, Wed(10, 0), "voided");
        var expired = await BookAsync(renewal, Wed(8, 15), "expired");
        var cancelledThursday = await BookAsync(renewal, Wed(9, 30).AddDays(1), "cancelled-thu");
        var voidedThursday = await BookAsync(renewal, Wed(10, 0).AddDays(1), "voided-thu");
        var expiredTuesday = await BookAsync(renewal, Wed(10, 0).AddDays(-1), "expired-tue");
        var released = (await Http.BookOkAsync(renewal, Wed(10, 30), "released@example.org")).Code;
        foreach (var b in new[] { cancelled, cancelledThursday })
        {
            var cancel = await Http.PostAsync($"/api/bookings/{b.Code}/cancel?token={App.Tokens.Manage(b.Id)}", null);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }
        App.Clock.SetUtcNow(Wed(10, 15).AddDays(-1));
        Assert.Equal(1, await ExpireLateAsync());
        Assert.Equal(1, await App.ReleaseHoldsAsync());

        At(8, 30);
        Assert.Equal(1, await ExpireLateAsync());
        var clerk = await ClerkAsync();
        foreach (var b in new[] { voided, voidedThursday })
        {
            var response = await clerk.Http.PostAsJsonAsync($"/api/bookings/{b.Code}/void", new VoidRequest("Wrong tax number"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return new Day(early, soon, cancelled, voided, expired, cancelledThursday, voidedThursday, expiredTuesday, released);
    }

    [Fact]
    public async Task Early_SaysTheAppointmentTimeAndWhenCheckInOpens_InGreekAndEnglish()
    {
        var en = await ScanAsync(day.Early.Qr);
        Assert.Equal(("Early", $"You are early! Your appointment ({day.Early.Label}) is at 11:00. Check-in opens at 10:00."), (en.Status, en.Message));
        var el = await ScanAsync(day.Early.Qr, "el");
        Assert.Equal($"Ήρθατε νωρίς! Το ραντεβού σας ({day.Early.Label}) είναι στις 11:00. Η καταγραφή ανοίγει στις 10:00.", el.Message);
    }

    [Fact]
    public async Task EndOfDayAskedBeforeTheStart_SaysTheTime_NeverAGap()
    {
        var before = await StateAsync();
        // Check-in for 09:00 opened at 08:00: the person is not late and can simply check in.
        var en = await EndOfDayAsync(day.Soon.Qr);
        Assert.Equal(("Early", $"You are not late: your appointment ({day.Soon.Label}) is at 09:00. Scan the code again to check in."),
            (en.Status, en.Message));
        var el = await ScanAsync(day.Soon.Qr, "el", "/api/kiosk/checkin/end-of-day");
        Assert.Equal($"Δεν έχετε αργήσει: το ραντεβού σας ({day.Soon.Label}) είναι στις 09:00. Σαρώστε ξανά τον κωδικό για να καταγραφείτε.", el.Message);
        // Before check-in opens: when it opens.
        var early = await EndOfDayAsync(day.Early.Qr);
        Assert.Equal($"You are early! Your appointment ({day.Early.Label}) is at 11:00. Check-in opens at 10:00.", early.Message);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task ClosedBookings_SayWhatHappened_OnTheirDayOrAnother_InGreekAndEnglish()
    {
        var released = BookingCode.Display(day.Released);
        var cases = new (string Qr, string Status, string English, string Greek)[]
        {
            (day.Cancelled.Qr, "Cancelled",
                $"The appointment ({day.Cancelled.Label}) was cancelled and cannot be served. To be served, book a new appointment.",
                $"Το ραντεβού ({day.Cancelled.Label}) ακυρώθηκε και δεν εξυπηρετείται. Για να εξυπηρετηθείτε, κλείστε νέο ραντεβού."),
            (day.CancelledThursday.Qr, "Cancelled",
                $"The appointment ({day.CancelledThursday.Label}) was cancelled and cannot be served. To be served, book a new appointment.",
                $"Το ραντεβού ({day.CancelledThursday.Label}) ακυρώθηκε και δεν εξυπηρετείται. Για να εξυπηρετηθείτε, κλείστε νέο ραντεβού."),
            (App.Tokens.QrText(day.Released), "Cancelled",
                $"The appointment ({released}) was not confirmed from the email in time and was cancelled. Please book a new appointment.",
                $"Το ραντεβού ({released}) δεν επιβεβαιώθηκε εγκαίρως από το email και ακυρώθηκε. Κλείστε νέο ραντεβού."),
            (day.Voided.Qr, "Void",
                $"The appointment ({day.Voided.Label}) was voided because of missing or wrong details and cannot be served. The reason is in your email; book a new appointment or ask at a desk.",
                $"Το ραντεβού ({day.Voided.Label}) κρίθηκε άκυρο λόγω ελλιπών ή λανθασμένων στοιχείων και δεν εξυπηρετείται. Ο λόγος είναι στο email σας· κλείστε νέο ραντεβού ή απευθυνθείτε σε μια θυρίδα."),
            (day.VoidedThursday.Qr, "Void",
                $"The appointment ({day.VoidedThursday.Label}) was voided because of missing or wrong details and cannot be served. The reason is in your email; book a new appointment or ask at a desk.",
                $"Το ραντεβού ({day.VoidedThursday.Label}) κρίθηκε άκυρο λόγω ελλιπών ή λανθασμένων στοιχείων και δεν εξυπηρετείται. Ο λόγος είναι στο email σας· κλείστε νέο ραντεβού ή απευθυνθείτε σε μια θυρίδα."),
            (day.Expired.Qr, "Expired",
                $"The appointment ({day.Expired.Label}) expired because of lateness. You may be served at the end of the day, or book again.",
                $"Το ραντεβού ({day.Expired.Label}) έληξε λόγω καθυστέρησης. Μπορείτε να εξυπηρετηθείτε στο τέλος της ημέρας ή να κλείσετε νέο ραντεβού."),
            (day.ExpiredTuesday.Qr, "Expired",
                $"Your appointment ({day.ExpiredTuesday.Label}, Tuesday 1 December 2026, 10:00) expired because you did not arrive in time. Please book a new appointment.",
                $"Το ραντεβού σας ({day.ExpiredTuesday.Label}, Τρίτη 1 Δεκεμβρίου 2026, 10:00) έληξε, γιατί δεν προσήλθατε εγκαίρως. Κλείστε νέο ραντεβού."),
        };
        var before = await StateAsync();
        foreach (var (qr, status, english, greek) in cases)
        {
            var en = await ScanAsync(qr);
            Assert.Equal((status, english), (en.Status, en.Message));
            var el = await ScanAsync(qr, "el");
            Assert.Equal((status, greek), (el.Status, el.Message));
        }
        // Only an expiry of today leaves the end-of-day choice (R5); the others say there is none.
        // R5: expired today, and the end of the day still fits: the choice is offered, with an estimate.
        var expiredToday = await ScanAsync(day.Expired.Qr);
        Assert.True(expiredToday.EndOfDayFits);
        Assert.NotNull(expiredToday.EndOfDayEstimate);
        Assert.False((await ScanAsync(day.ExpiredTuesday.Qr)).EndOfDayFits);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData(KeyboardLayout.Greek, false)]
    [InlineData(KeyboardLayout.Greek220, true)]
    [InlineData(KeyboardLayout.GreekX11, false)]
    [InlineData(KeyboardLayout.Us, true)]
    public async Task QrTypedThroughAGreekLayoutOrCapsLock_IsRead_AndAForgedOneIsNot(KeyboardLayout layout, bool caps)
    {
        // R3: a USB scanner types through the kiosk PC's layout, adding a line end; the forged signature stays unknown.
        var typed = ScannerKeyboard.Type(day.Early.Qr, layout, caps);
        Assert.NotEqual(day.Early.Qr, typed);
        var read = await ScanAsync(typed + "\r\n");
        Assert.Equal(("Early", day.Early.Label), (read.Status, read.Code));
        var forged = day.Early.Qr[..^3] + (day.Early.Qr[^3..] == "AAA" ? "BBB" : "AAA");
        Assert.Equal("Unknown", (await ScanAsync(ScannerKeyboard.Type(forged, layout, caps))).Status);
    }

    /// <summary>A kiosk in Greek, the default language (its own client: ?culture= would leave a cookie on the English one).</summary>
    async Task<CheckInResult> ScanAsync(string qr, string greek, string path = "/api/kiosk/checkin")
    {
        Assert.Equal("el", greek);
        using var http = await App.KioskClientAsync();
        return await OkAsync<CheckInResult>(await http.PostAsJsonAsync(path, new CheckInRequest(qr)));
    }

    async Task<int> ExpireLateAsync()
    {
        await using var scope = App.Scope();
        return await scope.ServiceProvider.GetRequiredService<BookingClosures>().ExpireLateAsync(CancellationToken.None);
    }
}
