using Hangfire;
using Rantevou.Core.Notifications;

namespace Rantevou.Hub.Notifications;

public static class NotificationsSetup
{
    public static IHostApplicationBuilder AddRantevouMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration("Smtp").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailTransportFactory>();
        builder.Services.AddScoped<IBookingMail, BookingMail>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddSingleton<IOutboxSignal, HangfireOutboxSignal>();
        return builder;
    }
}

/// <summary>
/// After a commit, asks Hangfire to send the outbox now. Signals that arrive while a send is
/// already queued are folded into it; the recurring sweep covers anything else.
/// Never throws: the change is committed by now, and a lost nudge only delays the mail until the sweep.
/// </summary>
public sealed partial class HangfireOutboxSignal(IServiceProvider services, ILogger<HangfireOutboxSignal> log) : IOutboxSignal
{
    int queued;

    public void MailCommitted()
    {
        if (Interlocked.Exchange(ref queued, 1) != 0)
            return;
        try
        {
            // Resolved here, not injected: building the client can fail too when the job storage is unreachable.
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None));
        }
        catch (Exception e)
        {
            Interlocked.Exchange(ref queued, 0);
            LogNudgeFailed(log, e);
        }
    }

    internal void Started() => Interlocked.Exchange(ref queued, 0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the outbox send; the recurring sweep will send the mail")]
    static partial void LogNudgeFailed(ILogger logger, Exception e);
}
