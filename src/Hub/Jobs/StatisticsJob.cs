using Hangfire;
using Rantevou.Core.Statistics;

namespace Rantevou.Hub.Jobs;

/// <summary>Keeps the statistics of each finished office day, nightly (<see cref="OfficeStatistics.KeepFinishedDaysAsync"/>); idempotent.</summary>
public sealed class StatisticsJob(OfficeStatistics statistics)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<int> RunAsync(CancellationToken ct) => statistics.KeepFinishedDaysAsync(ct);
}
