using Rantevou.Core.Queue;
using static Rantevou.Core.Queue.AppointmentState;
using static Rantevou.Core.Tests.Queue.QueueBuilder;

namespace Rantevou.Core.Tests.Queue;

public class WalkInEstimatorTests
{
    static QueuedWalkIn Ticket(int number, int minutes, bool priority = false) =>
        new(TicketId(number), number, priority, minutes, At(0));

    [Fact]
    public void WalkInEstimate_FreeDesk_NoWait()
    {
        var estimate = WalkInEstimator.Estimate([new QueueBuilder().Build()], Ticket(1, 10), At(30));

        Assert.Equal(new WalkInEstimate(1, WalkInOutlook.Today, At(30), 0, 1), estimate);
    }

    [Fact]
    public void WalkInEstimate_TicketsAheadShareTwoDesks()
    {
        var one = new QueueBuilder().Desk(1).WalkIn(1, 20).WalkIn(2, 20).WalkIn(3, 20).Build();
        var two = new QueueBuilder().Desk(2).WalkIn(1, 20).WalkIn(2, 20).WalkIn(3, 20).Build();

        var estimate = WalkInEstimator.Estimate([one, two], Ticket(4, 20), At(0));

        Assert.Equal(new WalkInEstimate(4, WalkInOutlook.Today, At(20), 20, 2), estimate);
    }

    [Fact]
    public void WalkInEstimate_WaitsForTheCurrentServiceToEnd()
    {
        var desk = new QueueBuilder().Serving(PersonKind.WalkIn, TicketId(1), startedAt: 0, minutes: 25).Build();

        Assert.Equal(15, WalkInEstimator.Estimate([desk], Ticket(2, 10), At(10)).WaitMinutes);
    }

    [Fact]
    public void WalkInEstimate_WaitsForAGapLongEnough()
    {
        var desk = new QueueBuilder().Appointment(1, 30, 30, Expected).Appointment(2, 100, 15, Expected).Build();

        var estimate = WalkInEstimator.Estimate([desk], Ticket(1, 40), At(0));

        Assert.Equal(At(60), estimate.EstimatedCallUtc);
        Assert.Equal(60, estimate.WaitMinutes);
    }

    [Fact]
    public void WalkInEstimate_PriorityTicket_CountsOnlyPriorityAhead()
    {
        var desk = new QueueBuilder().WalkIn(1, 10).WalkIn(2, 10, priority: true).WalkIn(3, 10).Build();

        var estimate = WalkInEstimator.Estimate([desk], Ticket(4, 10, priority: true), At(0));

        Assert.Equal(2, estimate.Position);
        Assert.Equal(10, estimate.WaitMinutes);
    }

    [Fact]
    public void WalkInEstimate_NothingFitsBeforeClosing_NotToday()
    {
        var desk = new QueueBuilder().CloseAt(60).WalkIn(1, 30).Build();

        var estimate = WalkInEstimator.Estimate([desk], Ticket(2, 40), At(0));

        Assert.Equal(new WalkInEstimate(2, WalkInOutlook.NotToday, null, null, null), estimate);
    }

    [Fact]
    public void WalkInEstimate_NoDesks_NotToday()
    {
        Assert.Equal(WalkInOutlook.NotToday, WalkInEstimator.Estimate([], Ticket(1, 10), At(0)).Outlook);
    }
}
