using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Rantevou.Contracts.Queue;
using Rantevou.Core.LiveDay;
using StackExchange.Redis;

namespace Rantevou.Hub.Queue;

public static class QueueSetup
{
    public static IHostApplicationBuilder AddRantevouQueue(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR(o => o.EnableDetailedErrors = false)
            .AddMessagePackProtocol(o => o.SerializerOptions = QueueWire.MessagePack);
        if (builder.Configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("rantevou"));
            builder.Services.AddOptions<RedisOptions>().Configure<BackplaneSignal>(Backplane);
        }
        builder.Services.AddOptions<QueueOptions>().BindConfiguration("Rantevou:Queue").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LocalScreens>();
        builder.Services.AddSingleton<BackplaneSignal>();
        builder.Services.AddSingleton<QueueHeartbeat>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueHeartbeat>());
        builder.Services.AddSingleton<QueueClock>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueClock>());
        builder.Services.AddSingleton<IQueueEvents, HubQueueEvents>();
        builder.Services.AddScoped<CheckInService>();
        builder.Services.AddScoped<WalkInService>();
        builder.Services.AddScoped<DeskActions>();
        builder.Services.AddScoped<DeskDayService>();
        builder.Services.AddScoped<SnapshotService>();
        builder.Services.AddSingleton<SnapshotCache>();
        builder.Services.AddScoped<BookingClosures>();
        // R5 on time; the minutely LiveDayJob (Jobs) stays as the safety net.
        builder.Services.AddOptions<ExpiryOptions>().BindConfiguration("Rantevou:Expiry").ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue("Rantevou:Expiry:Enabled", true))
            builder.Services.AddHostedService<ExpiryScheduler>();
        return builder;
    }

    /// <summary>
    /// The backplane's connection (docs/decisions/0007-scale-out.md): a node starts and serves without Redis, never waits
    /// for it (a push during an outage fails at once instead of holding the clerk's answer), reconnects every second,
    /// and when the connection comes back tells its own screens to resync, since the events of the outage are lost.
    /// </summary>
    static void Backplane(RedisOptions o, BackplaneSignal signal)
    {
        o.Configuration.AbortOnConnectFail = false;
        o.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
        o.Configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        o.ConnectionFactory = async writer =>
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(o.Configuration, writer);
            redis.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Subscription)
                    signal.RaiseRestored();
            };
            return redis;
        };
    }

    public static WebApplication MapRantevouQueue(this WebApplication app)
    {
        app.MapHub<QueueHub>(HubPaths.Queue);
        app.MapKioskApi();
        app.MapTicketApi();
        app.MapDeskApi();
        app.MapBookingLiveApi();
        return app;
    }
}
