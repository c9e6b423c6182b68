namespace Rantevou.Core.Queue;

/// <summary>One person's simulated call: which desk, when, for how long.</summary>
internal readonly record struct SimulatedCall(int DeskId, PersonKind Kind, Guid Id, DateTime StartUtc, int ServiceMinutes);

/// <summary>
/// Plays <see cref="QueuePolicy.Next"/> forward over one or more desks to estimate when people will be
/// called. Simple on purpose, so the kiosk can say what it assumes:
/// <list type="bullet">
/// <item>the person at a desk now finishes at their expected end (or now, if that has passed);</item>
/// <item>every service takes exactly its service minutes;</item>
/// <item>everyone still expected checks in exactly at their start (R3); appointments already due and
/// not checked in do not come;</item>
/// <item>no new walk-ins arrive, and one walk-in queue is shared by the desks given (R6);</item>
/// <item>each desk calls next as soon as it is free; a desk with nothing that fits waits for its next
/// appointment, and stops when none is left.</item>
/// </list>
/// </summary>
internal static class QueueSimulation
{
    public static SimulatedCall? Until(IReadOnlyList<DeskFacts> desks, DateTime nowUtc, Guid target) =>
        Run(desks, nowUtc, target).Cast<SimulatedCall?>().FirstOrDefault(c => c!.Value.Id == target);

    public static IReadOnlyList<SimulatedCall> Run(IReadOnlyList<DeskFacts> desks, DateTime nowUtc, Guid? stopAt = null)
    {
        var taken = new HashSet<Guid>();
        var runs = desks.Select(d => new DeskRun(d, nowUtc)).ToList();
        foreach (var d in desks)
        {
            if (d.Serving is { Kind: PersonKind.WalkIn } s)
                taken.Add(s.Id);
        }

        var calls = new List<SimulatedCall>();
        var guard = desks.Sum(d => 2 * d.Appointments.Count + d.WalkIns.Count + 1) + 1;
        while (guard-- > 0)
        {
            var run = runs.Where(r => !r.Done).OrderBy(r => r.At).ThenBy(r => r.DeskId).FirstOrDefault();
            if (run is null)
                break;
            run.Arrive();
            var call = QueuePolicy.Next(run.Facts(taken), run.At);
            if (call.Person is { } p)
            {
                calls.Add(new SimulatedCall(run.DeskId, p.Kind, p.Id, run.At, p.ServiceMinutes));
                if (p.Id == stopAt)
                    break;
                if (p.Kind == PersonKind.WalkIn)
                    taken.Add(p.Id);
                else
                    run.Finish(p.Id);
                run.At = run.At.AddMinutes(p.ServiceMinutes);
            }
            else if (QueueOrder.NextStart(run.Appointments, run.At) is { } next)
            {
                run.At = next.StartUtc;
            }
            else
            {
                run.Done = true;
            }
        }
        return calls;
    }

    sealed class DeskRun
    {
        readonly DeskFacts facts;

        public DeskRun(DeskFacts facts, DateTime nowUtc)
        {
            this.facts = facts;
            At = facts.Serving is { } s ? QueueOrder.Max(nowUtc, s.ExpectedEndUtc) : nowUtc;
            Appointments = facts.Appointments
                .Select(a => a.State == AppointmentState.Expected && a.StartUtc <= nowUtc ? a with { State = AppointmentState.NoShow } : a)
                .ToList();
        }

        public int DeskId => facts.DeskId;
        public DateTime At { get; set; }
        public bool Done { get; set; }
        public List<QueuedAppointment> Appointments { get; }

        public void Arrive()
        {
            for (var i = 0; i < Appointments.Count; i++)
            {
                var a = Appointments[i];
                if (a.State == AppointmentState.Expected && a.StartUtc <= At)
                    Appointments[i] = a with { State = AppointmentState.CheckedIn, CheckedInUtc = a.StartUtc };
            }
        }

        public void Finish(Guid id)
        {
            var i = Appointments.FindIndex(a => a.Id == id);
            Appointments[i] = Appointments[i] with { State = AppointmentState.Served };
        }

        public DeskFacts Facts(HashSet<Guid> taken) =>
            facts with { Appointments = Appointments, WalkIns = facts.WalkIns.Where(t => !taken.Contains(t.Id)).ToList(), Serving = null };
    }
}
