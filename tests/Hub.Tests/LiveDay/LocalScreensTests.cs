using Rantevou.Hub.Queue;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// Which offices this node's screens watch: a change for an office nobody watches here builds and sends nothing, and one
/// watched must always be pushed, through joins, a screen switching office, and leaves (a disconnect after a failed beat
/// leaves twice).
/// </summary>
public sealed class LocalScreensTests
{
    [Fact]
    public void AnOfficeIsWatched_UntilItsLastScreenLeaves()
    {
        var screens = new LocalScreens();
        screens.Joined("a", 1);
        screens.Joined("b", 1);

        screens.Left("a");

        Assert.True(screens.Any(1));
        screens.Left("b");
        Assert.False(screens.Any(1));
    }

    [Fact]
    public void AScreenJoiningAnotherOffice_StopsCountingForTheFirst()
    {
        var screens = new LocalScreens();
        screens.Joined("a", 1);

        screens.Joined("a", 2);

        Assert.False(screens.Any(1));
        Assert.True(screens.Any(2));
        Assert.Equal([(2, new[] { "a" })], screens.ByOffice().Select(g => (g.Key, g.ToArray())));
    }

    [Fact]
    public void JoiningTheSameOfficeTwice_AndLeavingTwice_CountsTheScreenOnce()
    {
        var screens = new LocalScreens();
        screens.Joined("a", 1);
        screens.Joined("a", 1);
        screens.Joined("b", 1);

        screens.Left("a");
        screens.Left("a");

        Assert.True(screens.Any(1));
        screens.Left("b");
        Assert.False(screens.Any(1));
        Assert.Empty(screens.ByOffice());
    }
}
