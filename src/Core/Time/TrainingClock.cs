namespace Rantevou.Core.Time;

/// <summary>
/// A clock that starts at a chosen instant and runs <see cref="Speed"/> times faster than real time: for training
/// clerks and showing the product outside office hours (Rantevou:Clock:Start, Rantevou:Clock:Speed). Never in Production.
/// </summary>
public sealed class TrainingClock(DateTimeOffset start, double speed, TimeProvider real) : TimeProvider
{
    readonly long startedAt = real.GetTimestamp();

    public double Speed => speed;

    public override DateTimeOffset GetUtcNow() =>
        start.ToUniversalTime() + TimeSpan.FromTicks((long)(real.GetElapsedTime(startedAt).Ticks * speed));

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>
    /// Waits run on the office's time too: ten office minutes at ×10 is one real minute. Otherwise whatever sleeps until
    /// an office instant — the expiry scheduler (R5), the screens' minute — would wake <see cref="Speed"/> times late.
    /// </summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(real.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    TimeSpan Real(TimeSpan office) => office == Timeout.InfiniteTimeSpan ? office : TimeSpan.FromTicks((long)(office.Ticks / speed));

    sealed class ScaledTimer(ITimer timer, TrainingClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(clock.Real(dueTime), clock.Real(period));
        public void Dispose() => timer.Dispose();
        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
