using Hangfire;
using Rantevou.Core.Reminders;

namespace Rantevou.Hub.Jobs;

/// <summary>R2: the reminders of the day before; each booking's is claimed by a conditional update, so a repeat sends none twice.</summary>
public sealed class ReminderJob(ReminderSweep reminders)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> RunAsync(CancellationToken ct) => reminders.SendDueAsync(ct);
}
