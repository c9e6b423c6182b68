using CsCheck;
using Rantevou.Core.Queue;
using static Rantevou.Core.Tests.Queue.QueueBuilder;

namespace Rantevou.Core.Tests.Queue;

/// <summary>Properties of the queue policy over random days of one desk (R3, R5, R6, R13).</summary>
public class QueuePropertyTests
{
    public sealed record Case(DeskFacts Desk, DateTime Now, int Rotate)
    {
        public override string ToString() =>
            $"now={Minute(Now)} close={Minute(Desk.CloseUtc)} serving={Desk.Serving}\n" +
            string.Join("\n", Desk.Appointments.Select(a =>
                $"  A{a.Id.ToString()[..8]} {Minute(a.StartUtc)}-{Minute(a.EndUtc)} svc={a.ServiceMinutes} {a.State} in={(a.CheckedInUtc is { } c ? Minute(c) : "-")}")) + "\n" +
            string.Join("\n", Desk.WalkIns.Select(t => $"  W#{t.Number} svc={t.ServiceMinutes} prio={t.Priority} int={t.Interrupted}"));

        static string Minute(DateTime t) => ((int)(t - Open).TotalMinutes).ToString();
    }

    static readonly Gen<QueuedAppointment[]> Appointments =
        Gen.Select(Gen.Int[0, 6], Gen.Int[1, 6], Gen.Int[0, 5], Gen.Enum<AppointmentState>(), Gen.Int[1, 20])
            .Array[0, 12]
            .Select(parts =>
            {
                var list = new List<QueuedAppointment>();
                var at = 0;
                foreach (var (gap, slot, shorter, state, offset) in parts)
                {
                    var start = at + 5 * gap;
                    var end = start + 5 * slot;
                    var service = Math.Max(5, 5 * slot - shorter);
                    DateTime? checkedIn = state switch
                    {
                        AppointmentState.Expected or AppointmentState.NoShow or AppointmentState.Expired => null,
                        AppointmentState.CheckedIn => At(start - offset),
                        _ => At(start + offset),
                    };
                    list.Add(new QueuedAppointment(IdOf(list.Count + 1), At(start), At(end), service, state, checkedIn));
                    at = end;
                }
                return list.ToArray();
            });

    static readonly Gen<QueuedWalkIn[]> WalkIns =
        Gen.Select(Gen.Int[5, 60], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 300])
            .Array[0, 8]
            .Select(parts => parts.Select((p, i) =>
                new QueuedWalkIn(TicketId(i + 1), i + 1, p.Item2 == 0, p.Item1, At(p.Item4), p.Item3 == 0)).ToArray());

    internal static readonly Gen<Case> Cases =
        Gen.Select(Appointments, WalkIns, Gen.Int[0, 104], Gen.Int[180, 480], Gen.Int[0, 20])
            .Select((apps, walkIns, percentOfDay, close, rotate) =>
                new Case(new DeskFacts(1, At(close), apps, walkIns), At(close * percentOfDay / 100), rotate));

    static bool DueAndHere(QueuedAppointment a, DateTime now) =>
        a.State is AppointmentState.CheckedIn or AppointmentState.Late && a.StartUtc <= now;

    static DateTime? NextAppointmentStart(DeskFacts desk, DateTime now) =>
        desk.Appointments
            .Where(a => a.State is AppointmentState.Expected or AppointmentState.CheckedIn or AppointmentState.Late && a.StartUtc > now)
            .Select(a => (DateTime?)a.StartUtc).Min();

    static bool QueuedBefore(QueuedWalkIn a, QueuedWalkIn b) =>
        a.Interrupted != b.Interrupted ? a.Interrupted : a.Priority != b.Priority ? a.Priority : a.Number < b.Number;

    static T[] Shuffled<T>(IReadOnlyList<T> items, int rotate) =>
        items.Count == 0 ? [] : [.. items.Reverse().Skip(rotate % items.Count), .. items.Reverse().Take(rotate % items.Count)];

    [Fact]
    public void Next_NeverMakesADueAppointmentWaitForAWalkIn() =>
        Cases.Sample(c =>
        {
            var call = QueuePolicy.Next(c.Desk, c.Now);
            var due = c.Desk.Appointments.Where(a => DueAndHere(a, c.Now)).Select(a => a.Id).ToHashSet();
            if (due.Count > 0 && call.Person is { } p)
                Assert.Contains(p.Id, due);
        }, iter: 2000);

    [Fact]
    public void Next_WalkInPickedInAGap_AlwaysFitsBeforeTheNextAppointment() =>
        Cases.Sample(c =>
        {
            var call = QueuePolicy.Next(c.Desk, c.Now);
            if (call.Reason != NextReason.WalkInInGap)
                return;
            var next = NextAppointmentStart(c.Desk, c.Now);
            Assert.NotNull(next);
            Assert.True(c.Now.AddMinutes(call.Person!.ServiceMinutes) <= next);
            Assert.Equal(next, call.NextAppointmentUtc);
        }, iter: 2000);

    [Fact]
    public void Next_NothingPickedAfterClosingMinusItsService() =>
        Cases.Sample(c =>
        {
            if (QueuePolicy.Next(c.Desk, c.Now).Person is { } p)
                Assert.True(c.Now.AddMinutes(p.ServiceMinutes) <= c.Desk.CloseUtc);
        }, iter: 2000);

    [Fact]
    public void Next_AmongWalkInsThatFit_InterruptedThenPriorityThenTicketOrder() =>
        Cases.Sample(c =>
        {
            var call = QueuePolicy.Next(c.Desk, c.Now);
            if (call.Person is not { Kind: PersonKind.WalkIn } p)
                return;
            var limit = call.Reason == NextReason.WalkInInGap ? call.NextAppointmentUtc!.Value : c.Desk.CloseUtc;
            if (limit > c.Desk.CloseUtc)
                limit = c.Desk.CloseUtc;
            var picked = c.Desk.WalkIns.Single(t => t.Id == p.Id);
            var jumped = c.Desk.WalkIns.Where(t => t.Id != p.Id && c.Now.AddMinutes(t.ServiceMinutes) <= limit && QueuedBefore(t, picked));
            Assert.Empty(jumped);
        }, iter: 2000);

    [Fact]
    public void Next_AfterLastAppointment_DeferredBeforeWalkIns() =>
        Cases.Sample(c =>
        {
            if (QueuePolicy.Next(c.Desk, c.Now).Reason != NextReason.WalkInAfterLast)
                return;
            Assert.DoesNotContain(c.Desk.Appointments, a =>
                a.State == AppointmentState.Deferred && c.Now.AddMinutes(a.ServiceMinutes) <= c.Desk.CloseUtc);
        }, iter: 2000);

    [Fact]
    public void Next_SameFactsInAnyOrder_SameAnswer() =>
        Cases.Sample(c =>
        {
            var shuffled = c.Desk with { Appointments = Shuffled(c.Desk.Appointments, c.Rotate), WalkIns = Shuffled(c.Desk.WalkIns, c.Rotate) };
            var first = QueuePolicy.Next(c.Desk, c.Now);
            Assert.Equal(first, QueuePolicy.Next(c.Desk, c.Now));
            Assert.Equal(first, QueuePolicy.Next(shuffled, c.Now));
        }, iter: 1000);
}
