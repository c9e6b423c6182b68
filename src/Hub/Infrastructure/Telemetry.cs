using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Telemetry;

namespace Rantevou.Hub.Infrastructure;

/// <summary>
/// Traces, metrics and logs with OpenTelemetry, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
/// <c>Rantevou:Otlp:Endpoint</c> is set; the <c>Rantevou</c> meter always (tests read it in process).
/// EF Core's OpenTelemetry instrumentation is only a beta: its meter <c>Microsoft.EntityFrameworkCore</c> is exported
/// instead, and SQL shows in traces as the time of the ASP.NET Core span around it.
/// </summary>
public static class Telemetry
{
    public static IHostApplicationBuilder AddRantevouTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RantevouMetrics>();
        builder.Services.AddSingleton<DatabaseGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseGauges>());
        builder.Services.AddSingleton<HubConnectionsFilter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubConnectionsFilter>());

        var endpoint = builder.Configuration["Rantevou:Otlp:Endpoint"];
        if (string.IsNullOrEmpty(endpoint) && string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            return builder;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Rantevou"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddSource("Microsoft.AspNetCore.SignalR.Server"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddMeter(RantevouMetrics.MeterName, "Microsoft.AspNetCore.Http.Connections", "Microsoft.EntityFrameworkCore"))
            .WithLogging();
        if (string.IsNullOrEmpty(endpoint))
            otel.UseOtlpExporter();
        else
            otel.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        return builder;
    }
}

/// <summary>Screens connected to this node's hub: a display or kiosk that dropped shows as one connection less.</summary>
sealed class HubConnectionsFilter(RantevouMetrics metrics) : IHubFilter
{
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        metrics.HubConnected();
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.HubDisconnected();
        return next(context, exception);
    }
}

/// <summary>Gauges read from the database when a reader collects: the outbox (R2) and who waits, per office and service.</summary>
sealed class DatabaseGauges(RantevouMetrics metrics, IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Meter.CreateObservableGauge("rantevou.outbox.backlog", () => Read(db => db.Outbox.Count(m => m.SentUtc == null)),
            "{mail}", "Mail waiting to be sent");
        metrics.Meter.CreateObservableGauge("rantevou.outbox.oldest_age", () => Read(db =>
            db.Outbox.Where(m => m.SentUtc == null).OrderBy(m => m.CreatedUtc).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefault() is { } oldest
                ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(oldest, DateTimeKind.Utc)).TotalSeconds)
                : 0), "s", "Age of the oldest unsent mail");
        metrics.Meter.CreateObservableGauge("rantevou.queue.length", QueueLength, "{person}",
            "People checked in or holding a ticket and not yet called, per office and service");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    IEnumerable<Measurement<int>> QueueLength()
    {
        var rows = Read(db =>
            db.Bookings.Where(b => b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Deferred)
                .GroupBy(b => new { b.OfficeId, b.ServiceId }).Select(g => new { g.Key.OfficeId, g.Key.ServiceId, Count = g.Count() }).ToList()
            .Concat(db.WalkInTickets.Where(t => t.Status == TicketStatus.Waiting)
                .GroupBy(t => new { t.OfficeId, t.ServiceId }).Select(g => new { g.Key.OfficeId, g.Key.ServiceId, Count = g.Count() }).ToList())
            .GroupBy(r => (r.OfficeId, r.ServiceId)).Select(g => (g.Key, Count: g.Sum(r => r.Count))).ToList());
        return rows.Select(r => new Measurement<int>(r.Count,
            new KeyValuePair<string, object?>("office", r.Key.OfficeId), new KeyValuePair<string, object?>("service", r.Key.ServiceId)));
    }

    T Read<T>(Func<RantevouDbContext, T> query)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return query(db);
    }
}
