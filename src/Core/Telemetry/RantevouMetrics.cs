using System.Diagnostics.Metrics;

namespace Rantevou.Core.Telemetry;

/// <summary>
/// The office's own measurements (meter <c>Rantevou</c>), exported with OpenTelemetry when configured: bookings by
/// outcome, mail sent and failed (R2), waiting time per office and service (R3–R6), expiry lateness (R5), hub
/// connections. Gauges that read the database (outbox, queue length) are registered by the server.
/// </summary>
public sealed class RantevouMetrics
{
    public const string MeterName = "Rantevou";

    readonly Counter<long> bookings;
    readonly Counter<long> mailSent;
    readonly Counter<long> mailFailed;
    readonly Histogram<double> waiting;
    readonly Histogram<double> expiryLateness;
    readonly UpDownCounter<long> hubConnections;

    public RantevouMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        bookings = Meter.CreateCounter<long>("rantevou.bookings", "{booking}", "Online booking attempts, by outcome (created, or the refusal's code)");
        mailSent = Meter.CreateCounter<long>("rantevou.mail.sent", "{mail}", "Mail handed to the mail server");
        mailFailed = Meter.CreateCounter<long>("rantevou.mail.failed", "{mail}", "Mail the mail server did not take (retried later)");
        waiting = Meter.CreateHistogram<double>("rantevou.queue.waiting_time", "min", "From arrival (check-in or ticket) to being called, per office and service");
        expiryLateness = Meter.CreateHistogram<double>("rantevou.expiry.lateness", "s", "How long after a booking's deadline the expiry sweep ran (R5)");
        hubConnections = Meter.CreateUpDownCounter<long>("rantevou.hub.connections", "{connection}", "Screens connected to the queue hub of this node");
    }

    /// <summary>The meter itself, for the server's observable gauges.</summary>
    public Meter Meter { get; }

    public void Booking(string outcome) => bookings.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void MailSent() => mailSent.Add(1);

    public void MailFailed() => mailFailed.Add(1);

    public void Called(int officeId, int serviceId, TimeSpan waited) => waiting.Record(Math.Max(0, waited.TotalMinutes),
        new KeyValuePair<string, object?>("office", officeId), new KeyValuePair<string, object?>("service", serviceId));

    public void ExpiryLate(TimeSpan late) => expiryLateness.Record(Math.Max(0, late.TotalSeconds));

    public void HubConnected() => hubConnections.Add(1);

    public void HubDisconnected() => hubConnections.Add(-1);
}
