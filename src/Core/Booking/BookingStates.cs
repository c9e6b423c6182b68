using Rantevou.Core.Notifications;

namespace Rantevou.Core.Booking;

/// <summary>Each path in the code that changes a booking's status; one row of <see cref="BookingStates.Table"/> each.</summary>
public enum BookingStep
{
    /// <summary>The person confirms from the email link.</summary>
    Confirm,

    /// <summary>The holder cancels from the booking's page or answers the reminder "I cannot come".</summary>
    CancelByHolder,

    /// <summary>Never confirmed within the hold time: the time goes back to the others.</summary>
    ReleaseUnconfirmed,

    /// <summary>Nobody checked in by start + grace (the expiry sweep).</summary>
    ExpireLate,

    /// <summary>A clerk or admin voids it with a reason.</summary>
    Void,

    /// <summary>An admin change (service, desk, hours) leaves it unservable.</summary>
    CancelByOffice,

    /// <summary>The kiosk scan, in time or late but still servable.</summary>
    CheckIn,

    /// <summary>A late person chooses the end of the day at the kiosk.</summary>
    ServeAtEndOfDay,

    /// <summary>A desk calls the person.</summary>
    Call,

    /// <summary>The clerk completes the service.</summary>
    Complete,

    /// <summary>Called and did not come to the desk.</summary>
    NoShow,

    /// <summary>The clerk judges the person cannot be served now.</summary>
    Defer,

    /// <summary>The next scheduled appointment is due while the person is at the desk.</summary>
    Interrupt,

    /// <summary>Closing time came while the person was still waiting.</summary>
    CloseDay,
}

/// <summary>Which office day a step changes, through <see cref="LiveDay.DayChanges"/> in every case.</summary>
public enum DayScope
{
    /// <summary>The booking's own day: its availability is read again, and the screens hear of it when that day is today.</summary>
    BookingsDay,

    /// <summary>Today, the live day: only today's bookings take this step, so the day's version always moves.</summary>
    Today,
}

/// <param name="Rule">The office rule (R1–R13) the step carries out.</param>
/// <param name="Mail">The email the holder gets, in the same transaction (R2); null when none.</param>
public sealed record BookingTransition(BookingStep Step, BookingStatus[] From, BookingStatus To, string Rule, MailKind? Mail, DayScope Day)
{
    public bool AllowsFrom(BookingStatus status) => From.Contains(status);

    /// <summary>What a conditional update needs: the statuses it may start from, the one it writes, the mail it sends.</summary>
    public void Deconstruct(out BookingStatus[] from, out BookingStatus to, out MailKind? mail) => (from, to, mail) = (From, To, Mail);
}

/// <summary>
/// Every status change a booking may make, in one table (docs/decisions/0019). Code that changes a status takes its
/// step from here: the statuses it may start from (the condition of its conditional update), the status it ends in,
/// and the mail it sends. A new or rescheduled booking is not a status change: it starts Pending, or Confirmed when an
/// agent books as itself (R7, R8), and a reschedule keeps its status.
/// </summary>
public static class BookingStates
{
    const BookingStatus Pending = BookingStatus.Pending, Confirmed = BookingStatus.Confirmed, Cancelled = BookingStatus.Cancelled,
        Released = BookingStatus.Released, Expired = BookingStatus.Expired, Void = BookingStatus.Void,
        CheckedIn = BookingStatus.CheckedIn, Deferred = BookingStatus.Deferred, Called = BookingStatus.Called,
        Served = BookingStatus.Served, NoShow = BookingStatus.NoShow;

    public static readonly IReadOnlyList<BookingTransition> Table =
    [
        new(BookingStep.Confirm, [Pending], Confirmed, "R7", MailKind.Confirmed, DayScope.BookingsDay),
        new(BookingStep.CancelByHolder, [Pending, Confirmed], Cancelled, "R2", MailKind.Cancelled, DayScope.BookingsDay),
        new(BookingStep.ReleaseUnconfirmed, [Pending], Released, "R7", MailKind.Released, DayScope.BookingsDay),
        new(BookingStep.ExpireLate, [Confirmed], Expired, "R5", MailKind.Expired, DayScope.BookingsDay),
        // Until the person is served: a clerk finds the wrong details at the desk too.
        new(BookingStep.Void, [Pending, Confirmed, CheckedIn, Deferred, Called], Void, "R9", MailKind.Voided, DayScope.BookingsDay),
        // Booked or waiting, but not at a desk: the person being served is finished first.
        new(BookingStep.CancelByOffice, [Pending, Confirmed, CheckedIn, Deferred], Cancelled, "R11", MailKind.CancelledByOffice, DayScope.BookingsDay),
        new(BookingStep.CheckIn, [Confirmed], CheckedIn, "R3", null, DayScope.Today),
        // Expired too: the sweep may have expired the booking before the late person reached the kiosk.
        new(BookingStep.ServeAtEndOfDay, [Confirmed, Expired], Deferred, "R5", MailKind.Deferred, DayScope.Today),
        new(BookingStep.Call, [CheckedIn, Deferred], Called, "R3", null, DayScope.Today),
        new(BookingStep.Complete, [Called], Served, "R4", null, DayScope.Today),
        new(BookingStep.NoShow, [Called], NoShow, "R12", MailKind.NoShow, DayScope.Today),
        new(BookingStep.Defer, [Called], Deferred, "R5", MailKind.Deferred, DayScope.Today),
        new(BookingStep.Interrupt, [Called], Deferred, "R13", MailKind.Deferred, DayScope.Today),
        // Not served today: the day is over for them (expired, with the mail that says why).
        new(BookingStep.CloseDay, [CheckedIn, Deferred], Expired, "R5", MailKind.NotServedDayClosed, DayScope.BookingsDay),
    ];

    static readonly Dictionary<BookingStep, BookingTransition> BySteps = Table.ToDictionary(t => t.Step);

    public static BookingTransition Of(BookingStep step) => BySteps[step];

    /// <summary>The statuses <paramref name="step"/> may start from: the condition of its conditional update.</summary>
    public static BookingStatus[] From(BookingStep step) => BySteps[step].From;

    public static bool Allows(BookingStep step, BookingStatus from) => BySteps[step].AllowsFrom(from);

    /// <summary>Whether any step leads from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool Allows(BookingStatus from, BookingStatus to) => Table.Any(t => t.To == to && t.AllowsFrom(from));
}
