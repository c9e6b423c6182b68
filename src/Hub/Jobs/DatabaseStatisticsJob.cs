using Hangfire;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Jobs;

/// <summary>
/// Keeps SQLite's planner statistics current as the office's tables grow (<see cref="SqliteStatistics"/>); a check that
/// finds nothing to analyse costs next to nothing, so it runs every ten minutes and a new office is planned right soon.
/// </summary>
public sealed class DatabaseStatisticsJob(RantevouDbContext db, WriteGate gate)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<bool> RunAsync(CancellationToken ct) => SqliteStatistics.RefreshAsync(db, gate, ct);
}
