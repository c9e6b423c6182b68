using Rantevou.Core.Catalogue;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Notifications;

/// <summary>Renders the email for a booking change into an outbox row (implemented by the host: templates, QR, calendar file).</summary>
public interface IBookingMail
{
    /// <summary>
    /// The mail to the booking's holder, or to <paramref name="to"/> instead (R7: the agent told of its citizen's booking);
    /// <paramref name="before"/> is what a moved appointment was, so the mail says what changed.
    /// </summary>
    OutboxMessage Compose(MailKind kind, Booking.Booking booking, Service service, Office office, Desk desk, MailRecipient? to = null,
        Previously? before = null);
}

/// <summary>A moved appointment's time and desk before the move (the desk only where it changed).</summary>
public sealed record Previously(DateTime StartUtc, Desk? Desk = null);

/// <summary>Who a booking's mail goes to when not its holder.</summary>
public sealed record MailRecipient(string Name, string Email);

/// <summary>Tells the sender that new outbox rows are committed (the periodic sweep catches anything missed).</summary>
public interface IOutboxSignal
{
    void MailCommitted();
}
