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
}
