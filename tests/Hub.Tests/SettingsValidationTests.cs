using Rantevou.TestKit;

namespace Rantevou.Hub.Tests;

/// <summary>
/// A setting out of its range stops the server at start and names itself, instead of a limit of zero refusing every
/// citizen, a scheduler that never sleeps, or a health check that is never healthy.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Rantevou:RateLimits:BookingPerMinute", "0", "BookingPerMinute")]
    [InlineData("Rantevou:RateLimits:TicketsPerKioskPerMinute", "-1", "TicketsPerKioskPerMinute")]
    [InlineData("Rantevou:Jobs:WorkerCount", "0", "WorkerCount")]
    [InlineData("Rantevou:Expiry:MaxWaitSeconds", "0", "MaxWaitSeconds")]
    [InlineData("Rantevou:Health:OutboxUnhealthyMinutes", "10", "OutboxUnhealthyMinutes")]
    [InlineData("Rantevou:Queue:HeartbeatSeconds", "-5", "HeartbeatSeconds")]
    public void OutOfRangeSetting_StopsTheStart_NamingIt(string key, string value, string named)
    {
        using var app = new RantevouApp();
        app.Settings[key] = value;
        var failed = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(named, failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaults_Start()
    {
        using var app = new RantevouApp();
        app.CreateClient().Dispose();
    }
}
