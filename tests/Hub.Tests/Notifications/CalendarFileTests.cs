using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using MimeKit;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>
/// R2: the calendar file in each mail updates the one event in the person's calendar: same UID, a higher SEQUENCE at every
/// change (RFC 5545 §3.8.7.4; calendars ignore an update whose sequence is not higher), and a cancellation that cancels it.
/// </summary>
public sealed class CalendarFileTests : AppTest
{
    [Fact]
    public async Task EachChange_KeepsTheUid_AndRaisesTheSequence_AndACancellationCancelsTheSameEvent()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var created = await Http.BookOkAsync(service.Id, starts[0]);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(created.Code, await IdOfAsync(created.Code))).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await RescheduleAsync(created, starts[6])).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await RescheduleAsync(created, starts[12])).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await CancelAsync(created)).StatusCode);

        Assert.Equal(5, await App.DispatchMailAsync());
        var mails = (await Smtp.WaitForAsync(5)).Where(m => m.Attachments.OfType<MimePart>().Any(p => p.ContentType.IsMimeType("text", "calendar"))).ToList();
        var events = mails.Select(Event).ToList();

        Assert.Equal(4, events.Count); // confirmed, moved, moved, cancelled; the first mail asks to confirm and has none.
        Assert.Single(events.Select(e => e.Event.Uid).Distinct());
        var sequences = events.Select(e => e.Event.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(starts[12].UtcDateTime, events[2].Event.DtStart!.AsUtc);
        Assert.All(events.Take(3), e => Assert.Equal(("PUBLISH", "CONFIRMED"), (e.Method, e.Event.Status)));
        Assert.Equal(("CANCEL", "CANCELLED"), (events[3].Method, events[3].Event.Status));
    }

    [Fact]
    public async Task VoidedBooking_ItsCalendarFileCancelsTheEvent_AfterItsConfirmation()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(created.Code, await IdOfAsync(created.Code))).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var clerk = await Clerk.LoginAsync(App, "clerk1@example.org");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync($"/api/bookings/{created.Code}/void", new VoidRequest("Λάθος στοιχεία"))).StatusCode);

        Assert.Equal(3, await App.DispatchMailAsync());
        var mails = await Smtp.WaitForAsync(3);
        var confirmed = Event(mails.To("maria@example.org", $"Το ραντεβού σας {BookingCode.Display(created.Code)} επιβεβαιώθηκε"));
        var voided = Event(mails.To("maria@example.org", $"Το ραντεβού σας {BookingCode.Display(created.Code)} κρίθηκε άκυρο"));
        Assert.Equal(confirmed.Event.Uid, voided.Event.Uid);
        Assert.True(voided.Event.Sequence > confirmed.Event.Sequence);
        Assert.Equal(("CANCEL", "CANCELLED"), (voided.Method, voided.Event.Status));
    }

    static (string Method, CalendarEvent Event) Event(MimeMessage mail)
    {
        var calendar = Calendar.Load(Encoding.UTF8.GetString(mail.Calendar().Bytes()))!;
        return (calendar.Method!, calendar.Events.Single());
    }
}
