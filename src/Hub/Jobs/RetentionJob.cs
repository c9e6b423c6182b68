using Hangfire;

namespace Rantevou.Hub.Jobs;

/// <summary>GDPR: anonymises bookings past the retention period (Rantevou:Privacy:RetentionDays), nightly.</summary>
public sealed class RetentionJob(Rantevou.Core.Privacy.Retention retention)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<int> RunAsync(CancellationToken ct) => retention.AnonymiseAsync(ct);
}
