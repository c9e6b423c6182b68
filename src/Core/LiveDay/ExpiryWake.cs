namespace Rantevou.Core.LiveDay;

/// <summary>
/// R5: the in-process signal that a booking's expiry deadline (start + grace) may now come before the instant the
/// expiry scheduler sleeps until: a booking confirmed or moved, or the office's grace changed. It only wakes the
/// scheduler when the new deadline is earlier than its planned wake-up, so bookings for later days cost nothing.
/// Changes made on another node are not signalled here; the scheduler's capped wait catches them.
/// </summary>
public sealed class ExpiryWake
{
    TaskCompletionSource woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long plannedTicks = long.MaxValue;

    /// <summary>A booking now expires at <paramref name="deadlineUtc"/> unless checked in.</summary>
    public void Deadline(DateTime deadlineUtc)
    {
        if (deadlineUtc.Ticks < Interlocked.Read(ref plannedTicks))
            Volatile.Read(ref woken).TrySetResult();
    }

    /// <summary>Deadlines may have moved in any direction (e.g. the grace time changed).</summary>
    public void Any() => Volatile.Read(ref woken).TrySetResult();

    /// <summary>
    /// The scheduler, before it reads the database: from now on every change wakes it, so none committed while it
    /// reads is missed. Returns the task that completes on the next wake.
    /// </summary>
    public Task Arm()
    {
        Interlocked.Exchange(ref plannedTicks, long.MaxValue);
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref woken, fresh);
        return fresh.Task;
    }

    /// <summary>The scheduler, once it knows when it will look next: only earlier deadlines wake it from now on.</summary>
    public void Planned(DateTime wakeUtc) => Interlocked.Exchange(ref plannedTicks, wakeUtc.Ticks);
}
