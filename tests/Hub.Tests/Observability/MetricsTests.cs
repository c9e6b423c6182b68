using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Rantevou.Core.Telemetry;
using Rantevou.Hub.Tests.LiveDay;

namespace Rantevou.Hub.Tests.Observability;

/// <summary>The <c>Rantevou</c> meter after a scripted morning: a booking made and one refused, mail sent, a check-in and a clerk's call.</summary>
public sealed class MetricsTests : LiveDayTest
{
    [Fact]
    public async Task ABookingAndACall_AreCounted_WithQueueWaitingTimeAndOutbox()
    {
        var meters = App.Services.GetRequiredService<IMeterFactory>();
        using var bookings = new MetricCollector<long>(meters, RantevouMetrics.MeterName, "rantevou.bookings");
        using var sent = new MetricCollector<long>(meters, RantevouMetrics.MeterName, "rantevou.mail.sent");
        using var waiting = new MetricCollector<double>(meters, RantevouMetrics.MeterName, "rantevou.queue.waiting_time");
        using var queue = new MetricCollector<int>(meters, RantevouMetrics.MeterName, "rantevou.queue.length");
        using var backlog = new MetricCollector<int>(meters, RantevouMetrics.MeterName, "rantevou.outbox.backlog");

        var service = await ServiceAsync("Driving licence renewal");
        var booked = await BookAsync(service, Wed(9, 0), "metrics");
        var refused = await Http.BookAsync(service, Wed(9, 0), fullName: "", email: "x", mobile: "1");
        Assert.False(refused.IsSuccessStatusCode);

        Assert.Equal(2, bookings.GetMeasurementSnapshot().Count);
        Assert.Single(bookings.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "created");
        Assert.Single(bookings.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] != "created");
        backlog.RecordObservableInstruments();
        Assert.True(backlog.LastMeasurement?.Value >= 2, "the created and confirmed mails wait in the outbox");
        await App.DispatchMailAsync();
        Assert.True(sent.GetMeasurementSnapshot().Count >= 2);
        backlog.RecordObservableInstruments();
        Assert.Equal(0, backlog.LastMeasurement?.Value);

        At(8, 50);
        await ScanAsync(booked.Qr);
        queue.RecordObservableInstruments();
        var waitingNow = Assert.Single(queue.GetMeasurementSnapshot(), m => (int?)m.Tags["service"] == service);
        Assert.Equal(1, waitingNow.Value);

        At(9, 0);
        var clerk = await ClerkAsync();
        Assert.NotNull(await clerk.CallNextAsync(await DeskIdAsync(1)));
        var waited = Assert.Single(waiting.GetMeasurementSnapshot());
        Assert.Equal(10, waited.Value, precision: 3);
        Assert.Equal(service, waited.Tags["service"]);
        queue.GetMeasurementSnapshot(clear: true);
        queue.RecordObservableInstruments();
        Assert.DoesNotContain(queue.GetMeasurementSnapshot(), m => (int?)m.Tags["service"] == service && m.Value > 0);
    }
}
