using Rantevou.Core.Queue;
using static Rantevou.Core.Queue.AppointmentState;
using static Rantevou.Core.Tests.Queue.QueueBuilder;

namespace Rantevou.Core.Tests.Queue;

public class QueuePolicyTests
{
    [Fact]
    public void Next_PrefersDueAppointment_OverWalkIn()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, CheckedIn).WalkIn(1, 5, priority: true, interrupted: true).Build();

        var call = QueuePolicy.Next(desk, At(61));

        Assert.Equal(NextReason.DueAppointment, call.Reason);
        Assert.Equal(new PersonToCall(PersonKind.Appointment, IdOf(1), 15), call.Person);
    }

    [Fact]
    public void Next_DueAppointments_EarliestScheduledFirst()
    {
        var desk = new QueueBuilder().Appointment(2, 75, 15, CheckedIn).Appointment(1, 60, 15, CheckedIn).Build();

        Assert.Equal(IdOf(1), QueuePolicy.Next(desk, At(80)).Person?.Id);
    }

    [Fact]
    public void Next_OnTimeAppointment_GoesBeforeLateOneThatArrivedAfterIt()
    {
        var desk = new QueueBuilder()
            .Appointment(1, 60, 15, Late, checkedInAt: 78)
            .Appointment(2, 75, 15, CheckedIn, checkedInAt: 70)
            .Build();

        Assert.Equal(IdOf(2), QueuePolicy.Next(desk, At(80)).Person?.Id);
    }

    [Fact]
    public void Next_LateAppointmentCheckedIn_GoesBeforeWalkIns()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 30, Late, checkedInAt: 65, service: 10).WalkIn(1, 5).Build();

        var call = QueuePolicy.Next(desk, At(66));

        Assert.Equal(NextReason.DueAppointment, call.Reason);
        Assert.Equal(IdOf(1), call.Person?.Id);
    }

    [Fact]
    public void Next_WalkInInGap_CarriesMinutesToNextAppointmentAndServiceTime()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).WalkIn(1, 20).Build();

        var call = QueuePolicy.Next(desk, At(30));

        Assert.Equal(NextReason.WalkInInGap, call.Reason);
        Assert.Equal(new PersonToCall(PersonKind.WalkIn, TicketId(1), 20), call.Person);
        Assert.Equal(At(60), call.NextAppointmentUtc);
        Assert.Equal(30, call.MinutesToNextAppointment);
        Assert.Equal(450, call.MinutesToClose);
    }

    [Fact]
    public void Next_SkipsWalkInThatDoesNotFitGap()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).WalkIn(1, 40).WalkIn(2, 25).WalkIn(3, 10).Build();

        var call = QueuePolicy.Next(desk, At(30));

        Assert.Equal(TicketId(2), call.Person?.Id);
        Assert.Equal(1, call.SkippedNotFitting);
    }

    [Fact]
    public void Next_WalkInEndingExactlyAtNextAppointment_Fits()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).WalkIn(1, 30).Build();

        Assert.Equal(TicketId(1), QueuePolicy.Next(desk, At(30)).Person?.Id);
    }

    [Fact]
    public void Next_NoWalkInFitsGap_CallsNobody()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).WalkIn(1, 40).Build();

        var call = QueuePolicy.Next(desk, At(30));

        Assert.False(call.CallsSomeone);
        Assert.Equal(NextReason.NothingFitsGap, call.Reason);
        Assert.Equal(30, call.MinutesToNextAppointment);
    }

    [Fact]
    public void Interrupted_WalkIn_GoesToFrontOfQueue()
    {
        var desk = new QueueBuilder().WalkIn(1, 10, priority: true).WalkIn(7, 10, interrupted: true).Build();

        Assert.Equal(TicketId(7), QueuePolicy.Next(desk, At(30)).Person?.Id);
    }

    [Fact]
    public void Next_PriorityTicket_GoesBeforeEarlierTicket()
    {
        var desk = new QueueBuilder().WalkIn(1, 10).WalkIn(2, 10).WalkIn(3, 10, priority: true).Build();

        Assert.Equal(TicketId(3), QueuePolicy.Next(desk, At(30)).Person?.Id);
    }

    [Fact]
    public void Next_AbsentDueAppointment_DoesNotHoldTheDesk()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).Appointment(2, 120, 15, Expected).WalkIn(1, 30).Build();

        var call = QueuePolicy.Next(desk, At(62));

        Assert.Equal(TicketId(1), call.Person?.Id);
        Assert.Equal(At(120), call.NextAppointmentUtc);
    }

    [Fact]
    public void Next_GapTheClerkJudgesLongEnough_CallsTheFirstWalkInInOrder_WhoseServiceEndsByClosing()
    {
        var desk = new QueueBuilder().CloseAt(120).Appointment(1, 60, 15, Expected).WalkIn(1, 100).WalkIn(2, 40).WalkIn(3, 35).Build();
        Assert.Equal(NextReason.NothingFitsGap, QueuePolicy.Next(desk, At(30)).Reason);

        var call = QueuePolicy.Next(desk, At(30), clerkJudgesGap: true);

        // R6: the clerk's judgement makes the gap long enough, not the day longer: ticket 1 would end after closing.
        Assert.Equal(NextReason.WalkInJudgedByClerk, call.Reason);
        Assert.Equal(new PersonToCall(PersonKind.WalkIn, TicketId(2), 40), call.Person);
        Assert.Equal(1, call.SkippedNotFitting);
        Assert.Equal(At(60), call.NextAppointmentUtc);
    }

    [Fact]
    public void Next_ClerksJudgementOfAGap_ChangesNothing_WhenSomeoneFitsOrAnAppointmentIsDue()
    {
        var fits = new QueueBuilder().Appointment(1, 60, 15, Expected).WalkIn(1, 40).WalkIn(2, 10).Build();
        var due = new QueueBuilder().Appointment(1, 60, 15, CheckedIn).Appointment(2, 90, 15, Expected).WalkIn(1, 40).Build();
        var early = new QueueBuilder().Appointment(1, 60, 15, CheckedIn, checkedInAt: 40).Appointment(2, 75, 15, Expected).WalkIn(1, 50).Build();

        Assert.Equal(QueuePolicy.Next(fits, At(30)), QueuePolicy.Next(fits, At(30), clerkJudgesGap: true));
        Assert.Equal(QueuePolicy.Next(due, At(61)), QueuePolicy.Next(due, At(61), clerkJudgesGap: true));
        Assert.Equal(QueuePolicy.Next(early, At(45)), QueuePolicy.Next(early, At(45), clerkJudgesGap: true));
    }

    [Fact]
    public void Next_EarlyAppointment_CalledWhenNoWalkInFits()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, CheckedIn, checkedInAt: 40).Appointment(2, 75, 15, Expected).WalkIn(1, 50).Build();

        var call = QueuePolicy.Next(desk, At(45));

        Assert.Equal(NextReason.EarlyAppointment, call.Reason);
        Assert.Equal(IdOf(1), call.Person?.Id);
        Assert.Equal(At(75), call.NextAppointmentUtc);
    }

    [Fact]
    public void Next_WalkInThatFits_GoesBeforeEarlyAppointment()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, CheckedIn, checkedInAt: 40).WalkIn(1, 10).Build();

        Assert.Equal(NextReason.WalkInInGap, QueuePolicy.Next(desk, At(45)).Reason);
    }

    [Fact]
    public void Next_EarlyAppointment_NotCalledWhenItWouldOverrunTheFollowingOne()
    {
        var desk = new QueueBuilder().Appointment(2, 50, 10, Expected).Appointment(1, 60, 15, CheckedIn, checkedInAt: 40).Build();

        Assert.Equal(NextReason.NothingFitsGap, QueuePolicy.Next(desk, At(40)).Reason);
    }

    [Fact]
    public void Next_DeferredWaitForEndOfDay_NotServedInGap()
    {
        var desk = new QueueBuilder().Appointment(1, 30, 15, Deferred).Appointment(2, 120, 15, Expected).Build();

        var call = QueuePolicy.Next(desk, At(40));

        Assert.False(call.CallsSomeone);
        Assert.Equal(NextReason.DeferredWaitForEndOfDay, call.Reason);
    }

    [Fact]
    public void Next_AfterLastAppointment_ServesDeferredThenWalkIns()
    {
        var facts = new QueueBuilder()
            .Appointment(2, 60, 15, Deferred).Appointment(1, 30, 15, Deferred).Appointment(3, 90, 15, Served)
            .WalkIn(1, 10, priority: true, interrupted: true)
            .Build();
        var order = new List<Guid>();
        var now = At(105);
        for (var call = QueuePolicy.Next(facts, now); call.Person is { } p; call = QueuePolicy.Next(facts, now))
        {
            order.Add(p.Id);
            now = now.AddMinutes(p.ServiceMinutes);
            facts = facts with
            {
                Appointments = [.. facts.Appointments.Select(a => a.Id == p.Id ? a with { State = Served } : a)],
                WalkIns = [.. facts.WalkIns.Where(t => t.Id != p.Id)],
            };
        }

        Assert.Equal([IdOf(1), IdOf(2), TicketId(1)], order);
    }

    [Fact]
    public void Next_AfterLastAppointment_SkipsWhatDoesNotFitBeforeClosing()
    {
        var desk = new QueueBuilder().CloseAt(120).Appointment(1, 30, 30, Deferred).WalkIn(1, 30).WalkIn(2, 15).Build();

        var call = QueuePolicy.Next(desk, At(100));

        Assert.Equal(NextReason.WalkInAfterLast, call.Reason);
        Assert.Equal(TicketId(2), call.Person?.Id);
        Assert.Equal(2, call.SkippedNotFitting);
        Assert.Equal(20, call.MinutesToClose);
    }

    [Fact]
    public void Next_DueAppointmentPastClosing_CallsNobodyElse()
    {
        var desk = new QueueBuilder().CloseAt(120).Appointment(1, 100, 20, CheckedIn).WalkIn(1, 5).Build();

        var call = QueuePolicy.Next(desk, At(110));

        Assert.False(call.CallsSomeone);
        Assert.Equal(NextReason.DueAppointmentPastClosing, call.Reason);
    }

    [Fact]
    public void Next_AfterClosing_DeskClosed()
    {
        var desk = new QueueBuilder().CloseAt(120).WalkIn(1, 5).Build();

        Assert.Equal(NextReason.DeskClosed, QueuePolicy.Next(desk, At(120)).Reason);
    }

    [Fact]
    public void Next_EmptyDesk_NobodyWaiting()
    {
        Assert.Equal(NextReason.NobodyWaiting, QueuePolicy.Next(new QueueBuilder().Build(), At(0)).Reason);
    }

    [Fact]
    public void Interruption_AppointmentDueWhileWalkInServed_ReportsMinutesOverdue()
    {
        var desk = new QueueBuilder()
            .Appointment(1, 60, 15, CheckedIn, checkedInAt: 50)
            .WalkIn(9, 30)
            .Serving(PersonKind.WalkIn, TicketId(9), startedAt: 40, minutes: 30)
            .Build();

        var advice = QueuePolicy.Interruption(desk, At(63));

        Assert.Equal(new InterruptionAdvice(InterruptionReason.AppointmentWaiting, IdOf(1), At(60), 3, PersonKind.WalkIn, TicketId(9), 7), advice);
    }

    [Fact]
    public void Interruption_AppointmentDueNotCheckedIn_SaysSo()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).Serving(PersonKind.WalkIn, TicketId(9), startedAt: 40, minutes: 30).Build();

        Assert.Equal(InterruptionReason.AppointmentDueNotArrived, QueuePolicy.Interruption(desk, At(61))?.Reason);
    }

    [Fact]
    public void Interruption_DeferredPersonServed_WhenAppointmentIsWaiting()
    {
        var desk = new QueueBuilder()
            .Appointment(1, 10, 15, Serving).Appointment(2, 60, 15, CheckedIn)
            .Serving(PersonKind.Appointment, IdOf(1), startedAt: 50, minutes: 15)
            .Build();

        var advice = QueuePolicy.Interruption(desk, At(60));

        Assert.Equal(IdOf(2), advice?.AppointmentId);
        Assert.Equal(0, advice?.MinutesOverdue);
        Assert.Equal(5, advice?.ServingMinutesLeft);
    }

    [Fact]
    public void Interruption_None_BeforeTheNextAppointmentIsDue()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, CheckedIn).Serving(PersonKind.WalkIn, TicketId(9), startedAt: 40, minutes: 30).Build();

        Assert.Null(QueuePolicy.Interruption(desk, At(59)));
    }

    [Fact]
    public void Interruption_AbsentAppointmentAlreadyOverdueWhenServiceBegan_NotReported()
    {
        var desk = new QueueBuilder().Appointment(1, 30, 15, Expected).Serving(PersonKind.WalkIn, TicketId(9), startedAt: 40, minutes: 30).Build();

        Assert.Null(QueuePolicy.Interruption(desk, At(50)));
    }

    [Fact]
    public void Interruption_None_WhenNobodyIsServed()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, CheckedIn).Build();

        Assert.Null(QueuePolicy.Interruption(desk, At(70)));
    }
}
