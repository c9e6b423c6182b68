using Hangfire;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Jobs;

/// <summary>
/// Several hosts in one process (the training office beside the office): Hangfire logs through one process-wide
/// provider, and a host that stops must not take it down with its logger factory.
/// </summary>
public class HangfireLoggingTests
{
    [Fact]
    public async Task AHostThatStopped_LeavesHangfireLoggingWorkingForTheOthers()
    {
        await using var running = new RantevouApp();
        running.CreateClient();
        var stopped = new RantevouApp();
        stopped.CreateClient();
        await stopped.DisposeAsync();

        // What a host starting now does: Hangfire's classes create their loggers as they are made.
        var log = LogProvider.GetLogger("Rantevou.Tests");
        log.Log(LogLevel.Info, () => "after a host stopped");
        _ = new RecurringJobManager(running.Services.GetRequiredService<JobStorage>());
        await using var next = new RantevouApp();
        var response = await next.CreateClient().GetAsync("/health");
        Assert.True(response.IsSuccessStatusCode);
    }
}
