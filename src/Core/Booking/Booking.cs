namespace Rantevou.Core.Booking;

public enum BookingStatus
{
    /// <summary>Made, waiting for the person to confirm from the email link (R7).</summary>
    Pending,
    Confirmed,
    Cancelled,
    /// <summary>Never confirmed within the hold time; the slot went back.</summary>
    Released,
    /// <summary>R5: too late to be served; cancelled automatically.</summary>
    Expired,
    /// <summary>R9: missing or wrong details; not served.</summary>
    Void,
    /// <summary>R3: arrived and checked in at the kiosk (possibly late, see <see cref="Booking.Late"/>).</summary>
    CheckedIn,
    /// <summary>R5/R13: to be served after the scheduled appointments, before closing.</summary>
    Deferred,
    /// <summary>Called to a desk and being served.</summary>
    Called,
    Served,
    NoShow,
}

/// <summary>The person's answer to the reminder of the day before.</summary>
public enum ReminderAnswer
{
    /// <summary>"I will come".</summary>
    Coming,

    /// <summary>"I cannot come": the booking was cancelled and its time freed for someone else.</summary>
    Released,
}

public sealed class Booking
{
    public Guid Id { get; set; }

    /// <summary>Public, unguessable code (shown on the display, encoded in the QR).</summary>
    public required string Code { get; set; }

    public int OfficeId { get; set; }
    public int ServiceId { get; set; }
    public int DeskId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    /// <summary>The service time when booked (R11: later changes to the service do not move bookings).</summary>
    public int DurationMinutes { get; set; }

    public BookingStatus Status { get; set; }
    public required string FullName { get; set; }
    public required string Email
    {
        get => email;
        set => (email, EmailKey) = (value, ContactRules.PersonKey(value));
    }

    string email = "";

    /// <summary>
    /// The person the email belongs to (<see cref="ContactRules.PersonKey"/>), indexed: the per-person limits (R12) find
    /// a person's bookings by it however the address was typed (case, plus tags, Gmail's dots).
    /// Kept in step with <see cref="Email"/>; erased with it (Privacy).
    /// </summary>
    public string EmailKey { get; private set; } = "";

    public required string Mobile { get; set; }

    /// <summary>R7: the agent account (driving school or processing agent) that made the booking, if any.</summary>
    public string? AgentId { get; set; }

    /// <summary>R7: the agent's name as the citizen is told it ("booked for you by …").</summary>
    public string? AgentName { get; set; }

    /// <summary>
    /// R7: the agent's own note on the booking (a pupil's name, a case number), so a school that books many times for
    /// itself knows which is which, and the clerk whom to expect. Never on public screens or in mail; erased with the
    /// person's details (Privacy).
    /// </summary>
    public string? AgentNote { get; set; }

    /// <summary>The language the person booked in; emails follow it.</summary>
    public string Culture { get; set; } = "el";

    public DateTime CreatedUtc { get; set; }
    public DateTime? HoldUntilUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public string? StatusReason { get; set; }

    /// <summary>R3: when the person checked in at the kiosk.</summary>
    public DateTime? CheckedInUtc { get; set; }

    /// <summary>R4/R5: checked in after the start but still judged servable.</summary>
    public bool Late { get; set; }

    public DateTime? CalledUtc { get; set; }

    /// <summary>The desk that called the person (may differ from the booked desk).</summary>
    public int? CalledDeskId { get; set; }

    /// <summary>The staff account that called the person (last call), kept for the office's per-clerk statistics.</summary>
    public string? CalledByUserId { get; set; }

    public DateTime? DoneUtc { get; set; }

    /// <summary>GDPR: when the personal data was erased after the retention period.</summary>
    public DateTime? AnonymisedUtc { get; set; }

    /// <summary>R2: when the reminder of the day before was written to the outbox; set once, by a conditional update (ReminderSweep).</summary>
    public DateTime? ReminderSentUtc { get; set; }

    /// <summary>What the person answered from the reminder's links, if anything (kept for the office's statistics).</summary>
    public ReminderAnswer? ReminderAnswer { get; set; }

    public DateTime? ReminderAnsweredUtc { get; set; }

    /// <summary>How many times the booking was moved to another time (kept for the office's statistics).</summary>
    public int Reschedules { get; set; }

    /// <summary>R5: when the late person chose at the kiosk to be served at the end of the day (kept for the statistics).</summary>
    public DateTime? EndOfDayChosenUtc { get; set; }

    /// <summary>Bumped on every change; conditional updates compare it.</summary>
    public int Version { get; set; }

    /// <summary>
    /// Takes <paramref name="step"/> in memory, as its row of <see cref="BookingStates.Table"/> says; a status the row does
    /// not start from is refused. Callers check first (or wrote the change with the row's conditional update), so a
    /// refusal here is a mistake in the code, never a person's doing.
    /// </summary>
    public BookingTransition MoveTo(BookingStep step)
    {
        var transition = BookingStates.Of(step);
        if (!transition.AllowsFrom(Status))
            throw new InvalidOperationException($"A booking cannot go from {Status} to {transition.To} by {step}.");
        Status = transition.To;
        return transition;
    }

    /// <summary>Whether the booking still holds its desk's time (cancelled, released, expired and void ones give it back).</summary>
    public static bool OccupiesSlot(BookingStatus s) =>
        s is not (BookingStatus.Cancelled or BookingStatus.Released or BookingStatus.Expired or BookingStatus.Void);

    /// <summary>Whether the holder may still reschedule or cancel it online.</summary>
    public static bool Changeable(BookingStatus s) => s is BookingStatus.Pending or BookingStatus.Confirmed;
    public bool IsActive => Changeable(Status);
}

/// <summary>
/// One base time unit of one desk taken by a booking. The primary key (desk, unit start)
/// is what makes a double booking impossible in the database itself, on every provider.
/// Rows are deleted when the booking stops occupying its time.
/// </summary>
public sealed class SlotClaim
{
    public const int UnitMinutes = 5;

    public int DeskId { get; set; }
    public DateTime UnitStartUtc { get; set; }
    public Guid BookingId { get; set; }

    public static IEnumerable<SlotClaim> For(Booking b)
    {
        for (var t = b.StartUtc; t < b.EndUtc; t = t.AddMinutes(UnitMinutes))
            yield return new SlotClaim { DeskId = b.DeskId, UnitStartUtc = t, BookingId = b.Id };
    }
}
