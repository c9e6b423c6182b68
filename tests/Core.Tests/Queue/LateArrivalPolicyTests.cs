using Rantevou.Core.Queue;
using static Rantevou.Core.Queue.AppointmentState;
using static Rantevou.Core.Tests.Queue.QueueBuilder;

namespace Rantevou.Core.Tests.Queue;

public class LateArrivalPolicyTests
{
    [Fact]
    public void LateArrival_BeforeStart_IsOnTime()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).Build();

        Assert.Equal(LateArrivalOutcome.OnTime, LateArrivalPolicy.Judge(desk, IdOf(1), At(60)).Outcome);
    }

    [Fact]
    public void LateArrival_RestOfOwnSlotCoversService_CheckInLate()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 30, Expected, service: 10).Appointment(2, 90, 15, Expected).Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(70));

        Assert.Equal(new LateArrivalAdvice(LateArrivalOutcome.CheckInLate, 10, 10, At(70), true), advice);
    }

    [Fact]
    public void LateArrival_GapAfterOwnSlotCoversService_CheckInLate()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, Expected).Appointment(2, 120, 15, Expected).Build();

        Assert.Equal(LateArrivalOutcome.CheckInLate, LateArrivalPolicy.Judge(desk, IdOf(1), At(80)).Outcome);
    }

    [Fact]
    public void LateArrival_DeskBusy_StartsAfterCurrentServiceIfStillFits()
    {
        var desk = new QueueBuilder()
            .Appointment(1, 60, 30, Expected, service: 10).Appointment(2, 90, 15, Expected)
            .Serving(PersonKind.WalkIn, TicketId(5), startedAt: 55, minutes: 25)
            .Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(70));

        Assert.Equal(LateArrivalOutcome.CheckInLate, advice.Outcome);
        Assert.Equal(At(80), advice.EstimatedStartUtc);
    }

    [Fact]
    public void LateArrival_WouldPushBackTheNextAppointment_OffersEndOfDayWithEstimate()
    {
        var desk = new QueueBuilder()
            .Appointment(1, 60, 15, Expected).Appointment(2, 75, 15, Expected).Appointment(3, 90, 15, Expected)
            .WalkIn(1, 10)
            .Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(70));

        Assert.Equal(new LateArrivalAdvice(LateArrivalOutcome.EndOfDay, 10, 15, At(105), true), advice);
    }

    [Fact]
    public void LateArrival_QueuesBehindOnTimePeopleAlreadyWaiting()
    {
        var desk = new QueueBuilder()
            .Appointment(0, 50, 10, CheckedIn).Appointment(1, 60, 30, Expected, service: 10).Appointment(2, 90, 15, Expected)
            .Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(65));

        Assert.Equal(LateArrivalOutcome.CheckInLate, advice.Outcome);
        Assert.Equal(At(75), advice.EstimatedStartUtc);
    }

    [Fact]
    public void LateArrival_EndOfDayCrowdedByDeferred_SaysItProbablyDoesNotFit()
    {
        var desk = new QueueBuilder().CloseAt(120)
            .Appointment(4, 20, 15, Deferred)
            .Appointment(1, 60, 15, Expected).Appointment(2, 75, 15, Expected).Appointment(3, 90, 15, Expected)
            .Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(70));

        Assert.Equal(new LateArrivalAdvice(LateArrivalOutcome.EndOfDay, 10, 15, At(120), false), advice);
    }

    [Fact]
    public void LateArrival_LaterDeferredDoNotCountAhead()
    {
        var desk = new QueueBuilder().CloseAt(120)
            .Appointment(4, 80, 15, Deferred)
            .Appointment(1, 60, 15, Expected).Appointment(2, 75, 15, Expected).Appointment(3, 100, 5, Expected)
            .Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(70));

        Assert.Equal(new LateArrivalAdvice(LateArrivalOutcome.EndOfDay, 10, 15, At(105), true), advice);
    }

    [Fact]
    public void LateArrival_NothingFitsBeforeClosing_BookAgain()
    {
        var desk = new QueueBuilder().CloseAt(110)
            .Appointment(1, 60, 15, Expected).Appointment(2, 75, 15, Expected).Appointment(3, 90, 15, Expected)
            .Build();

        var advice = LateArrivalPolicy.Judge(desk, IdOf(1), At(70));

        Assert.Equal(new LateArrivalAdvice(LateArrivalOutcome.BookAgain, 10, 15, null, false), advice);
    }

    [Fact]
    public void LateArrival_UnknownOrAlreadyCheckedIn_IsRejected()
    {
        var desk = new QueueBuilder().Appointment(1, 60, 15, CheckedIn).Build();

        Assert.Throws<ArgumentException>(() => LateArrivalPolicy.Judge(desk, IdOf(2), At(70)));
        Assert.Throws<ArgumentException>(() => LateArrivalPolicy.Judge(desk, IdOf(1), At(70)));
    }
}
