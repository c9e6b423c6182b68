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
}
