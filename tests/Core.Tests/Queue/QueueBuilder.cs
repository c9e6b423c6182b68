using Rantevou.Core.Queue;

namespace Rantevou.Core.Tests.Queue;

/// <summary>Facts for one desk on one day, written in minutes after opening (09:00 Athens = 07:00 UTC).</summary>
sealed class QueueBuilder
{
    public static readonly DateTime Open = new(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);

    readonly List<QueuedAppointment> appointments = [];
    readonly List<QueuedWalkIn> walkIns = [];
    NowServing? serving;
    int closeMinute = 480;
    int deskId = 1;

    public static DateTime At(int minute) => Open.AddMinutes(minute);

    public static Guid IdOf(int n) => new(n, 0, 0, new byte[8]);

    public QueueBuilder Desk(int id)
    {
        deskId = id;
        return this;
    }

    public QueueBuilder CloseAt(int minute)
    {
        closeMinute = minute;
        return this;
    }

    /// <summary>An appointment with id <paramref name="n"/>, slot [start, start + slot), service minutes default to the slot.</summary>
    public QueueBuilder Appointment(int n, int start, int slot, AppointmentState state, int? checkedInAt = null, int? service = null)
    {
        DateTime? checkedIn = checkedInAt is { } c ? At(c) : state switch
        {
            AppointmentState.CheckedIn => At(start - 1),
            AppointmentState.Late or AppointmentState.Deferred => At(start + 5),
            _ => null,
        };
        appointments.Add(new QueuedAppointment(IdOf(n), At(start), At(start + slot), service ?? slot, state, checkedIn));
        return this;
    }

    /// <summary>A walk-in with id 1000 + <paramref name="number"/>.</summary>
    public QueueBuilder WalkIn(int number, int minutes, bool priority = false, bool interrupted = false, int issuedAt = 0)
    {
        walkIns.Add(new QueuedWalkIn(TicketId(number), number, priority, minutes, At(issuedAt), interrupted));
        return this;
    }

    public static Guid TicketId(int number) => IdOf(1000 + number);

    public QueueBuilder Serving(PersonKind kind, Guid id, int startedAt, int minutes)
    {
        serving = new NowServing(kind, id, At(startedAt), minutes);
        return this;
    }

    public DeskFacts Build() => new(deskId, At(closeMinute), [.. appointments], [.. walkIns], serving);
}
