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
/// </summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs) : IOutboxSignal
{
    int queued;

    public void MailCommitted()
    {
        if (Interlocked.Exchange(ref queued, 1) == 0)
            jobs.Enqueue<OutboxJob>(j => j.RunAsync(CancellationToken.None));
    }

    internal void Started() => Interlocked.Exchange(ref queued, 0);
}

/// <summary>The Hangfire entry point for sending mail (resolved from the container, run at least once).</summary>
public sealed class OutboxJob(OutboxDispatcher dispatcher, IOutboxSignal signal)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task<int> RunAsync(CancellationToken ct)
    {
        (signal as HangfireOutboxSignal)?.Started();
        return dispatcher.DispatchAsync(ct);
    }
}
