namespace Rantevou.Core.Notifications;

/// <summary>
/// R2: an email waiting to be sent, written in the same transaction as the change it tells of,
/// so no committed change is without its mail and no mail tells of a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public Guid? BookingId { get; set; }
    public required string Kind { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }

    /// <summary>The whole MIME message, rendered when the change was made.</summary>
    public required byte[] Mime { get; set; }

    public DateTime CreatedUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>A sender claims a message until this instant, so two senders never send it twice.</summary>
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Why a booking email is sent (R2: every change is told).</summary>
public enum MailKind
{
    Created,
    Confirmed,
    Rescheduled,
    Cancelled,
    Released,
    Expired,
    Voided,
    /// <summary>R5: the person chose to be served after the scheduled appointments.</summary>
    Deferred,
    /// <summary>R12: called and did not come to the desk.</summary>
    NoShow,
    /// <summary>The office closed before the person could be served.</summary>
    NotServedDayClosed,
    /// <summary>R11: the office changed its services, desks or hours and the booking could no longer stand.</summary>
    CancelledByOffice,
    /// <summary>R2: the day before a confirmed appointment, with links to say "I will come" or to release the time.</summary>
    Reminder,
    /// <summary>R11: the booking's desk was switched off or no longer serves it; same time, another desk.</summary>
    DeskChanged,
}
