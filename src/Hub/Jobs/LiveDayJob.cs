using Hangfire;
using Rantevou.Core.LiveDay;

namespace Rantevou.Hub.Jobs;

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
