using Hangfire;
using Rantevou.Core.Notifications;

namespace Rantevou.Hub.Notifications;

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
