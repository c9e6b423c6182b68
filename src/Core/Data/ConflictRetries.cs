using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Rantevou.Core.Data;

/// <summary>
/// PostgreSQL's retries of a transaction that lost a serialization conflict (40001) or a deadlock (40P01), ADR 0011.
/// EF's own backoff retries the first time at once and later ones within 10% of each other, so the losers of one
/// conflict meet again, and a burst of bookings by one person (same email and mobile, R12's predicate reads) used up
/// its retries. Each retry here waits a random time that grows with the attempt: the losers spread out and one wins each round.
/// </summary>
sealed class ConflictRetries(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(1), ["40001", "40P01"])
{
    const int MaxRetries = 12;

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        base.GetNextDelay(lastException) is null
            ? null
            : TimeSpan.FromMilliseconds(Random.Shared.Next(1, 20 << Math.Min(ExceptionsEncountered.Count, 5)));
}
