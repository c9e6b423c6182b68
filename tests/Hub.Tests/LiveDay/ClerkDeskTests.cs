using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// Desk actions that need a second look before they act: "end of the day" on a walk-in (R5 is for appointments; R13
/// sends a walk-in back to the front of its queue) and a no-show recorded before the appointment's time (R12).
/// </summary>
public class ClerkDeskTests : LiveDayTest
{
    [Fact]
    public async Task AdviceWhileServing_IsForWhenTheCurrentServiceEnds_SoAWalkInIsNotSaidToFitAGapItTakes()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var minutes = (await Http.ServicesAsync()).Single(s => s.Id == renewal).DurationMinutes;
        // The desk's next appointment leaves a gap of the service's time and five minutes after 09:00.
        await BookAsync(renewal, Wed(9, 0).AddMinutes(minutes + 5), "later");
        At(9, 0);
        var first = await WalkInAsync(renewal);
        var second = await WalkInAsync(renewal);
        var clerk = await ClerkAsync();
        Assert.Equal(first.Ticket, (await clerk.ExpectNextAsync(desk, "WalkInInGap", first.Ticket))!.Label);

        // A minute in, the second walk-in would fit from now, but not after the first one's service: it is not advised.
        At(9, 1);
        var serving = (await clerk.DayAsync(desk)).Advice;
        Assert.Equal(("NothingFitsGap", null), (serving.Reason, serving.NextLabel));
        Assert.StartsWith("Once the person at the desk is done: ", serving.Message, StringComparison.Ordinal);

        // Done early, the desk is free now, and the gap from now takes the second one.
        await clerk.ActAsync(desk, "complete");
        var free = (await clerk.DayAsync(desk)).Advice;
        Assert.Equal(("WalkInInGap", second.Ticket), (free.Reason, free.NextLabel));
        Assert.DoesNotContain("Once the person", free.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdviceWhileServing_SaysTheOfficesClosingHour_NotClosingMinusTheCurrentService()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        At(10, 0);
        var first = await WalkInAsync(renewal);
        var second = await WalkInAsync(renewal);
        var clerk = await ClerkAsync();
        Assert.Equal(first.Ticket, (await clerk.ExpectNextAsync(desk, "WalkInAfterLast", first.Ticket))!.Label);
        App.Clock.SetUtcNow(Wed(10, 1).AddSeconds(20));

        var english = (await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=en"))!.Advice;
        var greek = (await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=el"))!.Advice;

        Assert.Equal(("WalkInAfterLast", second.Ticket), (english.Reason, english.NextLabel));
        Assert.StartsWith("Once the person at the desk is done: ", english.Message, StringComparison.Ordinal);
        Assert.EndsWith("closing at 14:00.", english.Message, StringComparison.Ordinal);
        Assert.EndsWith("το γραφείο κλείνει στις 14:00.", greek.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGapTooShortByTheServiceTimes_IsTheClerksToJudge_CallNextWithGapJudged_CallsTheFirstWalkIn()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var minutes = (await Http.ServicesAsync()).Single(s => s.Id == renewal).DurationMinutes;
        // The desk's next appointment leaves five minutes less than the walk-in's service time.
        await BookAsync(renewal, Wed(9, 0).AddMinutes(minutes - 5), "next");
        At(9, 0);
        var ticket = await WalkInAsync(renewal);
        var clerk = await ClerkAsync();

        var advice = (await clerk.DayAsync(desk)).Advice;
        Assert.Equal(("NothingFitsGap", null, ticket.Ticket), (advice.Reason, advice.NextLabel, advice.IfClerkJudgesGap));
        Assert.Null(await clerk.CallNextAsync(desk));
        var bad = await clerk.Http.PostAsync($"/api/desks/{desk}/call-next?gap=always&culture=el", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("judged", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await clerk.DayAsync(desk)).Current);

        var called = await clerk.PostAsync(desk, "call-next?gap=judged");

        Assert.Equal(HttpStatusCode.OK, called.StatusCode);
        Assert.Equal(ticket.Ticket, (await called.Content.ReadFromJsonAsync<CalledPerson>())!.Label);
        Assert.Null((await clerk.DayAsync(desk)).Advice.IfClerkJudgesGap);
    }

    [Fact]
    public async Task AnAppointmentHereAtADeskNobodyWorks_IsListedAtTheOtherDesksOfItsService_AndCalledThere()
    {
        await OnlyDesksAsync(1, 2, 4, 5, 6);
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 0), "unseen");
        var bookedDesk = (await RowAsync(booked)).DeskId;
        var other = await DeskIdAsync(bookedDesk == await DeskIdAsync(1) ? 2 : 1);
        At(9, 1);
        await ScanAsync(booked.Qr);
        var clerk = await ClerkAsync();
        Assert.Empty((await clerk.DayAsync(other)).WaitingElsewhere!); // its own clerk may be about to call it
        At(9, 5);

        Assert.Equal([booked.Label], (await clerk.DayAsync(other)).WaitingElsewhere!.Select(w => w.Code));
        Assert.Empty((await clerk.DayAsync(bookedDesk)).WaitingElsewhere!); // its own desk has it on its day
        Assert.Empty((await clerk.DayAsync(await DeskIdAsync(4))).WaitingElsewhere!); // a vehicle desk does not serve it
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync(other, "call-next?code=ZZZZ-ZZZZ")).StatusCode);

        var called = await clerk.PostAsync(other, $"call-next?code={booked.Label}");

        Assert.Equal(HttpStatusCode.OK, called.StatusCode);
        Assert.Equal(booked.Label, (await called.Content.ReadFromJsonAsync<CalledPerson>())!.Label);
        Assert.Equal(other, (await RowAsync(booked)).CalledDeskId);
        Assert.Empty((await clerk.DayAsync(other)).WaitingElsewhere!);
    }

    [Fact]
    public async Task AnAppointmentAtADeskThatIsCalling_IsNotListedElsewhere_UntilThatDeskHasBeenQuietForFiveMinutes()
    {
        await OnlyDesksAsync(1, 2, 4, 5, 6);
        var renewal = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(renewal, Wed(9, 30), "waiting");
        var bookedDesk = (await RowAsync(booked)).DeskId;
        var other = await DeskIdAsync(bookedDesk == await DeskIdAsync(1) ? 2 : 1);
        At(9, 0);
        var clerk = await ClerkAsync();
        await WalkInAsync(renewal);
        await clerk.ActAsync(bookedDesk, "call-next"); // the desk's clerk is there this morning
        At(9, 10);
        await clerk.ActAsync(bookedDesk, "complete");
        At(9, 29);
        await ScanAsync(booked.Qr);

        App.Clock.SetUtcNow(Wed(9, 34).AddSeconds(59));
        Assert.Empty((await clerk.DayAsync(other)).WaitingElsewhere!);
        At(9, 35);
        Assert.Equal([booked.Label], (await clerk.DayAsync(other)).WaitingElsewhere!.Select(w => w.Code));
    }

    [Fact]
    public async Task AdviceInTheLastMinutesBeforeAnAppointment_CountsDownToUnderAMinute_NeverZeroMinutes()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        await BookAsync(renewal, Wed(9, 0), "due");
        At(8, 30);
        await WalkInAsync(renewal);
        var clerk = await ClerkAsync();

        async Task<(string English, string Greek)> AdviceAt(DateTimeOffset at)
        {
            App.Clock.SetUtcNow(at);
            var greek = (await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=el"))!.Advice.Message;
            return ((await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=en"))!.Advice.Message, greek);
        }

        Assert.Equal(("Next appointment in 2 min; no waiting service fits in the gap.",
            "Επόμενο ραντεβού σε 2 λεπτά· καμία εξυπηρέτηση που περιμένει δεν χωράει στο κενό."), await AdviceAt(Wed(8, 58)));
        Assert.Equal(("Next appointment in 1 min; no waiting service fits in the gap.",
            "Επόμενο ραντεβού σε 1 λεπτό· καμία εξυπηρέτηση που περιμένει δεν χωράει στο κενό."), await AdviceAt(Wed(8, 59)));
        Assert.Equal(("Next appointment in under a minute; no waiting service fits in the gap.",
            "Επόμενο ραντεβού σε λιγότερο από ένα λεπτό· καμία εξυπηρέτηση που περιμένει δεν χωράει στο κενό."),
            await AdviceAt(Wed(8, 59).AddSeconds(30)));
    }

    [Fact]
    public async Task AdviceMoreThanAnHourAhead_SaysTheClockTime_NotHundredsOfMinutes()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        await BookAsync(renewal, Wed(11, 0), "later");
        At(9, 0);
        await WalkInAsync(renewal);
        var clerk = await ClerkAsync();
        App.Clock.SetUtcNow(Wed(9, 0).AddSeconds(30));

        var english = (await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=en"))!.Advice.Message;
        var greek = (await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=el"))!.Advice.Message;

        Assert.StartsWith("Next appointment at 11:00; ", english, StringComparison.Ordinal);
        Assert.StartsWith("Επόμενο ραντεβού στις 11:00· ", greek, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defer_OnAWalkIn_IsRefusedWithWhatToDoInstead_InBothLanguages_AndChangesNothing()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        At(9, 0);
        var ticket = await WalkInAsync(await ServiceAsync("Replace old paper licence"));
        var clerk = await ClerkAsync();
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        var before = await StateAsync();

        var english = await clerk.PostAsync(desk, "defer");
        await ProblemAssert.IsAsync(english, HttpStatusCode.Conflict, "DeferWalkIn", "en-header");
        Assert.Contains("walk-in", await TitleAsync(english), StringComparison.Ordinal);
        var greek = await clerk.Http.PostAsync($"/api/desks/{desk}/defer?culture=el", null);
        await ProblemAssert.IsAsync(greek, HttpStatusCode.Conflict, "DeferWalkIn", "el");
        Assert.Contains("χωρίς ραντεβού", await TitleAsync(greek), StringComparison.Ordinal);

        Assert.Equal(before, await StateAsync());
        Assert.Equal(ticket.Ticket, (await clerk.DayAsync(desk)).Current?.Label);
        // What the message says to do instead: interrupt puts the ticket back at the front of the walk-in queue (R13).
        Assert.Equal(ticket.Ticket, (await clerk.ActAsync(desk, "interrupt")).Label);
        var waiting = Assert.Single((await clerk.DayAsync(desk)).Walkins);
        Assert.Equal((ticket.Ticket, 1), (waiting.Ticket, waiting.Position));
    }

    [Fact]
    public async Task NoShow_BeforeTheAppointmentTime_NeedsConfirmation_AfterItOrForAWalkInItDoesNot()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var early = await BookAsync(renewal, Wed(10, 30), "early");
        var onTime = await BookAsync(renewal, Wed(11, 0), "ontime");
        await MailAsync(4);
        At(10, 0);
        Assert.Equal("CheckedIn", (await ScanAsync(early.Qr)).Status);
        At(10, 5);
        var clerk = await ClerkAsync();
        Assert.Equal(early.Label, (await clerk.ExpectNextAsync(desk, "EarlyAppointment", early.Label))!.Label);
        var before = await StateAsync();

        // R12: a no-show counts against the person; before 10:30 it is more likely a slip of the finger.
        var refused = await clerk.PostAsync(desk, "no-show");
        await ProblemAssert.IsAsync(refused, HttpStatusCode.Conflict, "NoShowBeforeStart", "en-header");
        Assert.Contains("10:30", await TitleAsync(refused), StringComparison.Ordinal);
        var greek = await clerk.Http.PostAsync($"/api/desks/{desk}/no-show?culture=el", null);
        await ProblemAssert.IsAsync(greek, HttpStatusCode.Conflict, "NoShowBeforeStart", "el");
        Assert.Contains("10:30", await TitleAsync(greek), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(0, await App.DispatchMailAsync());

        var confirmed = await clerk.Http.PostAsync($"/api/desks/{desk}/no-show?confirm=true", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(BookingStatus.NoShow, await StatusAsync(early));
        Assert.Single(await MailAsync(1));

        // At or after the appointment's time the clerk's word is enough, as before.
        At(10, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(onTime.Qr)).Status);
        At(11, 2);
        Assert.Equal(onTime.Label, (await clerk.CallNextAsync(desk))!.Label);
        Assert.Equal(onTime.Label, (await clerk.ActAsync(desk, "no-show")).Label);
        Assert.Equal(BookingStatus.NoShow, await StatusAsync(onTime));

        // A walk-in has no appointment time.
        var ticket = await WalkInAsync(renewal);
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        Assert.Equal(ticket.Ticket, (await clerk.ActAsync(desk, "no-show")).Label);
        Assert.Equal(TicketStatus.NoShow, await App.WithDbAsync(db => Task.FromResult(db.WalkInTickets.Single().Status)));
    }

    [Fact]
    public async Task Interruption_NamesTheDueAppointmentAndItsTime_InsteadOfCountingMinutes()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var due = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(9, 30), "due");
        At(9, 0);
        var ticket = await WalkInAsync(await ServiceAsync("Replace old paper licence"));
        At(9, 10);
        var clerk = await ClerkAsync();
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);

        // R13: which appointment and since when, in words that stay the same minute after minute (the screen's alert
        // is read out again whenever its text changes).
        At(9, 31);
        var absent = (await clerk.DayAsync(desk)).Interruption!;
        Assert.Equal(("AppointmentDueNotArrived", $"Appointment {due.Label} (09:30) is due, but the person has not arrived yet."),
            (absent.Reason, absent.Message));
        Assert.Equal("CheckedIn", (await ScanAsync(due.Qr)).Status);
        At(9, 33);
        var waiting = (await clerk.DayAsync(desk)).Interruption!;
        Assert.Equal(("AppointmentWaiting", $"Appointment {due.Label} (09:30) is waiting; interrupt the current service, already past its time."),
            (waiting.Reason, waiting.Message));
        var greek = await clerk.Http.GetFromJsonAsync<DeskDay>($"/api/desks/{desk}/day?culture=el");
        Assert.Equal($"Το ραντεβού {due.Label} ({"09:30"}) περιμένει· διακόψτε την τρέχουσα εξυπηρέτηση, που έχει ήδη ξεπεράσει τον χρόνο της.",
            greek!.Interruption!.Message);
    }

    [Fact]
    public async Task DeskDay_AnAppointmentDueAndNotHere_SaysUntilWhenTheKioskTakesIt_UntilTheyCheckIn()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var due = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(9, 30), "due");
        At(9, 29);
        var clerk = await ClerkAsync();
        Assert.Null((await clerk.DayAsync(desk)).Appointments.Single().CheckInBy);

        // R5: the office's 10 minutes of grace.
        At(9, 31);
        Assert.Equal(Wed(9, 40), (await clerk.DayAsync(desk)).Appointments.Single().CheckInBy);

        await ScanAsync(due.Qr);
        var arrived = (await clerk.DayAsync(desk)).Appointments.Single();
        Assert.Equal(("CheckedIn", null), (arrived.Status, arrived.CheckInBy));
    }

    [Fact]
    public async Task DeskDay_KeepsTodaysVoidedAndExpiredAppointments_WithTheirState()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var voided = await BookAsync(renewal, Wed(9, 0), "voided");
        var expired = await BookAsync(renewal, Wed(9, 30), "expired");
        At(8, 30);
        var clerk = await ClerkAsync();
        Assert.Equal(HttpStatusCode.OK,
            (await clerk.Http.PostAsJsonAsync($"/api/bookings/{voided.Code}/void", new VoidRequest("Wrong tax number"))).StatusCode);
        At(9, 45);
        await using (var scope = App.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<BookingClosures>().ExpireLateAsync(CancellationToken.None));

        // The clerk still sees what became of them today (R9, R5), instead of rows that silently vanish.
        var day = await (await ClerkAsync()).DayAsync(desk);
        Assert.Equal([(voided.Label, "Void"), (expired.Label, "Expired")], day.Appointments.Select(a => (a.Code, a.Status)));
    }

    static async Task<string> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
}

/// <summary>The same desk actions on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class ClerkDeskTestsOnPostgres : ClerkDeskTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
