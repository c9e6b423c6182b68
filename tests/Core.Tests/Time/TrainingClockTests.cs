using Microsoft.Extensions.Time.Testing;
using Rantevou.Core.Time;

namespace Rantevou.Core.Tests.Time;

public sealed class TrainingClockTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TrainingClock_StartsAtTheChosenInstant()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(Start, new TrainingClock(Start, 10, real).GetUtcNow());
    }

    [Fact]
    public void TrainingClock_RunsSpeedTimesFasterThanRealTime()
    {
        var real = new FakeTimeProvider();
        var clock = new TrainingClock(Start, 10, real);
        real.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(Start.AddMinutes(30), clock.GetUtcNow());
    }

    [Fact]
    public async Task AWaitOnTheTrainingClock_LastsOfficeTime_SoASleepUntilADeadlineWakesOnTime()
    {
        var real = new FakeTimeProvider();
        var clock = new TrainingClock(Start, 10, real);
        var wait = Task.Delay(TimeSpan.FromMinutes(10), clock);

        real.Advance(TimeSpan.FromSeconds(59));
        Assert.False(wait.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Start.AddMinutes(10), clock.GetUtcNow());
    }

    [Fact]
    public void ATimerChangedOnTheTrainingClock_KeepsOfficeTime()
    {
        var real = new FakeTimeProvider();
        var clock = new TrainingClock(Start, 5, real);
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        real.Advance(TimeSpan.FromMinutes(1));
        real.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, ticks);
    }
}
