using Hangfire;
using Rantevou.Core.Booking;

namespace Rantevou.Hub.Booking;

/// <summary>Releases bookings not confirmed within the hold time (R7), each told by email.</summary>
public sealed class HoldReleaseJob(BookingService bookings)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> RunAsync(CancellationToken ct) => bookings.ReleaseExpiredHoldsAsync(ct);
}
