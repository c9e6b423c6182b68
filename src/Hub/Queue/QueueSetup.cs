using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Rantevou.Contracts.Queue;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Queue;

public static class QueueSetup
{
    public static IHostApplicationBuilder AddRantevouQueue(this IHostApplicationBuilder builder)
    {
        // R12: clerk actions through the hub are audited like their HTTP twins.
        var signalR = builder.Services.AddSignalR(o =>
        {
            o.EnableDetailedErrors = false;
            o.AddFilter<Audit.AuditHubFilter>();
        });
        if (builder.Configuration["Redis:Configuration"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("rantevou"));
        builder.Services.AddSingleton<IQueueEvents, HubQueueEvents>();
        builder.Services.AddScoped<CheckInService>();
        builder.Services.AddScoped<WalkInService>();
        builder.Services.AddScoped<DeskActions>();
        builder.Services.AddScoped<DeskDayService>();
        builder.Services.AddScoped<SnapshotService>();
        builder.Services.AddScoped<BookingClosures>();
        builder.Services.AddScoped<LiveDayJob>();
        // R5 on time; the minutely LiveDayJob stays as the safety net.
        builder.Services.AddOptions<ExpiryOptions>().BindConfiguration("Rantevou:Expiry");
        if (builder.Configuration.GetValue("Rantevou:Expiry:Enabled", true))
            builder.Services.AddHostedService<ExpiryScheduler>();
        return builder;
    }

    public static WebApplication MapRantevouQueue(this WebApplication app)
    {
        app.MapHub<QueueHub>(HubPaths.Queue);
        app.MapKioskApi();
        app.MapTicketApi();
        app.MapDeskApi();
        app.MapBookingLiveApi();
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<LiveDayJob>("live-day", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        return app;
    }
}

/// <summary>R5: expires late bookings and closes the day at closing time; idempotent, so a repeat or a crash changes nothing.</summary>
public sealed class LiveDayJob(BookingClosures closures)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        await closures.ExpireLateAsync(ct);
        await closures.CloseDaysAsync(ct);
    }
}
