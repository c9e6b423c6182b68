using Rantevou.Core.Catalogue;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Notifications;

/// <summary>Renders the email for a booking change into an outbox row (implemented by the host: templates, QR, calendar file).</summary>
public interface IBookingMail
{
    OutboxMessage Compose(MailKind kind, Booking.Booking booking, Service service, Office office, Desk desk);
}

/// <summary>Tells the sender that new outbox rows are committed (the periodic sweep catches anything missed).</summary>
public interface IOutboxSignal
{
    void MailCommitted();
}
