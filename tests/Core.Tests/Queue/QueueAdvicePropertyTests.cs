using CsCheck;
using Rantevou.Core.Queue;
using static Rantevou.Core.Tests.Queue.QueueBuilder;

namespace Rantevou.Core.Tests.Queue;

/// <summary>Properties of the interruption advice (R13), the kiosk's late-arrival advice (R5) and the walk-in estimate (R6).</summary>
public class QueueAdvicePropertyTests
{
    static readonly Gen<QueuePropertyTests.Case> Cases = QueuePropertyTests.Cases;

    static readonly Gen<(QueuePropertyTests.Case Case, NowServing Serving)> Serving =
        Gen.Select(Cases, Gen.Int[0, 60], Gen.Int[5, 60], Gen.Bool)
            .Select((c, ago, minutes, walkIn) => (c, new NowServing(
                walkIn ? PersonKind.WalkIn : PersonKind.Appointment,
                walkIn ? TicketId(99) : IdOf(99), c.Now.AddMinutes(-ago), minutes)));

    static DateTime? NextStartExcept(DeskFacts desk, DateTime now, Guid except) =>
        desk.Appointments
            .Where(a => a.Id != except && a.State is AppointmentState.Expected or AppointmentState.CheckedIn or AppointmentState.Late && a.StartUtc > now)
            .Select(a => (DateTime?)a.StartUtc).Min();

    [Fact]
    public void Interruption_ReportsADueAppointment_WheneverOneIsWaiting() =>
        Serving.Sample(s =>
        {
            var desk = s.Case.Desk with { Serving = s.Serving };
            var advice = QueuePolicy.Interruption(desk, s.Case.Now);
            var waiting = desk.Appointments.Any(a => a.State is AppointmentState.CheckedIn or AppointmentState.Late && a.StartUtc <= s.Case.Now);
            if (waiting)
                Assert.Equal(InterruptionReason.AppointmentWaiting, advice?.Reason);
            if (advice is null)
                return;
            Assert.True(advice.DueUtc <= s.Case.Now);
            Assert.True(advice.MinutesOverdue >= 0);
            Assert.True(advice.ServingMinutesLeft >= 0);
            Assert.NotEqual(s.Serving.Id, advice.AppointmentId);
        }, iter: 1000);

    static readonly Gen<(QueuePropertyTests.Case Case, Guid Id)> Arrivals =
        Cases.Where(c => c.Desk.Appointments.Any(a => a.State == AppointmentState.Expected))
            .SelectMany(c =>
            {
                var expected = c.Desk.Appointments.Where(a => a.State == AppointmentState.Expected).ToArray();
                return Gen.Int[0, expected.Length - 1].Select(i => (c, expected[i].Id));
            });

    [Fact]
    public void LateArrival_NeverPromisesTimeTheDeskDoesNotHave() =>
        Arrivals.Sample(x =>
        {
            var (c, id) = x;
            var a = c.Desk.Appointments.Single(a => a.Id == id);
            var advice = LateArrivalPolicy.Judge(c.Desk, id, c.Now);
            Assert.Equal(c.Now > a.StartUtc, advice.Outcome != LateArrivalOutcome.OnTime);
            switch (advice.Outcome)
            {
                case LateArrivalOutcome.CheckInLate:
                    var start = advice.EstimatedStartUtc!.Value;
                    Assert.True(start >= c.Now);
                    Assert.True(start.AddMinutes(a.ServiceMinutes) <= c.Desk.CloseUtc);
                    if (NextStartExcept(c.Desk, c.Now, id) is { } next)
                        Assert.True(start.AddMinutes(a.ServiceMinutes) <= next);
                    break;
                case LateArrivalOutcome.EndOfDay:
                    Assert.True(advice.EstimatedStartUtc >= c.Now);
                    Assert.Equal(advice.Fits, advice.EstimatedStartUtc!.Value.AddMinutes(a.ServiceMinutes) <= c.Desk.CloseUtc);
                    break;
                case LateArrivalOutcome.BookAgain:
                    Assert.False(advice.Fits);
                    Assert.Null(advice.EstimatedStartUtc);
                    break;
            }
        }, iter: 1000);

    [Fact]
    public void WalkInEstimate_IsCalledBeforeClosingAndIsTheSameForTheSameFacts() =>
        Gen.Select(Cases, Cases, Gen.Int[5, 60], Gen.Bool).Sample((one, two, minutes, priority) =>
        {
            var now = one.Now;
            var desks = new[] { one.Desk with { DeskId = 1 }, two.Desk with { DeskId = 2, WalkIns = one.Desk.WalkIns } };
            var ticket = new QueuedWalkIn(TicketId(500), 500, priority, minutes, now);
            var estimate = WalkInEstimator.Estimate(desks, ticket, now);
            Assert.Equal(estimate, WalkInEstimator.Estimate([desks[1], desks[0]], ticket, now));
            Assert.InRange(estimate.Position, 1, one.Desk.WalkIns.Count + 1);
            if (estimate.Outlook == WalkInOutlook.NotToday)
                return;
            var desk = desks.Single(d => d.DeskId == estimate.DeskId);
            Assert.True(estimate.EstimatedCallUtc >= now);
            Assert.True(estimate.EstimatedCallUtc!.Value.AddMinutes(minutes) <= desk.CloseUtc);
            Assert.True(estimate.WaitMinutes >= 0);
        }, iter: 300);
}
